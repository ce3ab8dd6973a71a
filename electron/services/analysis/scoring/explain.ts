// Why a customer scores what they score — every factor with its value, weight and share — and what changed between
// two runs, with the factor that moved each score most. For the customer card (客户360视图).
import type { ScoreKey, TierName } from './composite.js';
import { compositeParts, scoreKeys, tierNames } from './composite.js';
import { explainContribution } from './contribution.js';
import { NO_CHANNEL } from './derived.js';
import type { Channel, ClassificationName } from './features.js';
import { channels, classificationCodes } from './features.js';
import { explainPersona } from './personas.js';
import type { PersonaTermExplanation } from './personas.js';
import { weightedScoreFactors } from './scoreFactors.js';
import type { ScoringRun } from './scores.js';
import { NO_CREDIT_HISTORY } from './scores.js';
import type { VetoCode } from './vetoes.js';
import { vetoReasons } from './vetoes.js';
import type { FactorExplanation } from './weightedScore.js';
import { explainWeightedScore } from './weightedScore.js';

export interface ScoreExplanation {
  key: ScoreKey;
  /** 0–100; null for credit when the customer has no credit history. */
  score: number | null;
  factors: FactorExplanation[];
}

export interface CustomerExplanation {
  index: number;
  modelVersion: string;
  scores: Record<ScoreKey, ScoreExplanation>;
  profitFen: number;
  channel: { shares: Record<Channel, number>; dominant: Channel | null };
  credit: { state: 'scored' | 'no_history'; grade: string | null; classification: ClassificationName };
  composite: { value: number; parts: { key: ScoreKey; weight: number; share: number }[] };
  tier: TierName;
  vetoes: VetoCode[];
  personas: {
    key: string;
    labelEn: string;
    labelZh: string;
    weight: number;
    terms: ReturnType<typeof explainPersona>;
  }[];
}

export function explain(run: ScoringRun, i: number): CustomerExplanation {
  if (!Number.isInteger(i) || i < 0 || i >= run.n) throw new RangeError(`explain: no customer at row ${i} of ${run.n}`);
  const { features: f, derived: d, model } = run;
  const scores = {} as Record<ScoreKey, ScoreExplanation>;
  const contribution = run.scores.contribution[i]!;
  scores.contribution = {
    key: 'contribution',
    score: contribution,
    factors: explainContribution(f, model, i, contribution),
  };
  for (const key of ['activity', 'channel', 'credit', 'loyalty'] as const) {
    const score = run.scores[key][i]!;
    const noHistory = key === 'credit' && run.creditGrade[i] === NO_CREDIT_HISTORY;
    scores[key] = {
      key,
      score: noHistory ? null : score,
      factors: noHistory ? [] : explainWeightedScore(weightedScoreFactors[key](f, d, model), i),
    };
  }
  const grade = run.creditGrade[i]!;
  const dominant = d.dominantChannel[i]!;
  const personas = model.personas
    .filter((rule) => (run.personas[rule.key]?.[i] ?? 0) > 0)
    .map((rule) => ({
      key: rule.key,
      labelEn: rule.labelEn,
      labelZh: rule.labelZh,
      weight: run.personas[rule.key]![i]!,
      terms: explainPersona(rule, run.signals, i),
    }));
  return {
    index: i,
    modelVersion: run.modelVersion,
    scores,
    profitFen: run.profitFen[i]!,
    channel: {
      shares: Object.fromEntries(channels.map((c) => [c, d.channelShares[c][i]!])) as Record<Channel, number>,
      dominant: dominant === NO_CHANNEL ? null : channels[dominant]!,
    },
    credit: {
      state: grade === NO_CREDIT_HISTORY ? 'no_history' : 'scored',
      grade: grade === NO_CREDIT_HISTORY ? null : model.credit.grades[grade - 1]!.label,
      classification: classificationCodes[f.worstClassification[i]!] ?? 'none',
    },
    composite: { value: run.composite[i]!, parts: compositeParts(run.scores, model, i) },
    tier: tierNames[run.tier[i]!]!,
    vetoes: vetoReasons(run.vetoes[i]!),
    personas,
  };
}

export interface ScoreChange {
  key: ScoreKey;
  before: number | null;
  after: number | null;
  /** after − before; null when either run has no score (credit without history). */
  change: number | null;
  /** The factor whose share changed most (by absolute points), or null when no factor changed. */
  driver: { key: string; labelEn: string; labelZh: string; before: number; after: number; change: number } | null;
}

export interface RunComparison {
  scores: ScoreChange[];
  composite: { before: number; after: number; change: number };
  tier: { before: TierName; after: TierName };
}

function driverOf(before: ScoreExplanation, after: ScoreExplanation): ScoreChange['driver'] {
  const keys = [...new Set([...before.factors.map((x) => x.key), ...after.factors.map((x) => x.key)])];
  let driver: ScoreChange['driver'] = null;
  for (const key of keys) {
    const a = before.factors.find((x) => x.key === key);
    const b = after.factors.find((x) => x.key === key);
    const change = (b?.share ?? 0) - (a?.share ?? 0);
    if (change !== 0 && (driver === null || Math.abs(change) > Math.abs(driver.change))) {
      const label = (b ?? a)!;
      driver = {
        key,
        labelEn: label.labelEn,
        labelZh: label.labelZh,
        before: a?.share ?? 0,
        after: b?.share ?? 0,
        change,
      };
    }
  }
  return driver;
}

/** The change of every score between two explanations of the same customer (earlier run first). */
export function compareRuns(prev: CustomerExplanation, next: CustomerExplanation): RunComparison {
  return {
    scores: scoreKeys.map((key) => {
      const before = prev.scores[key].score;
      const after = next.scores[key].score;
      return {
        key,
        before,
        after,
        change: before === null || after === null ? null : after - before,
        driver: driverOf(prev.scores[key], next.scores[key]),
      };
    }),
    composite: {
      before: prev.composite.value,
      after: next.composite.value,
      change: next.composite.value - prev.composite.value,
    },
    tier: { before: prev.tier, after: next.tier },
  };
}

export type { PersonaTermExplanation };
