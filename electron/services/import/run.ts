// `import.run`: reads, validates and applies core-banking exports in one transaction — all files
// apply, or the database stays exactly as it was (also when the process dies half way).
import { basename } from 'node:path';
import type { ParsedInputOf } from '../../api/contract.js';
import { AppError } from '../../api/errors.js';
import type { ImportFileResult, ImportResult } from '../../api/importTypes.js';
import { inAsyncTransaction } from '../../../db/queries/bulk.js';
import type { ServiceContext } from '../context.js';
import { openCsv, type CsvReader } from './csv/index.js';
import { applyStage, refreshCustomerBalances } from './apply.js';
import { DirectWriter, directLoadPossible } from './direct.js';
import { DeferredIndexes } from './indexes.js';
import { addToFeatureScope, refreshFeatures, storedAsOfMonth } from '../features/refresh.js';
import { ActivityTally, type ActivityPositions } from '../features/activityTally.js';
import { sha256File } from './hash.js';
import { applyOrder, kindSpecs, type ImportKind, type KindSpec } from './kinds.js';
import { defaultMapping, fieldPositions, guessKind, missingRequired, type ColumnMapping } from './mapping.js';
import { loadProfile } from './profiles.js';
import { StageWriter } from './stage.js';
import { rowValidator, type Rejection } from './validateRow.js';
import type { ApplyCounts } from './apply.js';

const batchSize = 1000;

interface PlannedFile {
  path: string;
  fileName: string;
  reader: CsvReader;
  kind: ImportKind;
  mapping: ColumnMapping;
  sha256: string;
}

type FileRequest = ParsedInputOf<'import.run'>['files'][number];

async function planFile(ctx: ServiceContext, request: FileRequest): Promise<Omit<PlannedFile, 'sha256'>> {
  const fileName = basename(request.path);
  const reader = await openCsv(request.path, { signal: ctx.job.signal });
  try {
    const header = reader.info.header;
    const profile = request.profile ? loadProfile(ctx.db, request.profile) : null;
    const kind = request.kind ?? profile?.kind ?? guessKind(header, request.path);
    if (!kind) {
      throw new AppError(
        'invalid_input',
        `${fileName}: its columns do not match any export BranchLoop knows; choose its kind and map its columns.`,
        { file: fileName, header },
      );
    }
    const spec = kindSpecs[kind];
    const mapping = request.mapping ?? profile?.mapping ?? defaultMapping(spec, header);
    const unknown = Object.values(mapping).filter((h) => !header.includes(h));
    if (unknown.length > 0) {
      throw new AppError(
        'invalid_input',
        `${fileName}: the mapping names columns the file does not have: ${unknown.join(', ')}.`,
      );
    }
    const missing = missingRequired(spec, mapping, header);
    if (missing.length > 0) {
      throw new AppError(
        'invalid_input',
        `${fileName}: no column for the required field${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${kind}; map ${missing.length > 1 ? 'them' : 'it'} to a column.`,
        { file: fileName, kind, missing },
      );
    }
    return { path: request.path, fileName, reader, kind, mapping };
  } catch (error) {
    await reader.close();
    throw error;
  }
}

function knownFile(ctx: ServiceContext, sha256: string): { rows: number } | undefined {
  return ctx.db.prepare('SELECT rows FROM import_files WHERE sha256 = ?').get(sha256) as { rows: number } | undefined;
}

function laterMonth(a: string | null, b: string | null): string | null {
  return a === null || (b !== null && b > a) ? b : a;
}

/** The kinds whose rows change some customer's features. */
const customerKinds = new Set<ImportKind>(['customers', 'holdings', 'activity', 'loans', 'repayments']);

function activityPositions(spec: KindSpec): ActivityPositions {
  const at = (column: string) => spec.fields.findIndex((f) => f.column === column);
  return {
    customer: at('customer_id'),
    month: at('month'),
    channel: at('channel'),
    deposits: at('deposit_count'),
    withdrawals: at('withdrawal_count'),
    swipes: at('card_swipes'),
    balance: at('avg_balance_fen'),
    fee: at('fee_income_fen'),
  };
}

/** The customers a staged file touched, as a SELECT over its stage. */
function touchedCustomers(kind: ImportKind): string | null {
  if (kind === 'repayments') {
    return 'SELECT customer_id FROM main.loans WHERE loan_id IN (SELECT loan_id FROM temp.stage_repayments)';
  }
  return customerKinds.has(kind) ? `SELECT customer_id FROM temp.stage_${kind}` : null;
}

