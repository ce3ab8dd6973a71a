// One scoring run over the whole feature table: vetoes, the five scores, credit grades, the composite value, tiers
// and persona tags, all as typed arrays n long. Pure and deterministic: the same features and model give the
// same bytes.
import type { ScoreColumns } from './composite.js';
import { assignTiers, compositeValue } from './composite.js';
import { rankWithinBranch, yearlyProfit } from './contribution.js';
import type { DerivedMeasures } from './derived.js';
import { deriveMeasures } from './derived.js';
import type { CustomerFeatures } from './features.js';
import { checkFeatures } from './features.js';
import type { ScoringModel } from './model.js';
import { modelVersion } from './modelVersion.js';
import type { PersonaColumns } from './personas.js';
import { assignPersonas } from './personas.js';
import type { WeightedScoreKey } from './scoreFactors.js';
import { weightedScoreFactors } from './scoreFactors.js';
import { SignalTable } from './signals.js';
import { screenVetoes } from './vetoes.js';
import { computeWeightedScore } from './weightedScore.js';

/** `creditGrade` of a customer with no credit history (no loans ever). */
export const NO_CREDIT_HISTORY = 0;

export interface ScoringRun {
  n: number;
  model: ScoringModel;
  modelVersion: string;
  features: CustomerFeatures;
  derived: DerivedMeasures;
  /** Estimated yearly profit, fen. */
  profitFen: Float64Array;
  /** Each 0–100; credit is NaN for a customer with no credit history (see creditGrade). */
  scores: ScoreColumns;
  /** NO_CREDIT_HISTORY, or 1 + the index of the grade in model.credit.grades. */
  creditGrade: Uint8Array;
  composite: Float64Array;
  /** Index into tierNames. */
  tier: Uint8Array;
  /** Veto mask (bits of vetoCodes); 0 = may be marketed to. */
  vetoes: Uint8Array;
  /** Per persona tag key, the weight 0–1 of every customer (0 = absent). */
  personas: PersonaColumns;
  signals: SignalTable;
}

export interface ScoringOptions {
  /**
   * Contribution scores ranked in an earlier, complete run: to score or explain a few customers on their own
   * (a customer card) without their branch, whose ranking they cannot redo.
   */
  contributionScores?: Float64Array;
  /** Called after each stage with the fraction done, for a progress bar. */
  onProgress?: (done: number, stage: string) => void;
}

const stages = [
  'features',
  'vetoes',
  'contribution',
  'activity',
  'channel',
  'credit',
  'loyalty',
  'composite',
  'personas',
];

export function scoreCustomers(
  features: CustomerFeatures,
  model: ScoringModel,
  options: ScoringOptions = {},
): ScoringRun {
  const { n } = features;
  let stage = 0;
  const progress = () => options.onProgress?.(++stage / stages.length, stages[stage - 1]!);

  checkFeatures(features);
  const derived = deriveMeasures(features, model);
  progress();
  const vetoes = screenVetoes(features, model);
  progress();

  const profitFen = yearlyProfit(features, model);
  let contribution: Float64Array;
  if (options.contributionScores) {
    if (options.contributionScores.length !== n) {
      throw new RangeError(`contributionScores has ${options.contributionScores.length} rows, expected ${n}`);
    }
    contribution = options.contributionScores;
  } else {
    contribution = rankWithinBranch(profitFen, features.branch);
  }
  progress();

  const weighted = (key: WeightedScoreKey): Float64Array => {
    const out = new Float64Array(n);
    computeWeightedScore(weightedScoreFactors[key](features, derived, model), out);
    progress();
    return out;
  };
  const activity = weighted('activity');
  const channel = weighted('channel');
  const credit = weighted('credit');
  const creditGrade = gradeCredit(features, credit, model);
  const loyalty = weighted('loyalty');
  const scores: ScoreColumns = { contribution, activity, channel, credit, loyalty };

  const composite = compositeValue(scores, model);
  const tier = assignTiers(composite, scores, model);
  progress();

  const signals = new SignalTable({ features, derived, scores, composite });
  const personas = assignPersonas(model.personas, signals, n);
  signals.release();
  progress();

  return {
    n,
    model,
    modelVersion: modelVersion(model),
    features,
    derived,
    profitFen,
    scores,
    creditGrade,
    composite,
    tier,
    vetoes,
    personas,
    signals,
  };
}

/** Grades every customer with credit history; blanks (NaN) the score of those without. */
function gradeCredit(f: CustomerFeatures, credit: Float64Array, model: ScoringModel): Uint8Array {
  const grades = model.credit.grades;
  const out = new Uint8Array(f.n);
  for (let i = 0; i < f.n; i++) {
    if (f.loanCount[i] === 0) {
      credit[i] = Number.NaN;
      out[i] = NO_CREDIT_HISTORY;
      continue;
    }
    // Grades run from the best down and the last starts at 0: the first whose minimum the score reaches.
    const score = credit[i]!;
    let g = 0;
    while (score < grades[g]!.minScore) g++;
    out[i] = g + 1;
  }
  return out;
}
