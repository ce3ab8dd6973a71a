// The record of past imports: their file counts and every rejected row.
import type { ParsedInputOf } from '../../api/contract.js';
import type { ImportFileResult, ImportRejection, ImportRunSummary } from '../../api/importTypes.js';
import type { ServiceContext } from '../context.js';

export function importRejections(
  ctx: ServiceContext,
  input: ParsedInputOf<'import.rejections'>,
): { total: number; rows: ImportRejection[] } {
  const total = ctx.db
    .prepare('SELECT count(*) FROM import_rejections WHERE run_id = ?')
    .pluck()
    .get(input.runId) as number;
  const rows = ctx.db
    .prepare(
      `SELECT file_name AS fileName, line, column_name AS "column", value, code, message
       FROM import_rejections WHERE run_id = ? ORDER BY file_name, line, rowid LIMIT ? OFFSET ?`,
    )
    .all(input.runId, input.limit, input.offset) as ImportRejection[];
  return { total, rows };
}

interface RunRecord {
  run_id: number;
  started_at: string;
  finished_at: string | null;
  status: ImportRunSummary['status'];
  actor: string;
  summary: string;
}

export function importHistory(ctx: ServiceContext, input: ParsedInputOf<'import.history'>): ImportRunSummary[] {
  const records = ctx.db
    .prepare('SELECT * FROM import_runs ORDER BY run_id DESC LIMIT ?')
    .all(input.limit) as RunRecord[];
  return records.map((r) => ({
    runId: r.run_id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status,
    actor: r.actor,
    files: JSON.parse(r.summary) as ImportFileResult[],
  }));
}
