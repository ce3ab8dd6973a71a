// Applies a filled stage table to the branch data: rejects later duplicates and rows that refer to
// nothing, counts what is new, changed and unchanged, records customer field changes, then upserts.
import type Database from 'better-sqlite3';
import { columnsOf, stageTable } from './stage.js';
import type { KindSpec } from './kinds.js';
import { dropIndexes } from '../../../db/queries/bulk.js';
import type { DeferredIndexes } from './indexes.js';
import { addToFeatureScope } from '../features/refresh.js';

export interface ApplyCounts {
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ApplyContext {
  runId: number;
  fileName: string;
  actor: string;
  now: string;
  indexes: DeferredIndexes;
}

const bulkRows = 50_000;

function count(db: Database.Database, sql: string, params: unknown[] = []): number {
  return db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
}

function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function applyStage(db: Database.Database, spec: KindSpec, context: ApplyContext): ApplyCounts {
  const stage = `temp.${stageTable(spec)}`;
  const columns = columnsOf(spec);
  const keyMatch = spec.key.map((k) => `t.${k} = s.${k}`).join(' AND ');
  const keyShown = spec.key.length === 1 ? `s.${spec.key[0]}` : spec.key.map((k) => `s.${k}`).join(` || ' / ' || `);
  const keyField = spec.key.map((k) => spec.fields.find((f) => f.column === k)?.field ?? k).join('+');
  let rejected = 0;

  // A key seen twice in one file: the first row counts, later ones are reported.
  rejected += db
    .prepare(
      `INSERT INTO import_rejections (run_id, file_name, line, column_name, value, code, message)
       SELECT ?, ?, s.line, ?, ${keyShown}, 'duplicate_key',
              'this key already appeared on line ' || (SELECT min(t.line) FROM ${stage} t WHERE ${keyMatch}) || '; the later row was not applied'
       FROM ${stage} s
       WHERE EXISTS (SELECT 1 FROM ${stage} t WHERE ${keyMatch} AND t.line < s.line)`,
    )
    .run(context.runId, context.fileName, keyField).changes;
  db.exec(
    `DELETE FROM ${stage} WHERE rowid IN (
       SELECT s.rowid FROM ${stage} s WHERE EXISTS (SELECT 1 FROM ${stage} t WHERE ${keyMatch} AND t.line < s.line))`,
  );

  // References resolve against the database, which already holds the earlier kinds of this import.
  for (const reference of spec.references) {
    const column = spec.fields.find((f) => f.field === reference.field)?.column ?? reference.field;
    const missing = `s.${column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM main.${reference.table} r WHERE r.${reference.column} = s.${column})`;
    rejected += db
      .prepare(
        `INSERT INTO import_rejections (run_id, file_name, line, column_name, value, code, message)
         SELECT ?, ?, s.line, ?, s.${column}, 'unknown_reference',
                ${sqlText(`no ${reference.what} with this number in the import or the database`)}
         FROM ${stage} s WHERE ${missing}`,
      )
      .run(context.runId, context.fileName, reference.field).changes;
    db.exec(`DELETE FROM ${stage} WHERE rowid IN (SELECT s.rowid FROM ${stage} s WHERE ${missing})`);
  }

  const total = count(db, `SELECT count(*) FROM ${stage}`);
  const existing = `EXISTS (SELECT 1 FROM main.${spec.table} t WHERE ${keyMatch})`;
  const sameRow = `EXISTS (SELECT 1 FROM main.${spec.table} t WHERE ${keyMatch} AND (${columns
    .map((c) => `t.${c}`)
    .join(', ')}) IS (${columns.map((c) => `s.${c}`).join(', ')}))`;
  const added = count(db, `SELECT count(*) FROM ${stage} s WHERE NOT ${existing}`);
  // A load into new keys only (the first import, say) has nothing to compare or to record.
  const unchanged = added === total ? 0 : count(db, `SELECT count(*) FROM ${stage} s WHERE ${sameRow}`);
  if (spec.kind === 'customers' && added < total) recordCustomerChanges(db, stage, columns, context);

  // Updating a dozen indexes row by row costs far more than rebuilding them once, sorted, when the
  // stage is large next to the table (the first load of a branch, a full snapshot).
  const tableRows = count(db, `SELECT count(*) FROM main.${spec.table}`);
  const large = total >= bulkRows && total * 4 >= tableRows;
  if (large && spec.table === 'customers') context.indexes.drop('customers');
  const rebuild = large && spec.table !== 'customers' ? dropIndexes(db, spec.table) : [];

  const owned = spec.kind === 'holdings' || spec.kind === 'loans' ? spec.kind : null;
  // An account or loan that moves to another customer changes the total of the one it leaves too
  // (none can move in a load into new keys only).
  if (owned) {
    db.exec(`DROP TABLE IF EXISTS temp.previous_owners`);
    db.exec(`CREATE TEMP TABLE previous_owners AS SELECT DISTINCT t.customer_id FROM main.${spec.table} t
             JOIN ${stage} s ON ${keyMatch} WHERE ${added < total ? 't.customer_id IS NOT s.customer_id' : 'false'}`);
  }

  const nonKey = columns.filter((c) => !spec.key.includes(c));
  const extraInsert = spec.kind === 'customers' ? ['updated_at'] : spec.kind === 'branches' ? ['created_at'] : [];
  const extraUpdate = spec.kind === 'customers' ? ['updated_at = excluded.updated_at'] : [];
  db.prepare(
    `INSERT INTO main.${spec.table} (${[...columns, ...extraInsert].join(', ')})
     SELECT ${[...columns, ...extraInsert.map(() => '@now')].join(', ')} FROM ${stage} WHERE true
     ON CONFLICT (${spec.key.join(', ')}) DO UPDATE SET
       ${[...nonKey.map((c) => `${c} = excluded.${c}`), ...extraUpdate].join(', ')}
     WHERE (${nonKey.map((c) => `${spec.table}.${c}`).join(', ')}) IS NOT (${nonKey.map((c) => `excluded.${c}`).join(', ')})`,
  ).run({ now: context.now });
  for (const index of rebuild) db.exec(index.sql);

  if (owned) {
    refreshCustomerBalances(
      db,
      owned,
      `SELECT customer_id FROM ${stage} UNION SELECT customer_id FROM temp.previous_owners`,
      context.indexes,
    );
    addToFeatureScope(db, 'SELECT customer_id FROM temp.previous_owners');
    db.exec(`DROP TABLE temp.previous_owners`);
  }
  return { added, updated: total - added - unchanged, unchanged, rejected };
}

/** One history row per customer field that an import changes. */
function recordCustomerChanges(db: Database.Database, stage: string, columns: string[], context: ApplyContext): void {
  const tracked = columns.filter((c) => c !== 'customer_id');
  const perField = tracked
    .map(
      (c) =>
        `SELECT s.customer_id, '${c}', CAST(t.${c} AS TEXT), CAST(s.${c} AS TEXT) FROM ${stage} s
         JOIN main.customers t ON t.customer_id = s.customer_id WHERE t.${c} IS NOT s.${c}`,
    )
    .join(' UNION ALL ');
  db.prepare(
    `INSERT INTO customer_changes (customer_id, field, old_value, new_value, source, actor, changed_at)
     SELECT c.*, 'import', @actor, @now FROM (${perField}) c`,
  ).run({ actor: context.actor, now: context.now });
}

/**
 * Keeps the customers' deposit and loan balances (which the list sorts by) equal to their sums over the
 * customers `touched` selects. Rewriting many balances sets the list indexes aside for the run.
 */
export function refreshCustomerBalances(
  db: Database.Database,
  kind: 'holdings' | 'loans',
  touched: string,
  indexes: DeferredIndexes,
): void {
  db.exec(`DROP TABLE IF EXISTS temp.touched_customers`);
  db.exec(`CREATE TEMP TABLE touched_customers (customer_id TEXT PRIMARY KEY) WITHOUT ROWID`);
  db.exec(`INSERT OR IGNORE INTO temp.touched_customers ${touched}`);
  const count = db.prepare('SELECT count(*) FROM temp.touched_customers').pluck().get() as number;
  const customers = db.prepare('SELECT count(*) FROM main.customers').pluck().get() as number;
  if (count >= bulkRows && count * 4 >= customers) indexes.drop('customers');
  const scope = 'WHERE customer_id IN (SELECT customer_id FROM temp.touched_customers)';
  if (kind === 'holdings') {
    db.exec(`UPDATE customers SET deposit_balance_fen = (
               SELECT coalesce(sum(h.balance_fen), 0) FROM holdings h JOIN products p ON p.product_id = h.product_id
               WHERE h.customer_id = customers.customer_id AND p.category = 'deposit' AND h.status <> 'closed')
             ${scope}`);
  } else {
    db.exec(`UPDATE customers SET loan_balance_fen = (
               SELECT coalesce(sum(l.balance_fen), 0) FROM loans l WHERE l.customer_id = customers.customer_id)
             ${scope}`);
  }
  db.exec(`DROP TABLE temp.touched_customers`);
}
