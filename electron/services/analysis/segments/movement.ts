// Counts how customers moved between the previous run's segments and this run's: a merge of the two runs'
// customers, both in customer-number order, fed chunk by chunk so a million customers never sit in a map.

export interface MovementCounts {
  /** counts[p][c]: customers in previous segment p and current segment c. */
  counts: number[][];
  /** Customers of each current segment not in the previous run, or not segmented in it. */
  newCustomers: number[];
  /** Customers of each previous segment no longer in this run. */
  leftCustomers: number[];
}

/**
 * `currentIds` must be in ascending order (the order SQLite's `ORDER BY customer_id` gives for the plain-ASCII
 * customer numbers of core banking), and the previous run's rows must be added in the same order.
 */
export class MovementCounter {
  private next = 0;
  private readonly result: MovementCounts;

  constructor(
    private readonly currentIds: readonly string[],
    private readonly currentSegments: ArrayLike<number>,
    previousK: number,
    currentK: number,
  ) {
    this.result = {
      counts: Array.from({ length: previousK }, () => new Array<number>(currentK).fill(0)),
      newCustomers: new Array<number>(currentK).fill(0),
      leftCustomers: new Array<number>(previousK).fill(0),
    };
  }

  /** The previous run's next customers and their segments (null: not segmented then). */
  add(ids: readonly string[], segments: readonly (number | null)[]): void {
    const { currentIds, currentSegments, result } = this;
    for (let r = 0; r < ids.length; r++) {
      const id = ids[r]!;
      const before = segments[r] ?? null;
      while (this.next < currentIds.length && currentIds[this.next]! < id) {
        result.newCustomers[currentSegments[this.next]!]!++;
        this.next++;
      }
      if (this.next < currentIds.length && currentIds[this.next] === id) {
        const now = currentSegments[this.next]!;
        if (before === null) result.newCustomers[now]!++;
        else result.counts[before]![now]!++;
        this.next++;
      } else if (before !== null) {
        result.leftCustomers[before]!++;
      }
    }
  }

  /** The counts, once every previous row was added. */
  finish(): MovementCounts {
    const { currentIds, currentSegments, result } = this;
    for (; this.next < currentIds.length; this.next++) result.newCustomers[currentSegments[this.next]!]!++;
    return result;
  }
}
