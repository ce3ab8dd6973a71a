// The factors of every score with their labels and units, in the order the scores add them: for the settings
// screen, and to name the factor that moved a score between two runs.
import type { ScoreKey } from './composite.js';
import { scoreKeys } from './composite.js';
import { explainContribution } from './contribution.js';
import { deriveMeasures } from './derived.js';
import { createFeatures } from './features.js';
import type { ScoringModel } from './model.js';
import { weightedScoreFactors } from './scoreFactors.js';
import type { FactorUnit } from './weightedScore.js';

export interface FactorEntry {
  key: string;
  labelEn: string;
  labelZh: string;
  unit: FactorUnit;
}

export type FactorCatalogue = Record<ScoreKey, FactorEntry[]>;

/** The factor list depends on the code, not on the parameters: read it off one customer with nothing. */
export function factorCatalogue(model: ScoringModel): FactorCatalogue {
  const nobody = createFeatures(1);
  const derived = deriveMeasures(nobody, model);
  const entry = ({ key, labelEn, labelZh, unit }: FactorEntry): FactorEntry => ({ key, labelEn, labelZh, unit });
  const catalogue = {} as FactorCatalogue;
  for (const score of scoreKeys) {
    catalogue[score] =
      score === 'contribution'
        ? explainContribution(nobody, model, 0, 0).map(entry)
        : weightedScoreFactors[score](nobody, derived, model).map(entry);
  }
  return catalogue;
}

/** `score.factor` keys of every factor, in catalogue order: the layout of a run's stored factor points. */
export function factorLayout(catalogue: FactorCatalogue): string[] {
  return scoreKeys.flatMap((score) => catalogue[score].map((factor) => `${score}.${factor.key}`));
}
