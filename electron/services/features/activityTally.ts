// The activity columns of customer_features added up while a first load of the activity table streams by,
// so that a fresh branch does not re-read millions of rows in SQL afterwards. The windows end at the last
// month seen so far; a customer whose rows arrive after that month moved on, out of month order, or when the
// final as-of month differs, is left to the SQL refresh ("stale"). The sums follow SQLite's own arithmetic
// (integers exact, REAL sums by Kahan–Babuška–Neumaier as sum() does), so both ways give the same bits.
import type Database from 'better-sqlite3';
import type { Job } from '../context.js';
import type { Value } from '../import/kinds.js';
import { activityColumns, channels } from './featureSql.js';

const rowsPerStatement = 500;

/** YYYY-MM as a month number. */
export function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthText(number: number): string {
  return `${String(Math.floor(number / 12)).padStart(4, '0')}-${String((number % 12) + 1).padStart(2, '0')}`;
}

function bitCount(bits: number): number {
  let count = 0;
  for (let b = bits >>> 0; b !== 0; b &= b - 1) count++;
  return count;
}

/** Where the activity file's fields sit in a validated row (the kind's field order). */
export interface ActivityPositions {
  customer: number;
  month: number;
  channel: number;
  deposits: number;
  withdrawals: number;
  swipes: number;
  balance: number;
  fee: number;
}

export class ActivityTally {
  private readonly index = new Map<string, number>();
  private readonly ids: string[];
  private readonly n: number;
  /** The last month seen when the customer's first row came: the end of the customer's windows; 0 = no rows. */
  private readonly anchor: Int32Array;
  private readonly stale: Uint8Array;
  /** Fee, deposits, withdrawals, swipes, then the six channels' transactions: 12-month sums, 10 per customer. */
  private readonly sums: Float64Array;
  /** Bit b = the month `anchor − b`: with transactions (24 months), with deposits, with any row (12 months). */
  private readonly activeBits: Uint32Array;
  private readonly depositBits: Uint16Array;
  private readonly rowBits: Uint16Array;
  private readonly lastActive: Int32Array;
  /** The month being added up (its channel rows' balances) and the REAL sums of the closed months. */
  private readonly openMonth: Int32Array;
  private readonly openBalance: Float64Array;
  private readonly openRows: Uint16Array;
  private readonly balanceSum: Float64Array;
  private readonly balanceError: Float64Array;
  private readonly squareSum: Float64Array;
  private readonly squareError: Float64Array;
  private readonly balanceApprox: Uint8Array;
  private latest = 0;
  private lastId = '';
  private lastIndex = -1;
  private readonly channelIndex = new Map<string, number>(channels.map((c, i) => [c, i]));

  constructor(
    db: Database.Database,
    private readonly at: ActivityPositions,
  ) {
    this.ids = db.prepare('SELECT customer_id FROM customers ORDER BY customer_id').pluck().all() as string[];
    this.n = this.ids.length;
    for (let i = 0; i < this.n; i++) this.index.set(this.ids[i]!, i);
    const n = this.n;
    this.anchor = new Int32Array(n);
    this.stale = new Uint8Array(n);
    this.sums = new Float64Array(n * 10);
    this.activeBits = new Uint32Array(n);
    this.depositBits = new Uint16Array(n);
    this.rowBits = new Uint16Array(n);
    this.lastActive = new Int32Array(n);
    this.openMonth = new Int32Array(n);
    this.openBalance = new Float64Array(n);
    this.openRows = new Uint16Array(n);
    this.balanceSum = new Float64Array(n);
    this.balanceError = new Float64Array(n);
    this.squareSum = new Float64Array(n);
    this.squareError = new Float64Array(n);
    this.balanceApprox = new Uint8Array(n);
  }

  /** For the direct writer: told of each row the table took. */
  readonly observer = (values: readonly Value[], offset: number): void => this.add(values, offset);

