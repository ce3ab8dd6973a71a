// The assignment of rows to columns with the least total cost (Hungarian method, Kuhn–Munkres with
// potentials, O(n³)): used to pair this run's segments with the previous run's, a handful on each side.

/**
 * For a rows × columns cost matrix, the column given to each row (−1 when there are more rows than columns
 * and the row gets none), such that no other assignment of min(rows, columns) pairs costs less in total.
 */
export function minimumCostAssignment(cost: readonly (readonly number[])[]): number[] {
  const rows = cost.length;
  const columns = rows === 0 ? 0 : cost[0]!.length;
  if (rows === 0 || columns === 0) return Array.from({ length: rows }, () => -1);
  // Square it: missing pairs cost nothing more than any real one, so they never change the real choice.
  const size = Math.max(rows, columns);
  let highest = 0;
  for (const row of cost) for (const value of row) highest = Math.max(highest, Math.abs(value));
  const pad = highest * 2 + 1;
  const at = (i: number, j: number) => (i < rows && j < columns ? cost[i]![j]! : pad);
  // 1-based arrays as in the textbook formulation; index 0 is the virtual start.
  const u = new Float64Array(size + 1);
  const v = new Float64Array(size + 1);
  const owner = new Int32Array(size + 1);
  const way = new Int32Array(size + 1);
  for (let i = 1; i <= size; i++) {
    owner[0] = i;
    let j0 = 0;
    const slack = new Float64Array(size + 1).fill(Infinity);
    const used = new Uint8Array(size + 1);
    do {
      used[j0] = 1;
      const i0 = owner[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= size; j++) {
        if (used[j]) continue;
        const reduced = at(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (reduced < slack[j]!) {
          slack[j] = reduced;
          way[j] = j0;
        }
        if (slack[j]! < delta) {
          delta = slack[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= size; j++) {
        if (used[j]) {
          u[owner[j]!]! += delta;
          v[j]! -= delta;
        } else {
          slack[j]! -= delta;
        }
      }
      j0 = j1;
    } while (owner[j0] !== 0);
    do {
      const j1 = way[j0]!;
      owner[j0] = owner[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = Array.from({ length: rows }, () => -1);
  for (let j = 1; j <= size; j++) {
    const i = owner[j]! - 1;
    if (i >= 0 && i < rows && j - 1 < columns) result[i] = j - 1;
  }
  return result;
}
