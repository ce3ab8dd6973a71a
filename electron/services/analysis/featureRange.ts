// Reads the feature rows of one range of customer numbers, in customer-number order and in chunks, into a slice of
// the feature table: the calling thread and the loading thread each run it over their own range.
import type Database from 'better-sqlite3';
import type { CustomerFeatures } from './scoring/index.js';
import { decodeFeatureRow, featureRowColumns, featureRowSource, type FeatureRowContext } from './featureRow.js';

/**
 * Small chunks keep each statement's rows in V8's young generation, where they die cheaply: 2,000 rows cost a
 * third less time than 20,000 on a million customers; below that the per-statement cost starts to show.
 */
const chunkSize = 2_000;

export interface FeatureRange {
  /** Row of the feature table that the range's first customer goes to. */
  start: number;
  /** How many customers the range holds; reading any other number is an error. */
  count: number;
  /** Customer numbers above this one ('' = from the first). */
  after: string;
  /** Up to this customer number, included (null = to the last). */
  last: string | null;
}

/** One chunk of a range, from after `@after` (up to `@last` when bounded): a search in the customer-number index. */
export function featureChunkSql(bounded: boolean): string {
  const upTo = bounded ? 'AND c.customer_id <= @last' : '';
  return `SELECT ${featureRowColumns} ${featureRowSource}
    WHERE c.customer_id > @after ${upTo} ORDER BY c.customer_id LIMIT ${chunkSize}`;
}

/**
 * Reads `range` into rows `start … start + count − 1` of `features`, writing the customer numbers into `ids` at
 * the same offsets less `idsOffset`; yields how many customers are read after every chunk, so that the caller can
 * report progress and yield between chunks.
 */
export function* readFeatureRange(
  db: Database.Database,
  features: CustomerFeatures,
  ids: string[],
  idsOffset: number,
  range: FeatureRange,
  context: FeatureRowContext,
): Generator<number, void, void> {
  const statement = db.prepare(featureChunkSql(range.last !== null)).raw();
  const bound = range.last === null ? {} : { last: range.last };
  const end = range.start + range.count;
  let after = range.after;
  let i = range.start;
  for (;;) {
    const rows = statement.all({ ...bound, after }) as unknown[][];
    if (rows.length === 0) break;
    for (const row of rows) {
      if (i >= end) throw new Error(customersChanged(range, `more than ${range.count}`));
      ids[i - idsOffset] = decodeFeatureRow(row, i, features, context);
      i += 1;
    }
    after = ids[i - 1 - idsOffset]!;
    yield i - range.start;
  }
  if (i !== end) throw new Error(customersChanged(range, `${i - range.start} of ${range.count}`));
}

function customersChanged(range: FeatureRange, read: string): string {
  const first = range.after === '' ? 'the first customer' : `after ${range.after}`;
  const last = range.last === null ? 'the last' : range.last;
  return `read ${read} customers from ${first} to ${last}: the customers changed while the features were read`;
}
