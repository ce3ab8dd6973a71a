// One basket per customer of a run, in the run's customer order: the customer's traits from the scores just
// computed, then every product held — an open holding (not closed) or a loan not yet repaid, as the features
// count a live loan as a loan product held. Products are read in chunks of customers, with progress and
// cancellation, through the (customer, product, status) index; each chunk's pairs come back as one text, as
// stepping out 4.4 million rows one by one costs ten times more than SQLite's own work at a million customers.
import type Database from 'better-sqlite3';
import type { Baskets } from '../rules/baskets.js';
import type { Job } from '../../context.js';
import { NO_CHANNEL, scoreKeys, type ScoringRun } from '../scoring/index.js';
import { ageBandIndex, scoreBand, scoreBands, type Vocabulary } from './vocabulary.js';

const chunkSize = 20_000;

// A chunk's pairs as "customer<US>product", joined by <RS>: control characters no customer or product number
// holds. In customer order as the indexes give them (sorting them in SQL costs more than all the rest).
const unitSeparator = 0x1f;
const recordSeparator = '\u001e';
const pairs = `count(*), coalesce(group_concat(customer_id || char(31) || product_id, char(30)), '')`;
export const productsHeldSql = [
  `SELECT ${pairs} FROM holdings WHERE customer_id BETWEEN @first AND @last AND status <> 'closed'`,
  `SELECT ${pairs} FROM loans WHERE customer_id BETWEEN @first AND @last AND status <> 'repaid'`,
];

function textHash(text: string, from: number, to: number): number {
  let hash = 0;
  for (let c = from; c < to; c++) hash = (Math.imul(hash, 31) + text.charCodeAt(c)) | 0;
  return hash;
}

/** Product items by a hash of their number, so the text is never cut; a clash falls back to a map. */
function productLookup(vocabulary: Vocabulary): (text: string, from: number, to: number) => number {
  const byHash = new Map<number, [string, number]>();
  const clashed = new Set<number>();
  for (const [productId, item] of vocabulary.productItem) {
    const hash = textHash(productId, 0, productId.length);
    if (byHash.has(hash)) clashed.add(hash);
    byHash.set(hash, [productId, item]);
  }
  return (text, from, to) => {
    const hash = textHash(text, from, to);
    const entry = byHash.get(hash);
    if (entry && !clashed.has(hash) && compareAt(entry[0], text, from, to - from) === 0) return entry[1];
    return vocabulary.productItem.get(text.slice(from, to)) ?? -1;
  };
}

/** Compares `id` with the `length` characters of `text` from `at`, as SQLite orders text (code units here). */
function compareAt(id: string, text: string, at: number, length: number): number {
  const common = Math.min(id.length, length);
  for (let c = 0; c < common; c++) {
    const d = id.charCodeAt(c) - text.charCodeAt(at + c);
    if (d !== 0) return d;
  }
  return id.length - length;
}

/**
 * Marks every pair of a chunk's text in `held` (customer place in the chunk × product). Customers are matched
 * by walking the run's numbers alongside, as both are in customer order, without cutting the text; a number the
 * walk does not find (never expected) is looked up in a map of the chunk.
 */
export function markPairs(
  text: string,
  ids: readonly string[],
  start: number,
  end: number,
  mark: (place: number, text: string, from: number, to: number) => void,
  lookup: () => Map<string, number>,
): number {
  let seen = 0;
  let k = start;
  for (let at = 0; at < text.length; seen++) {
    let next = text.indexOf(recordSeparator, at);
    if (next < 0) next = text.length;
    let split = next - 1;
    while (split > at && text.charCodeAt(split) !== unitSeparator) split--;
    const length = split - at;
    while (k < end && compareAt(ids[k]!, text, at, length) < 0) k++;
    let found = k < end && compareAt(ids[k]!, text, at, length) === 0 ? k : -1;
    if (found < 0) found = lookup().get(text.slice(at, split)) ?? -1;
    // A number in the range but not in the run (added since the features were read) has no basket.
    if (found >= 0) mark(found - start, text, split + 1, next);
    at = next + 1;
  }
  return seen;
}

/** Adds the trait items of customer i, ascending: the vocabulary numbers the families in this order. */
function addTraitItems(run: ScoringRun, vocabulary: Vocabulary, i: number, items: IntList): void {
  const { scores, features, derived } = run;
  let noCredit = false;
  for (let s = 0; s < scoreKeys.length; s++) {
    const score = scores[scoreKeys[s]!][i]!;
    if (Number.isNaN(score)) noCredit = true;
    else items.push(vocabulary.scoreItem[s * scoreBands.length + scoreBand(score)]!);
  }
  if (noCredit) items.push(vocabulary.noCreditItem);
  const channel = derived.dominantChannel[i]!;
  if (channel !== NO_CHANNEL) items.push(vocabulary.channelItem[channel]!);
  items.push(vocabulary.areaItem[features.area[i]!]!);
  const age = features.age[i]!;
  if (!Number.isNaN(age)) items.push(vocabulary.ageItem[ageBandIndex(age)]!);
  items.push(vocabulary.occupationItem[features.occupation[i]!]!);
  items.push(vocabulary.tierItem[run.tier[i]!]!);
}

class IntList {
  data = new Int32Array(1 << 16);
  size = 0;
  push(value: number): void {
    if (this.size === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }
}

export async function buildCustomerBaskets(
  db: Database.Database,
  job: Job,
  ids: readonly string[],
  run: ScoringRun,
  vocabulary: Vocabulary,
  onProgress: (done: number, total: number) => void,
): Promise<Baskets> {
  const n = ids.length;
  if (run.n !== n) throw new Error(`baskets: ${n} customer numbers for a run of ${run.n} customers`);
  const statements = productsHeldSql.map((sql) => db.prepare(sql).raw());
  const productItem = productLookup(vocabulary);
  const productCount = vocabulary.items.length - vocabulary.firstProduct;
  const offsets = new Int32Array(n + 1);
  const items = new IntList();
  const held = new Uint8Array(chunkSize * productCount);
  let place: Map<string, number> | null = null;
  for (let start = 0; start < n; start += chunkSize) {
    const end = Math.min(n, start + chunkSize);
    held.fill(0);
    place = null;
    const lookup = () => (place ??= new Map(ids.slice(start, end).map((id, k) => [id, start + k])));
    const mark = (at: number, text: string, from: number, to: number) => {
      const item = productItem(text, from, to);
      if (item >= 0) held[at * productCount + item - vocabulary.firstProduct] = 1;
    };
    statements.forEach((statement, k) => {
      const [count, text] = statement.get({ first: ids[start]!, last: ids[end - 1]! }) as [number, string];
      const seen = markPairs(text, ids, start, end, mark, lookup);
      if (seen !== count) {
        const table = k === 0 ? 'holdings' : 'loans';
        throw new Error(
          `baskets: ${table} gave ${count} products held but ${seen} were read (a control character in a number?)`,
        );
      }
    });
    for (let i = start; i < end; i++) {
      addTraitItems(run, vocabulary, i, items);
      const base = (i - start) * productCount;
      for (let p = 0; p < productCount; p++) if (held[base + p] === 1) items.push(vocabulary.firstProduct + p);
      offsets[i + 1] = items.size;
    }
    onProgress(end, n);
    await job.checkpoint();
  }
  return { itemCount: vocabulary.items.length, offsets, items: items.data.slice(0, items.size) };
}
