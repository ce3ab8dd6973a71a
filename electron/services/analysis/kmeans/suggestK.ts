// Suggests the number of segments: k-means for each k in a range, scored by the silhouette on one
// sample of rows, the k with the highest silhouette first (ties: the smaller k, easier to explain).
import { AppError } from '../../../api/errors.js';
import { kmeans } from './kmeans.js';
import { silhouetteScore } from './silhouette.js';

export interface KCandidate {
  k: number;
  silhouette: number;
  inertia: number;
}

export interface SuggestKOptions {
  kMin?: number;
  kMax?: number;
  seed?: number;
  sampleSize?: number;
  signal?: AbortSignal;
}

export async function suggestK(
  data: Float64Array,
  n: number,
  d: number,
  options: SuggestKOptions = {},
): Promise<{ k: number; candidates: KCandidate[] }> {
  const kMin = options.kMin ?? 2;
  const kMax = Math.min(options.kMax ?? 10, n - 1);
  if (!Number.isInteger(kMin) || kMin < 2 || kMax < kMin) {
    throw new AppError('invalid_input', `k from ${kMin} to ${kMax} is no range to choose from (k ≥ 2, k < rows).`);
  }
  const seed = options.seed ?? 0;
  const candidates: KCandidate[] = [];
  for (let k = kMin; k <= kMax; k++) {
    const result = await kmeans(data, n, d, { k, seed, ...(options.signal ? { signal: options.signal } : {}) });
    const silhouette = silhouetteScore(data, n, d, result.labels, {
      seed,
      ...(options.sampleSize === undefined ? {} : { sampleSize: options.sampleSize }),
    });
    candidates.push({ k, silhouette, inertia: result.inertia });
  }
  const best = candidates.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
  return { k: best.k, candidates };
}
