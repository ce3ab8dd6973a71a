// The scoring model as the settings screen edits it (`analysis.model.*` in contract.ts): every parameter of the
// five scores, the composite, tiers, vetoes and persona tags, with the labels the screen shows beside them.
// The service checks at compile time that this shape is exactly the one its zod schema reads.
import type { AnalysisScoreKey, Label } from './analysisTypes.js';

/** Value → degree pairs, the values strictly increasing. */
export type BreakpointList = [number, number][];

export interface FactorParameters {
  weight: number;
  points: BreakpointList;
  /** Degree when the value is not known. */
  ifMissing: number;
}

export interface PersonaTermParameters {
  signal: string;
  points: BreakpointList;
  ifMissing: number;
}

export interface ScoringModelParameters {
  contribution: {
    depositMarginRate: number;
    loanMarginRate: number;
    wealthFeeRate: number;
    feeIncomeWeight: number;
  };
  activity: {
    /** Channel keys (types.ts `channels`). */
    eChannels: string[];
    factors: Record<'transactions' | 'cardSwipes' | 'eChannel' | 'monthsActive' | 'recency', FactorParameters>;
  };
  channel: {
    digitalChannels: string[];
    factors: Record<'digitalShare' | 'digitalVolume' | 'ebankingHeld', FactorParameters>;
  };
  credit: {
    factors: Record<
      'onTimeRatio' | 'worstDaysPastDue' | 'currentOverdue' | 'defaults' | 'classification',
      FactorParameters
    >;
    grades: { label: string; minScore: number }[];
  };
  loyalty: {
    factors: Record<'tenure' | 'breadth' | 'balanceStability' | 'payrollPension' | 'regularDeposits', FactorParameters>;
  };
  composite: { weights: Record<AnalysisScoreKey, number> };
  tiers: {
    vipMinComposite: number;
    keyMinComposite: number;
    potentialMinActivity: number;
    potentialMinChannel: number;
  };
  vetoes: {
    blacklist: { enabled: boolean };
    currentOverdue: { enabled: boolean; minOverdueFen: number };
    noConsent: { enabled: boolean };
    doNotContact: { enabled: boolean };
    frozenAccount: { enabled: boolean; minFrozenAccounts: number };
    dormant: { enabled: boolean; inactiveMonths: number };
    recentComplaint: { enabled: boolean; withinDays: number };
    underAge: { enabled: boolean; minAge: number };
  };
  personas: {
    key: string;
    labelEn: string;
    labelZh: string;
    all: PersonaTermParameters[];
    any: PersonaTermParameters[];
    minWeight: number;
  }[];
}

type DeepPartial<T> = T extends (infer U)[] ? U[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** What `analysis.model.save` takes: parameters left out keep their standard value. */
export type ScoringModelEdit = DeepPartial<ScoringModelParameters>;

export type VetoRuleKey = keyof ScoringModelParameters['vetoes'];

export interface FactorLabel {
  key: string;
  label: Label;
  unit: string;
}

/** What the settings screen shows beside the numbers. */
export interface ScoringModelLabels {
  scores: Record<AnalysisScoreKey, Label>;
  /** Every factor of every score in the model's order (contribution: the parts of the yearly profit). */
  factors: Record<AnalysisScoreKey, FactorLabel[]>;
  vetoes: Record<VetoRuleKey, Label>;
}

export interface ScoringModelSettings {
  /** The model the next analysis run uses. */
  model: ScoringModelParameters;
  version: string;
  /** True when no model is saved: the next run uses the standard one. */
  isDefault: boolean;
  /** When the model was last saved (ISO-8601), null for the standard one. */
  savedAt: string | null;
  defaults: ScoringModelParameters;
  defaultVersion: string;
  labels: ScoringModelLabels;
}

export const modelProblemCodes = [
  'too_small',
  'too_big',
  'not_a_number',
  'not_whole',
  'not_increasing',
  'grade_order',
  'last_grade',
  'no_composite_weight',
  'tier_order',
  'persona_keys',
  'persona_term',
  'unknown_parameter',
  'invalid',
] as const;
export type ModelProblemCode = (typeof modelProblemCodes)[number];

/** One problem of a model that was not saved: the parameter's path (e.g. `activity.factors.recency.points`). */
export interface ModelProblem {
  path: string;
  /** For the screen to say it in the reader's language; `message` is the English sentence. */
  code: ModelProblemCode;
  message: string;
  /** The bound broken by too_small / too_big. */
  limit?: number;
}
