// The silhouette of a clustering on a sample of rows, as scikit-learn's silhouette_score with sample_size:
// for each sampled row, (b − a) / max(a, b), with a the mean distance to the other sampled rows of its
// cluster and b the smallest mean distance to the sampled rows of another cluster. Near 1: tight, apart.
import { AppError } from '../../../api/errors.js';
import { SeededRandom } from './random.js';

export interface SilhouetteOptions {
  /** Rows drawn without replacement (default 5,000; all rows when n is smaller). */
  sampleSize?: number;
  seed?: number;
}

/** Distinct row indices in ascending order, drawn by a partial Fisher–Yates shuffle. */
export function sampleRows(n: number, size: number, seed: number): Int32Array {
  if (size >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const random = new SeededRandom(seed);
  // Only the swapped positions are remembered, so a small sample of a large n stays small in memory.
  const swapped = new Map<number, number>();
  const picked = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const j = i + random.nextInt(n - i);
    const atJ = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    picked[i] = atJ;
  }
  return picked.sort();
}

/** The mean silhouette over a deterministic sample; needs at least two clusters among the sampled rows. */
export function silhouetteScore(
  data: Float64Array,
  n: number,
  d: number,
  labels: Int32Array,
  options: SilhouetteOptions = {},
): number {
  const rows = sampleRows(n, options.sampleSize ?? 5000, options.seed ?? 0);
  const m = rows.length;
  let k = 0;
  for (const row of rows) k = Math.max(k, labels[row]! + 1);
  const sizes = new Int32Array(k);
  for (const row of rows) sizes[labels[row]!]!++;
  let present = 0;
  for (const size of sizes) if (size > 0) present++;
  if (present < 2) {
    throw new AppError(
      'invalid_input',
      `the silhouette needs at least 2 clusters among the sampled rows, not ${present}.`,
    );
  }
  const sums = new Float64Array(k);
  let total = 0;
  for (let a = 0; a < m; a++) {
    sums.fill(0);
    const rowA = rows[a]! * d;
    for (let b = 0; b < m; b++) {
      const rowB = rows[b]! * d;
      let s = 0;
      for (let f = 0; f < d; f++) {
        const diff = data[rowA + f]! - data[rowB + f]!;
        s += diff * diff;
      }
      sums[labels[rows[b]!]!]! += Math.sqrt(s);
    }
    const own = labels[rows[a]!]!;
    // A row alone in its cluster scores 0, as in scikit-learn.
    if (sizes[own]! < 2) continue;
    const inside = sums[own]! / (sizes[own]! - 1);
    let nearest = Infinity;
    for (let j = 0; j < k; j++) {
      if (j !== own && sizes[j]! > 0) nearest = Math.min(nearest, sums[j]! / sizes[j]!);
    }
    const spread = Math.max(inside, nearest);
    total += spread > 0 ? (nearest - inside) / spread : 0;
  }
  return total / m;
}
