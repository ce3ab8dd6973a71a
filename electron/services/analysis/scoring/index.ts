// The scoring model of step 2 (数据分析和挖掘): features in, vetoes, five explainable scores, tiers and persona
// tags out. Pure computation over typed arrays: no database, no Electron.
export * from './features.js';
export * from './featureRecords.js';
export {
  scoringModelSchema,
  defaultScoringModel,
  parseScoringModel,
  type ScoringModel,
  type FactorParams,
  type PersonaRule,
  type PersonaTerm,
  type ModelParseResult,
} from './model.js';
export { modelVersion, canonicalModelJson } from './modelVersion.js';
export { signalNames, type SignalName } from './signalNames.js';
export { degreeOf, type Breakpoints, type NumericColumn } from './piecewise.js';
export { deriveMeasures, NO_CHANNEL, type DerivedMeasures } from './derived.js';
export { rankWithinBranch, yearlyProfit, profitParts, type ProfitParts } from './contribution.js';
export { scoreKeys, tierNames, tierLabels, type ScoreKey, type TierName, type ScoreColumns } from './composite.js';
export { vetoCodes, vetoLabels, vetoBit, vetoReasons, screenVetoes, type VetoCode } from './vetoes.js';
export { type PersonaColumns } from './personas.js';
export { type FactorExplanation, type FactorUnit } from './weightedScore.js';
export { scoreCustomers, NO_CREDIT_HISTORY, type ScoringRun, type ScoringOptions } from './scores.js';
export {
  explain,
  compareRuns,
  type CustomerExplanation,
  type ScoreExplanation,
  type ScoreChange,
  type RunComparison,
  type PersonaTermExplanation,
} from './explain.js';
export { factorCatalogue, factorLayout, type FactorCatalogue, type FactorEntry } from './factorCatalogue.js';
export {
  factorShareTable,
  factorPointChunk,
  recordInChunk,
  decodeFactorShares,
  SHARE_STEP,
  type FactorShareTable,
} from './factorShares.js';
export { compareStoredScores, type StoredCustomerScores, type StoredScoreChange } from './scoreChanges.js';
