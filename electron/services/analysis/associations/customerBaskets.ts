// One basket per customer of a run, in the run's customer order: the customer's traits from the scores just
// computed, then every product held — an open holding (not closed) or a loan not yet repaid, as the features
// count a live loan as a loan product held. Products are read in chunks of customers, with progress and
// cancellation, through the (customer, product, status) index.
import type Database from 'better-sqlite3';
import type { Baskets } from '../rules/baskets.js';
import type { Job } from '../../context.js';
import { NO_CHANNEL, scoreKeys, type ScoringRun } from '../scoring/index.js';
import { ageBandIndex, scoreBand, scoreBands, type Vocabulary } from './vocabulary.js';

const chunkSize = 20_000;

const heldSql = `
  SELECT customer_id, product_id FROM holdings
  WHERE customer_id BETWEEN @first AND @last AND status <> 'closed'
  UNION ALL
  SELECT customer_id, product_id FROM loans
  WHERE customer_id BETWEEN @first AND @last AND status <> 'repaid'`;

/** The trait items of customer i, ascending (trait ids follow the vocabulary's order). */
function traitItems(run: ScoringRun, vocabulary: Vocabulary, i: number, out: number[]): void {
  const { scores, features, derived } = run;
  scoreKeys.forEach((key, s) => {
    const score = scores[key][i]!;
    if (Number.isNaN(score)) out.push(vocabulary.noCreditItem);
    else out.push(vocabulary.scoreItem[s * scoreBands.length + scoreBand(score)]!);
  });
  const channel = derived.dominantChannel[i]!;
  if (channel !== NO_CHANNEL) out.push(vocabulary.channelItem[channel]!);
  out.push(vocabulary.areaItem[features.area[i]!]!);
  const age = features.age[i]!;
  if (!Number.isNaN(age)) out.push(vocabulary.ageItem[ageBandIndex(age)]!);
  out.push(vocabulary.occupationItem[features.occupation[i]!]!);
  out.push(vocabulary.tierItem[run.tier[i]!]!);
  out.sort((a, b) => a - b);
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
  const statement = db.prepare(heldSql).raw();
  const productCount = vocabulary.items.length - vocabulary.firstProduct;
  const offsets = new Int32Array(n + 1);
  const items = new IntList();
  const traits: number[] = [];
  const held = new Uint8Array(chunkSize * productCount);
  const place = new Map<string, number>();
  for (let start = 0; start < n; start += chunkSize) {
    const end = Math.min(n, start + chunkSize);
    held.fill(0);
    place.clear();
    for (let i = start; i < end; i++) place.set(ids[i]!, i - start);
    const rows = statement.all({ first: ids[start]!, last: ids[end - 1]! }) as [string, string][];
    for (const [customerId, productId] of rows) {
      const at = place.get(customerId);
      const item = vocabulary.productItem.get(productId);
      // A number in the range but not in the run (added since the features were read) has no basket.
      if (at === undefined || item === undefined) continue;
      held[at * productCount + item - vocabulary.firstProduct] = 1;
    }
    for (let i = start; i < end; i++) {
      traits.length = 0;
      traitItems(run, vocabulary, i, traits);
      for (const item of traits) items.push(item);
      const base = (i - start) * productCount;
      for (let p = 0; p < productCount; p++) if (held[base + p] === 1) items.push(vocabulary.firstProduct + p);
      offsets[i + 1] = items.size;
    }
    onProgress(end, n);
    await job.checkpoint();
  }
  return { itemCount: vocabulary.items.length, offsets, items: items.data.slice(0, items.size) };
}