  /** One row the table took (`values` from `offset`: the validated fields in the kind's order). */
  add(values: readonly Value[], offset: number): void {
    const at = this.at;
    const id = values[offset + at.customer] as string;
    let c = this.lastIndex;
    if (id !== this.lastId) {
      c = this.index.get(id) ?? -1;
      this.lastId = id;
      this.lastIndex = c;
    }
    // A row the table took names a customer that exists: one not found here makes every tally unsure.
    if (c < 0) throw new Error(`activity tally: customer ${id} is not among the customers read at the start`);
    const month = monthNumber(values[offset + at.month] as string);
    if (month > this.latest) this.latest = month;
    if (this.stale[c] === 1) return;
    let anchor = this.anchor[c]!;
    if (anchor === 0) {
      anchor = this.latest;
      this.anchor[c] = anchor;
    } else if (month > anchor) {
      this.stale[c] = 1;
      return;
    }
    const age = anchor - month;
    if (age > 23) return;
    const open = this.openMonth[c]!;
    if (month !== open) {
      if (month < open) {
        this.stale[c] = 1;
        return;
      }
      if (open !== 0) this.closeMonth(c, open);
      this.openMonth[c] = month;
    }
    const deposits = values[offset + at.deposits] as number;
    const tx = deposits + (values[offset + at.withdrawals] as number) + (values[offset + at.swipes] as number);
    if (tx > 0) {
      this.activeBits[c] = this.activeBits[c]! | (1 << age);
      if (month > this.lastActive[c]!) this.lastActive[c] = month;
    }
    this.openBalance[c]! += values[offset + at.balance] as number;
    this.openRows[c]!++;
    if (age > 11) return;
    this.rowBits[c] = this.rowBits[c]! | (1 << age);
    if (deposits > 0) this.depositBits[c] = this.depositBits[c]! | (1 << age);
    const base = c * 10;
    const sums = this.sums;
    sums[base]! += values[offset + at.fee] as number;
    sums[base + 1]! += deposits;
    sums[base + 2]! += values[offset + at.withdrawals] as number;
    sums[base + 3]! += values[offset + at.swipes] as number;
    const channel = this.channelIndex.get(values[offset + at.channel] as string)!;
    sums[base + 4 + channel]! += tx;
  }

  /** The month's balance is the mean of its channel rows (avg() over integers); it counts within 12 months. */
  private closeMonth(c: number, month: number): void {
    const rows = this.openRows[c]!;
    const balance = this.openBalance[c]! / rows;
    this.openBalance[c] = 0;
    this.openRows[c] = 0;
    if (this.anchor[c]! - month > 11) return;
    if (this.balanceApprox[c] === 0) this.balanceApprox[c] = 1;
    this.balanceSum[c] = kbnStep(this.balanceSum, this.balanceError, c, balance);
    this.squareSum[c] = kbnStep(this.squareSum, this.squareError, c, balance * balance);
  }

  /**
   * Writes temp.activity_tally (customer_id and `activityColumns`) for the customers whose tally holds at
   * `asOfMonth`, and returns the customers left to the SQL refresh.
   */
  async writeTable(db: Database.Database, asOfMonth: string, job: Job): Promise<string[]> {
    const asOf = monthNumber(asOfMonth);
    db.exec('DROP TABLE IF EXISTS temp.activity_tally');
    db.exec(
      `CREATE TEMP TABLE activity_tally (customer_id TEXT PRIMARY KEY, ${activityColumns.join(', ')}) WITHOUT ROWID`,
    );
    const tuple = `(${Array.from({ length: activityColumns.length + 1 }, () => '?').join(', ')})`;
    const insert = `INSERT INTO temp.activity_tally VALUES `;
    const many = db.prepare(insert + Array.from({ length: rowsPerStatement }, () => tuple).join(', '));
    const one = db.prepare(insert + tuple);
    const stale: string[] = [];
    let values: Value[] = [];
    for (let c = 0; c < this.n; c++) {
      const anchor = this.anchor[c]!;
      if (anchor === 0) continue;
      if (this.stale[c] === 1 || anchor !== asOf) {
        stale.push(this.ids[c]!);
        continue;
      }
      if (this.openMonth[c] !== 0) {
        this.closeMonth(c, this.openMonth[c]!);
        this.openMonth[c] = 0;
      }
      values.push(this.ids[c]!);
      this.rowValues(c, values);
      if (values.length === rowsPerStatement * (activityColumns.length + 1)) {
        many.run(values);
        values = [];
        if (c % 50_000 < rowsPerStatement) await job.checkpoint();
      }
    }
    for (let k = 0; k < values.length; k += activityColumns.length + 1) {
      one.run(values.slice(k, k + activityColumns.length + 1));
    }
    return stale;
  }

  private rowValues(c: number, out: Value[]): void {
    const base = c * 10;
    for (let s = 0; s < 10; s++) out.push(this.sums[base + s]!);
    const active = this.activeBits[c]!;
    out.push(bitCount(active & 0xfff), bitCount(active), bitCount(this.depositBits[c]!));
    out.push(this.lastActive[c]! === 0 ? null : monthText(this.lastActive[c]!));
    out.push(bitCount(this.rowBits[c]!));
    const approx = this.balanceApprox[c] === 1;
    out.push(approx ? kbnResult(this.balanceSum[c]!, this.balanceError[c]!) : 0);
    out.push(approx ? kbnResult(this.squareSum[c]!, this.squareError[c]!) : 0);
  }
}

/** One step of SQLite's sum() over REAL values (Kahan–Babuška–Neumaier); returns the new running sum. */
function kbnStep(sum: Float64Array, error: Float64Array, c: number, value: number): number {
  const s = sum[c]!;
  const t = s + value;
  if (Math.abs(s) > Math.abs(value)) error[c]! += s - t + value;
  else error[c]! += value - t + s;
  return t;
}

function kbnResult(sum: number, error: number): number {
  return Number.isFinite(error) ? sum + error : sum;
}
