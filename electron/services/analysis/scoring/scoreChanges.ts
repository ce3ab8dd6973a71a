// How each score of a customer changed between two runs, and the factor whose points changed most — from what the
// runs stored (scores and packed factor points), so that it describes the runs as they were.
import type { ScoreKey } from './composite.js';
import { scoreKeys } from './composite.js';
import type { FactorCatalogue } from './factorCatalogue.js';

export interface StoredCustomerScores {
  /** Null for a score that did not apply (credit without credit history). */
  scores: Record<ScoreKey, number | null>;
  /** Points per factor of each score; null when the run kept none. */
  shares: Record<ScoreKey, Map<string, number>> | null;
}

export interface StoredScoreChange {
  previous: number | null;
  change: number | null;
  movedMostBy: { factor: string; labelZh: string; labelEn: string; change: number } | null;
}

/** Stored scores have two decimals; so does their difference. */
const hundredths = (x: number): number => Math.round(x * 100) / 100;

/**
 * The factor with the largest change of points, in either direction; on a tie the first in the score's order. A
 * factor missing from one run counts as 0 points there.
 */
function moverOf(
  before: Map<string, number>,
  after: Map<string, number>,
  factors: FactorCatalogue[ScoreKey],
): StoredScoreChange['movedMostBy'] {
  const keys = [...factors.map((f) => f.key), ...after.keys(), ...before.keys()];
  let best: StoredScoreChange['movedMostBy'] = null;
  for (const key of new Set(keys)) {
    const change = (after.get(key) ?? 0) - (before.get(key) ?? 0);
    if (change === 0 || (best !== null && Math.abs(change) <= Math.abs(best.change))) continue;
    const label = factors.find((f) => f.key === key);
    best = { factor: key, labelZh: label?.labelZh ?? key, labelEn: label?.labelEn ?? key, change };
  }
  return best;
}

export function compareStoredScores(
  previous: StoredCustomerScores,
  next: StoredCustomerScores,
  catalogue: FactorCatalogue,
): Record<ScoreKey, StoredScoreChange> {
  const out = {} as Record<ScoreKey, StoredScoreChange>;
  for (const key of scoreKeys) {
    const before = previous.scores[key];
    const after = next.scores[key];
    out[key] = {
      previous: before,
      change: before === null || after === null ? null : hundredths(after - before),
      movedMostBy:
        previous.shares === null || next.shares === null
          ? null
          : moverOf(previous.shares[key], next.shares[key], catalogue[key]),
    };
  }
  return out;
}