export async function runImport(ctx: ServiceContext, input: ParsedInputOf<'import.run'>): Promise<ImportResult> {
  const started = performance.now();
  const { db, job } = ctx;
  const planned: PlannedFile[] = [];
  try {
    // Every file is opened and its columns checked before any is read in full, so that a missing or
    // unreadable file is reported at once, not after hashing the (possibly large) files before it.
    for (const request of input.files) planned.push({ ...(await planFile(ctx, request)), sha256: '' });
    for (const file of planned) {
      file.sha256 = await sha256File(file.path, job, (bytes) =>
        job.progress({ phase: 'progress.hashing', done: bytes, total: file.reader.info.sizeBytes }),
      );
    }
    planned.sort((a, b) => applyOrder.indexOf(a.kind) - applyOrder.indexOf(b.kind));
    const now = new Date().toISOString();
    const totalBytes = planned.reduce((sum, f) => sum + f.reader.info.sizeBytes, 0);
    let bytesBefore = 0;
    let rowsSeen = 0;

    // Stage tables of a large import would otherwise sit in memory; on disk they keep the worker lean.
    db.pragma('temp_store = FILE');
    const result = await inAsyncTransaction(db, async () => {
      const runId = Number(
        db
          .prepare(`INSERT INTO import_runs (started_at, status, actor, summary) VALUES (?, 'applied', ?, '[]')`)
          .run(now, input.actor).lastInsertRowid,
      );
      const insertRejection = db.prepare(
        `INSERT INTO import_rejections (run_id, file_name, line, column_name, value, code, message)
         VALUES (@runId, @fileName, @line, @column, @value, @code, @message)`,
      );
      const files: ImportFileResult[] = [];
      const indexes = new DeferredIndexes(db);
      // What the customer features must catch up with: the customers the files touched, or all of them.
      let featuresForAll = false;
      let lastActivityMonth: string | null = null;
      // The activity columns of the features, added up while the activity table is first loaded.
      let tally: ActivityTally | null = null;
      const recordRejection = (fileName: string, rejection: Rejection) =>
        insertRejection.run({ runId, fileName, ...rejection });
      for (const file of planned) {
        const { info } = file.reader;
        const base = { fileName: file.fileName, kind: file.kind, encoding: info.encoding, delimiter: info.delimiter };
        const seen = knownFile(ctx, file.sha256);
        if (seen) {
          files.push({
            ...base,
            rows: seen.rows,
            added: 0,
            updated: 0,
            unchanged: seen.rows,
            rejected: 0,
            skipped: true,
          });
          bytesBefore += info.sizeBytes;
          continue;
        }
        const spec = kindSpecs[file.kind];
        const validator = rowValidator(spec, fieldPositions(spec, file.mapping, info.header), info.header.length);
        const rejectedLines = new Set<number>();
        const reject = (rejection: Rejection) => {
          rejectedLines.add(rejection.line);
          recordRejection(file.fileName, rejection);
        };
        // A table still empty takes the file directly; otherwise the rows are staged and compared.
        const direct = directLoadPossible(db, spec);
        if (direct) indexes.drop(spec.table);
        // The last month of activity applied moves the as-of month of the customer features.
        const monthAt = spec.kind === 'activity' ? spec.fields.findIndex((f) => f.column === 'month') : -1;
        const fileTally = direct && spec.kind === 'activity' ? new ActivityTally(db, activityPositions(spec)) : null;
        if (fileTally) tally = fileTally;
        const writer = direct
          ? new DirectWriter(db, spec, now, reject, monthAt, fileTally?.observer)
          : new StageWriter(db, spec);
        let rows = 0;
        for await (const batch of file.reader.batches(batchSize)) {
          const rejections: Rejection[] = [];
          for (const record of batch) {
            const values = validator.validate(record.line, record.fields, rejections);
            if (values) writer.add(record.line, values);
          }
          for (const rejection of rejections) reject(rejection);
          rows += batch.length;
          rowsSeen += batch.length;
          job.progress({
            phase: 'progress.reading',
            done: bytesBefore + file.reader.bytesRead,
            total: totalBytes,
            rows: rowsSeen,
          });
          await job.checkpoint();
        }
        job.progress({
          phase: 'progress.applying',
          done: bytesBefore + info.sizeBytes,
          total: totalBytes,
          rows: rowsSeen,
        });
        await job.checkpoint();
        let counts: ApplyCounts;
        if (writer instanceof DirectWriter) {
          writer.flush();
          featuresForAll ||= customerKinds.has(spec.kind);
          counts = { added: writer.added, updated: 0, unchanged: 0, rejected: 0 };
          lastActivityMonth = laterMonth(lastActivityMonth, writer.max);
          // The balance refresh below and the files after this one read holdings and loans by customer.
          if (spec.table !== 'customers') await indexes.rebuild(job, () => {}, spec.table);
          if (spec.kind === 'holdings' || spec.kind === 'loans') {
            refreshCustomerBalances(db, spec.kind, `SELECT customer_id FROM main.${spec.table}`, indexes);
          }
        } else {
          writer.finish(spec);
          counts = applyStage(db, spec, { runId, fileName: file.fileName, actor: input.actor, now, indexes });
          const touched = touchedCustomers(spec.kind);
          if (touched && counts.added + counts.updated > 0) addToFeatureScope(db, touched);
          // Rows changed after the tally was taken: the table alone has the activity right.
          if (spec.kind === 'activity' && counts.added + counts.updated > 0) tally = null;
          if (monthAt >= 0) {
            // The stage holds only the rows applied: duplicates and unknown customers were taken out.
            const month = db.prepare('SELECT max(month) FROM temp.stage_activity').pluck().get() as string | null;
            lastActivityMonth = laterMonth(lastActivityMonth, month);
          }
          db.exec(`DROP TABLE temp.stage_${spec.kind}`);
        }
        db.prepare(
          `INSERT INTO import_files (sha256, run_id, kind, file_name, rows, imported_at) VALUES (?, ?, ?, ?, ?, ?)`,
        ).run(file.sha256, runId, file.kind, file.fileName, rows, now);
        files.push({ ...base, rows, ...counts, rejected: rejectedLines.size + counts.rejected, skipped: false });
        bytesBefore += info.sizeBytes;
        await job.checkpoint();
      }
      const asOfBefore = storedAsOfMonth(db);
      const asOfMonth = laterMonth(asOfBefore, lastActivityMonth);
      await refreshFeatures(db, job, {
        all: featuresForAll || asOfMonth !== asOfBefore,
        asOfMonth,
        tally: tally ?? undefined,
        onProgress: (done, total) => job.progress({ phase: 'progress.features', done, total, rows: rowsSeen }),
      });
      const toBuild = indexes.pending;
      let built = 0;
      if (toBuild > 0) job.progress({ phase: 'progress.indexing', done: 0, total: toBuild, rows: rowsSeen });
      await indexes.rebuild(job, () => {
        built += 1;
        job.progress({ phase: 'progress.indexing', done: built, total: toBuild, rows: rowsSeen });
      });
      const totals = files.reduce(
        (sum, f) => ({
          rows: sum.rows + f.rows,
          added: sum.added + f.added,
          updated: sum.updated + f.updated,
          unchanged: sum.unchanged + f.unchanged,
          rejected: sum.rejected + f.rejected,
        }),
        { rows: 0, added: 0, updated: 0, unchanged: 0, rejected: 0 },
      );
      const status =
        totals.added + totals.updated > 0
          ? 'applied'
          : totals.rejected > 0 && totals.unchanged === 0
            ? 'rejected_all'
            : 'unchanged';
      db.prepare(`UPDATE import_runs SET finished_at = ?, status = ?, summary = ? WHERE run_id = ?`).run(
        new Date().toISOString(),
        status,
        JSON.stringify(files),
        runId,
      );
      if (input.markDemo)
        db.exec(`UPDATE branches SET is_demo = 1 WHERE branch_id IN (SELECT branch_id FROM customers)`);
      if (totals.added > 0) {
        // Fresh statistics keep the customer list's query plans right after a large load.
        db.exec('PRAGMA analysis_limit = 2000; ANALYZE;');
      }
      return { runId, files, totals };
    });
    ctx.dataChanged();
    return { ...result, seconds: (performance.now() - started) / 1000 };
  } finally {
    if (!db.inTransaction) db.pragma('temp_store = MEMORY');
    for (const file of planned) await file.reader.close();
  }
}
