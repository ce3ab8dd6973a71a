// What the analysis calls return (contract.ts): runs, their summaries, and one customer's scores.
import type { Channel } from './types.js';

export const analysisScoreKeys = ['contribution', 'activity', 'channel', 'credit', 'loyalty'] as const;
export type AnalysisScoreKey = (typeof analysisScoreKeys)[number];
export const analysisTiers = ['vip', 'key', 'potential', 'mass'] as const;
export type AnalysisTier = (typeof analysisTiers)[number];

export interface Label {
  zh: string;
  en: string;
}

export interface ScoreDistribution {
  /** Customers per tenth of the scale: [0, 10), [10, 20), … [90, 100]. */
  histogram: number[];
  mean: number;
  /** Customers the score does not apply to (credit: no credit history). */
  missing: number;
}

export interface AnalysisSummary {
  customers: number;
  tiers: Record<AnalysisTier, number>;
  tierLabels: Record<AnalysisTier, Label>;
  /** Customers with at least one veto, and per reason. */
  vetoed: number;
  vetoes: { code: string; label: Label; count: number }[];
  scores: Record<AnalysisScoreKey, ScoreDistribution>;
  /** Persona tags in the order of their bits in customer_scores.personas, with how many carry each. */
  personas: { key: string; label: Label; count: number }[];
  dominantChannels: Record<Channel | 'none', number>;
}

/** The rule miner's thresholds a run used (from its parameters); null for a run that did not mine. */
export interface RunMiningThresholds {
  minSupport: number;
  minConfidence: number;
  maxLength: number;
}

export interface AnalysisRunSummary {
  runId: number;
  startedAt: string;
  actor: string;
  modelVersion: string;
  asOfMonth: string;
  customers: number;
  seconds: number;
  summary: AnalysisSummary;
  mining: RunMiningThresholds | null;
}

export interface ScoreFactorView {
  key: string;
  labelEn: string;
  labelZh: string;
  unit: string;
  value: number | null;
  /** Points the factor can give at most, and the points it gave (the shares of a score add up to it). */
  weight: number;
  degree: number;
  share: number;
}

/** How a score changed since the run before, and the factor whose points changed most. */
export interface ScoreChangeView {
  /** The score in the run before (null: credit without credit history then). */
  previous: number | null;
  /** This run's score − the previous one; null when either is null. */
  change: number | null;
  /** Null when no factor's points changed (or the run before kept no factor points). */
  movedMostBy: { factor: string; labelZh: string; labelEn: string; change: number } | null;
}

/** One customer in one run: the stored results, and why (factors recomputed from the run's model). */
export interface CustomerScoreCard {
  runId: number;
  asOfMonth: string;
  modelVersion: string;
  scores: Record<
    AnalysisScoreKey,
    {
      score: number | null;
      factors: ScoreFactorView[];
      /** Null when there is no run before this one, or the customer was not in it. */
      sincePrevious: ScoreChangeView | null;
    }
  >;
  /** The run before this one, when the customer was in it. */
  previousRun: {
    runId: number;
    modelVersion: string;
    asOfMonth: string;
    composite: number;
    tier: AnalysisTier;
  } | null;
  composite: { value: number; parts: { key: AnalysisScoreKey; weight: number; share: number }[] };
  profitFen: number;
  tier: AnalysisTier;
  tierLabel: Label;
  credit: { state: 'scored' | 'no_history'; grade: string | null; classification: string };
  channel: { shares: Record<Channel, number>; dominant: Channel | null };
  vetoes: { code: string; label: Label }[];
  personas: { key: string; label: Label; weight: number }[];
  /** False when the customer's data changed after the run: the factors then describe today's data. */
  factorsMatchRun: boolean;
}
