// The branchloop commands. Each parses its own flags and calls services through the contract.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../api/errors.js';
import type { ApiClient } from '../api/client.js';
import type { Result } from '../api/errors.js';
import { resolveDataLocation, type DataLocation } from '../platform/dataDir.js';
import { startDataWorker } from '../platform/startup.js';
import { progressPrinter, table, yuan } from './format.js';

export interface CommandOutput {
  /** What --json prints on stdout. */
  json: unknown;
  /** What a person reads otherwise. */
  text: string;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(flags: Record<string, string | boolean | undefined>, session: Session): Promise<CommandOutput>;
}

export interface Session {
  location: DataLocation;
  json: boolean;
  /** Opens the database through the data worker; `seedDemo` loads the demo branch into an empty one. */
  open(seedDemo: boolean): Promise<ApiClient>;
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new AppError(result.error.code, result.error.message, result.error.details);
}

function positiveInt(flag: string, value: string | boolean | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < 0) {
    throw new AppError('invalid_input', `--${flag}: "${String(value)}" is not a whole number.`);
  }
  return n;
}

const init: Command = {
  name: 'init',
  summary: 'create the branch database; on an empty one, load the demo branch',
  usage: 'branchloop init [--data-dir DIR] [--empty] [--customers N] [--seed S] [--replace] [--json]',
  options: {
    empty: { type: 'boolean' },
    customers: { type: 'string' },
    seed: { type: 'string' },
    replace: { type: 'boolean' },
  },
  async run(flags, session) {
    const api = await session.open(false);
    const info = unwrap(await api.call('app.info', {}));
    let loaded = null;
    if (!flags.empty && (info.branch === null || flags.replace)) {
      const printer = progressPrinter(process.stderr);
      loaded = unwrap(
        await api.call(
          'demo.load',
          {
            customers: positiveInt('customers', flags.customers, 2000),
            seed: positiveInt('seed', flags.seed, 20261123),
            replace: flags.replace === true,
          },
          { onProgress: (progress) => printer.report(progress) },
        ),
      );
      printer.done();
    }
    const after = unwrap(await api.call('app.info', {}));
    const text = loaded
      ? `Loaded the demo branch: ${loaded.customers} customers, ${loaded.holdings} holdings, ${loaded.activityRows} activity rows, ${loaded.loans} loans.\nDatabase: ${after.databaseFile}\n`
      : `Database ready (schema ${after.schemaVersion}, ${after.customerCount} customers): ${after.databaseFile}\n`;
    return {
      json: {
        database: after.databaseFile,
        schemaVersion: after.schemaVersion,
        customers: after.customerCount,
        loaded,
      },
      text,
    };
  },
};

const stats: Command = {
  name: 'stats',
  summary: 'counts and balances of the branch database',
  usage: 'branchloop stats [--data-dir DIR] [--json]',
  options: {},
  async run(_flags, session) {
    const api = await session.open(false);
    const summary = unwrap(await api.call('stats.summary', {}));
    const text = table([
      ['database', session.location.databaseFile],
      ['schema version', String(summary.schemaVersion)],
      ['demo data', summary.isDemo ? 'yes' : 'no'],
      ['branches', String(summary.branches)],
      ['staff', String(summary.staff)],
      ['customers', summary.customers.toLocaleString('en')],
      ['products', String(summary.products)],
      ['holdings', summary.holdings.toLocaleString('en')],
      ['activity rows', summary.activityRows.toLocaleString('en')],
      ['loans', summary.loans.toLocaleString('en')],
      ['repayments', summary.repayments.toLocaleString('en')],
      ['deposit balances', yuan(summary.depositBalanceFen)],
      ['loan balances', yuan(summary.loanBalanceFen)],
    ]);
    return { json: summary, text };
  },
};

export const commands: readonly Command[] = [init, stats];

export function parseCommandFlags(command: Command, args: string[]) {
  return parseArgs({
    args,
    options: {
      ...command.options,
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}

export async function openSession(
  location: DataLocation,
  json: boolean,
): Promise<{ session: Session; close(): Promise<void> }> {
  let closeHost: (() => Promise<void>) | null = null;
  const session: Session = {
    location,
    json,
    async open(seedDemo) {
      const { host } = await startDataWorker({
        ...location,
        seedDemo,
        onLog: (entry) => {
          if (entry.level !== 'warn' || !entry.method) process.stderr.write(`${entry.message}\n`);
        },
      });
      closeHost = () => host.close();
      return host.api;
    },
  };
  return { session, close: async () => closeHost?.() };
}

export { resolveDataLocation };
