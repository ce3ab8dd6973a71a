// The counts and distributions of a run that the analysis page shows without reading a million rows.
import type { AnalysisSummary, ScoreDistribution } from '../../api/analysisTypes.js';
import { channels } from '../../api/types.js';
import {
  NO_CHANNEL,
  scoreKeys,
  tierLabels,
  tierNames,
  vetoBit,
  vetoCodes,
  vetoLabels,
  type ScoringRun,
} from './scoring/index.js';

/** Persona tags at or above this weight count as carried (list filters, counts, the stored bits). */
export const personaThreshold = 0.5;

function distribution(values: Float64Array): ScoreDistribution {
  const histogram = new Array<number>(10).fill(0);
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    histogram[Math.min(9, Math.floor(value / 10))]! += 1;
    sum += value;
    count += 1;
  }
  return { histogram, mean: count === 0 ? 0 : sum / count, missing: values.length - count };
}

export function summarizeRun(run: ScoringRun): AnalysisSummary {
  const { n } = run;
  const tiers = Object.fromEntries(tierNames.map((t) => [t, 0])) as AnalysisSummary['tiers'];
  for (const tier of run.tier) tiers[tierNames[tier]!] += 1;
  const vetoCounts = vetoCodes.map(() => 0);
  let vetoed = 0;
  for (const mask of run.vetoes) {
    if (mask === 0) continue;
    vetoed += 1;
    vetoCodes.forEach((code, k) => {
      if ((mask & vetoBit(code)) !== 0) vetoCounts[k]! += 1;
    });
  }
  const dominantChannels = Object.fromEntries(
    [...channels, 'none'].map((c) => [c, 0]),
  ) as AnalysisSummary['dominantChannels'];
  for (const channel of run.derived.dominantChannel) {
    dominantChannels[channel === NO_CHANNEL ? 'none' : channels[channel]!] += 1;
  }
  return {
    customers: n,
    tiers,
    tierLabels: { ...tierLabels },
    vetoed,
    vetoes: vetoCodes.map((code, k) => ({ code, label: vetoLabels[code], count: vetoCounts[k]! })),
    scores: Object.fromEntries(
      scoreKeys.map((key) => [key, distribution(run.scores[key])]),
    ) as AnalysisSummary['scores'],
    personas: run.model.personas.map((rule) => {
      const weights = run.personas[rule.key]!;
      let count = 0;
      for (const weight of weights) if (weight >= personaThreshold) count += 1;
      return { key: rule.key, label: { zh: rule.labelZh, en: rule.labelEn }, count };
    }),
    dominantChannels,
  };
}
