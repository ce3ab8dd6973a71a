// Writes the demo branch as the core-banking CSV files of docs/FORMATS.md, customer by customer and
// streamed, so a million customers never sit in memory. Every file is written as .partial-<name> and
// renamed when complete; manifest.json comes last, so a directory without one is incomplete.
import { mkdir, readdir, rm, writeFile, rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { AppError } from '../../api/errors.js';
import type { Progress } from '../../api/types.js';
import { appVersion } from '../version.js';
import { demoBranch, demoStaff } from './branchStaff.js';
import { demoProducts } from './catalogue.js';
import {
  activityFields,
  blacklistFields,
  branchFields,
  complaintFields,
  csvFileNames,
  csvHeaders,
  customerFields,
  holdingFields,
  loanFields,
  productFields,
  repaymentFields,
  staffFields,
  type CsvFileName,
} from './csvColumns.js';
import { CsvFileWriter, type CsvEncoding, type WrittenFile } from './csvFileWriter.js';
import {
  associationThreshold,
  demoCsvFormatVersion,
  latentFileName,
  latentGroups,
  manifestFileName,
  productAssociations,
  rejectionsFileName,
  type DemoCsvManifest,
} from './csvManifest.js';
import { DirtyPlan } from './dirtyPlan.js';
import { shiftMonth, type DirtyContext } from './dirtyTypes.js';
import { DemoGenerator, type GeneratedCustomer } from './generate.js';
import type { ProfileKey } from './profiles.js';

export interface DemoCsvOptions {
  outDir: string;
  customers: number;
  seed: number;
  /** Months of activity before the as-of date. */
  months: number;
  /** The day the data describes, ISO. */
  asOf: string;
  encoding: CsvEncoding;
  bom: boolean;
  dirty: boolean;
}

export interface DemoCsvHooks {
  signal?: AbortSignal;
  onProgress?(progress: Progress): void;
}

export interface DemoCsvResult {
  outDir: string;
  manifest: DemoCsvManifest;
  totalBytes: number;
}

/** Customers generated between checks for cancellation, progress reports and a turn of the event loop. */
const batch = 2_000;
/** The largest branch the customer numbers leave room for beside the planted rows' numbers. */
export const maxCustomers = 10_000_000;

function checkOptions(options: DemoCsvOptions): void {
  const { customers, months, asOf, bom, encoding } = options;
  if (!Number.isInteger(customers) || customers < 1 || customers > maxCustomers) {
    throw new AppError('invalid_input', `customers must be a whole number from 1 to ${maxCustomers}`);
  }
  if (!Number.isInteger(months) || months < 1 || months > 120) {
    throw new AppError('invalid_input', 'months must be a whole number from 1 to 120');
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || new Date(asOf).toISOString().slice(0, 10) !== asOf) {
    throw new AppError('invalid_input', `as-of "${asOf}" is not a real date in the form YYYY-MM-DD`);
  }
  if (bom && encoding !== 'utf-8') throw new AppError('invalid_input', 'a byte order mark is for UTF-8 only');
}

/** Removes what an earlier export left, the manifest first, so that old files never pass for new ones. */
async function clearOutputs(outDir: string): Promise<void> {
  await rm(join(outDir, manifestFileName), { force: true });
  const ours = new Set<string>([...csvFileNames, latentFileName, rejectionsFileName]);
  for (const name of await readdir(outDir)) {
    if (ours.has(name) || (name.startsWith('.partial-') && ours.has(name.slice('.partial-'.length)))) {
      await rm(join(outDir, name), { force: true });
    }
  }
  await rm(join(outDir, '.partial-' + manifestFileName), { force: true });
}

export async function writeDemoCsv(options: DemoCsvOptions, hooks: DemoCsvHooks = {}): Promise<DemoCsvResult> {
  checkOptions(options);
  const outDir = resolve(options.outDir);
  const { signal, onProgress } = hooks;
  await mkdir(outDir, { recursive: true });
  await clearOutputs(outDir);

  const writers = new Map<string, CsvFileWriter>();
  try {
    for (const name of csvFileNames) {
      writers.set(name, await CsvFileWriter.open(outDir, name, csvHeaders[name], options.encoding, options.bom));
    }
    // The truth files are plain UTF-8 whatever the export's encoding: they are for tests, not for import.
    writers.set(
      latentFileName,
      await CsvFileWriter.open(outDir, latentFileName, ['customer_id', 'group'], 'utf-8', false),
    );
    const writer = (name: string): CsvFileWriter => writers.get(name)!;

    const staff = demoStaff(options.seed, options.customers);
    const plan = options.dirty
      ? new DirtyPlan({
          customers: options.customers,
          'branches.csv': 1,
          'staff.csv': staff.length,
          'products.csv': demoProducts.length,
        })
      : null;
    const lastRows = new Map<CsvFileName, readonly string[]>();
    let current: GeneratedCustomer | null = null;
    const ctx: DirtyContext = {
      get customer() {
        return current;
      },
      lastRow(file) {
        const row = lastRows.get(file);
        if (!row) throw new Error(`no row in ${file} yet to duplicate`);
        return row;
      },
      asOf: options.asOf,
      firstMonth: shiftMonth(options.asOf, -options.months),
    };
    const put = (file: CsvFileName, fields: readonly string[]): number => {
      lastRows.set(file, fields);
      return writer(file).record(fields);
    };
    const plant = (rows: ReturnType<DirtyPlan['afterCustomer']>): void => {
      for (const row of rows) {
        const fields = row.build(ctx);
        const line = row.reject === null ? put(row.file, fields) : writer(row.file).record(fields);
        plan?.written(row, fields, line);
      }
    };
    const table = <T>(file: CsvFileName, rows: readonly T[], fields: (row: T) => string[]): void => {
      rows.forEach((row, index) => {
        put(file, fields(row));
        if (plan) plant(plan.afterTableRow(file, index));
      });
    };
    table('branches.csv', [demoBranch], branchFields);
    table('staff.csv', staff, staffFields);
    table('products.csv', demoProducts, productFields);

    const generator = new DemoGenerator({
      seed: options.seed,
      branchId: demoBranch.branch_id,
      managerIds: staff.filter((member) => member.role === 'rm').map((member) => member.staff_id),
      asOf: options.asOf,
      activityMonths: options.months,
      addressDetails: true,
    });
    const groupCounts = new Map<ProfileKey, number>();
    const customers = writer('customers.csv');
    const blacklist = writer('blacklist.csv');
    const complaints = writer('complaints.csv');
    const holdings = writer('holdings.csv');
    const activity = writer('activity.csv');
    const loans = writer('loans.csv');
    const repayments = writer('repayments.csv');
    const latent = writer(latentFileName);
    for (let index = 0; index < options.customers; index++) {
      const generated = generator.customer(index);
      current = generated;
      groupCounts.set(generated.profile, (groupCounts.get(generated.profile) ?? 0) + 1);
      latent.record([generated.customer.customer_id, generated.profile]);
      const customerRow = customerFields(generated.customer);
      customers.record(customerRow);
      if (generated.blacklist) blacklist.record(blacklistFields(generated.blacklist));
      for (const complaint of generated.complaints) complaints.record(complaintFields(complaint));
      for (const holding of generated.holdings) holdings.record(holdingFields(holding));
      for (const row of generated.activity) activity.record(activityFields(row));
      for (const loan of generated.loans) loans.record(loanFields(loan));
      for (const repayment of generated.repayments) repayments.record(repaymentFields(repayment));
      if (plan) {
        // Planted duplicates copy the last row of a file, so only the last is kept.
        lastRows.set('customers.csv', customerRow);
        rememberLast(lastRows, generated);
        plant(plan.afterCustomer(index));
      }
      for (const w of writers.values()) if (w.full) await w.flush();
      if ((index + 1) % batch === 0 || index + 1 === options.customers) {
        onProgress?.({ phase: 'progress.customers', done: index + 1, total: options.customers });
        // A turn of the event loop lets a Ctrl-C handler run and abort.
        await nextTurn();
        if (signal?.aborted)
          throw new AppError('cancelled', 'The export was cancelled; the folder holds no complete export.');
      }
    }

    const files: WrittenFile[] = [];
    for (const name of csvFileNames) files.push(await writer(name).finish());
    const latentFile = await writer(latentFileName).finish();
    writers.clear();
    const expected = plan ? await writeExpected(outDir, plan, writers) : null;

    const manifest: DemoCsvManifest = {
      generator: { name: 'branchloop demo', formatVersion: demoCsvFormatVersion, appVersion },
      note: 'Written last: a folder without manifest.json holds an incomplete export.',
      seed: options.seed,
      customers: options.customers,
      months: options.months,
      asOf: options.asOf,
      encoding: options.encoding,
      bom: options.bom,
      dirty: options.dirty,
      files,
      latent: {
        file: latentFile,
        columns: ['customer_id', 'group'],
        groups: latentGroups(groupCounts),
        associationThreshold,
        baseline: { D01: 1, C01: 0.9 },
        productAssociations: productAssociations(),
      },
      expected,
    };
    const partialManifest = join(outDir, '.partial-' + manifestFileName);
    await writeFile(partialManifest, JSON.stringify(manifest, null, 2) + '\n');
    await rename(partialManifest, join(outDir, manifestFileName));
    const totalBytes = [...files, latentFile, ...(expected ? [expected.rejections] : [])].reduce(
      (sum, f) => sum + f.bytes,
      0,
    );
    return { outDir, manifest, totalBytes };
  } catch (error) {
    for (const w of writers.values()) await w.abandon();
    throw error;
  }
}

/** expected_rejections.csv in import order, and the manifest's account of the planted rows. */
async function writeExpected(
  outDir: string,
  plan: DirtyPlan,
  writers: Map<string, CsvFileWriter>,
): Promise<NonNullable<DemoCsvManifest['expected']>> {
  const columns = ['file', 'line', 'column', 'value', 'code'] as const;
  const writer = await CsvFileWriter.open(outDir, rejectionsFileName, columns, 'utf-8', false);
  writers.set(rejectionsFileName, writer);
  const order = (file: CsvFileName) => csvFileNames.indexOf(file);
  const sorted = [...plan.rejections].sort((a, b) => order(a.file) - order(b.file) || a.line - b.line);
  for (const r of sorted) writer.record([r.file, String(r.line), r.column, r.value, r.code]);
  const rejections = await writer.finish();
  writers.delete(rejectionsFileName);
  return { rejections, columns: [...columns], accepted: plan.accepted, amountTraps: plan.traps };
}

function rememberLast(lastRows: Map<CsvFileName, readonly string[]>, generated: GeneratedCustomer): void {
  if (generated.blacklist) lastRows.set('blacklist.csv', blacklistFields(generated.blacklist));
  const complaint = generated.complaints.at(-1);
  if (complaint) lastRows.set('complaints.csv', complaintFields(complaint));
  const holding = generated.holdings.at(-1);
  if (holding) lastRows.set('holdings.csv', holdingFields(holding));
  const activity = generated.activity.at(-1);
  if (activity) lastRows.set('activity.csv', activityFields(activity));
  const loan = generated.loans.at(-1);
  if (loan) lastRows.set('loans.csv', loanFields(loan));
  const repayment = generated.repayments.at(-1);
  if (repayment) lastRows.set('repayments.csv', repaymentFields(repayment));
}
