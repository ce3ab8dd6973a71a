// The branchloop commands. Each parses its own flags and calls services through the contract.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../api/errors.js';
import type { ApiClient } from '../api/client.js';
import { resolveDataLocation, type DataLocation } from '../platform/dataDir.js';
import { startDataWorker } from '../platform/startup.js';
import { todayIso } from '../services/dates.js';
import { writeDemoCsv } from '../services/demo/csvExport.js';
import { csvEncodings, type CsvEncoding } from '../services/demo/csvFileWriter.js';
import { progressPrinter, table, yuan } from './format.js';
import { importCommand } from './importCommand.js';
import { analyzeCommand } from './analyzeCommand.js';
import { kmeansCommand } from './kmeansCommand.js';
import { rulesCommand } from './rulesCommand.js';
import { unwrapResult } from './unwrap.js';

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
  /** Whether the command takes operands (file names) after its options. */
  operands?: boolean;
  run(
    flags: Record<string, string | boolean | undefined>,
    session: Session,
    operands: string[],
  ): Promise<CommandOutput>;
}

export interface Session {
  location: DataLocation;
  json: boolean;
  /** Opens the database through the data worker; `seedDemo` loads the demo branch into an empty one. */
  open(seedDemo: boolean): Promise<ApiClient>;
}

export const unwrap = unwrapResult;

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

function encodingFlag(value: string | boolean | undefined): CsvEncoding {
  if (value === undefined) return 'utf-8';
  const name = String(value)
    .toLowerCase()
    .replace(/^utf8$/, 'utf-8');
  const encoding = csvEncodings.find((e) => e === name);
  if (!encoding) {
    throw new AppError('invalid_input', `--encoding: "${String(value)}" is not one of ${csvEncodings.join(', ')}.`);
  }
  return encoding;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

// The demo branch as core-banking exports, for the import path; it needs no database, so it runs
// here rather than in the data worker.
const demo: Command = {
  name: 'demo',
  summary: 'write the demo branch as core-banking CSV files (docs/FORMATS.md) into a folder',
  usage:
    'branchloop demo --out DIR [--customers N] [--seed S] [--months M] [--as-of YYYY-MM-DD] [--encoding utf-8|gbk] [--bom] [--dirty] [--json]\n\n' +
    'Writes branches, staff, products, customers, blacklist, complaints, holdings, activity, loans and repayments .csv,\n' +
    'latent_groups.csv and, with --dirty, planted bad rows listed in expected_rejections.csv. manifest.json is written last:\n' +
    'a folder without it holds an incomplete export. Defaults: 2000 customers, 24 months, as of today, UTF-8.',
  options: {
    out: { type: 'string' },
    customers: { type: 'string' },
    seed: { type: 'string' },
    months: { type: 'string' },
    'as-of': { type: 'string' },
    encoding: { type: 'string' },
    bom: { type: 'boolean' },
    dirty: { type: 'boolean' },
  },
  async run(flags) {
    if (typeof flags.out !== 'string' || flags.out === '') {
      throw new AppError('invalid_input', '--out DIR is required: the folder to write the CSV files into.');
    }
    const encoding = encodingFlag(flags.encoding);
    const options = {
      outDir: flags.out,
      customers: positiveInt('customers', flags.customers, 2000),
      seed: positiveInt('seed', flags.seed, 20261123),
      months: positiveInt('months', flags.months, 24),
      asOf: typeof flags['as-of'] === 'string' ? flags['as-of'] : todayIso(),
      encoding,
      bom: flags.bom === true,
      dirty: flags.dirty === true,
    };
    const printer = progressPrinter(process.stderr);
    const cancel = new AbortController();
    // The first Ctrl-C stops the export cleanly; a second one kills the process as usual.
    const onInterrupt = () => cancel.abort();
    process.once('SIGINT', onInterrupt);
    const started = performance.now();
    try {
      const result = await writeDemoCsv(options, {
        signal: cancel.signal,
        onProgress: (progress) => printer.report(progress),
      });
      printer.done();
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      const { manifest } = result;
      const rows: [string, string][] = manifest.files.map((file) => [
        file.name,
        `${file.rows.toLocaleString('en')} rows, ${megabytes(file.bytes)}`,
      ]);
      rows.push(['total', `${megabytes(result.totalBytes)} in ${seconds} s`]);
      if (manifest.expected) rows.push(['expected rejections', String(manifest.expected.rejections.rows)]);
      return {
        json: {
          outDir: result.outDir,
          seed: manifest.seed,
          customers: manifest.customers,
          months: manifest.months,
          asOf: manifest.asOf,
          encoding: manifest.encoding,
          bom: manifest.bom,
          dirty: manifest.dirty,
          files: manifest.files,
          latentGroups: manifest.latent.file,
          expectedRejections: manifest.expected?.rejections ?? null,
          totalBytes: result.totalBytes,
          seconds,
        },
        text: `Wrote the demo branch to ${result.outDir}\n` + table(rows),
      };
    } finally {
      process.removeListener('SIGINT', onInterrupt);
    }
  },
};

export const commands: readonly Command[] = [
  init,
  stats,
  demo,
  importCommand,
  analyzeCommand,
  kmeansCommand,
  rulesCommand,
];

export function parseCommandFlags(command: Command, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...command.options,
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: command.operands === true,
  });
  return { ...values, operands: positionals };
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
