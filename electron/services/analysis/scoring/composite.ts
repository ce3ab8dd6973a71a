// The composite customer value (综合价值) — a weighted mean of the five scores — and the tier it puts the customer in.
import type { ScoringModel } from './model.js';

export const scoreKeys = ['contribution', 'activity', 'channel', 'credit', 'loyalty'] as const;
export type ScoreKey = (typeof scoreKeys)[number];

export const tierNames = ['vip', 'key', 'potential', 'mass'] as const;
export type TierName = (typeof tierNames)[number];
export const tierLabels: Record<TierName, { en: string; zh: string }> = {
  vip: { en: 'VIP', zh: '贵宾客户' },
  key: { en: 'Key', zh: '重点客户' },
  potential: { en: 'Potential', zh: '潜力客户' },
  mass: { en: 'Mass', zh: '大众客户' },
};

export type ScoreColumns = Record<ScoreKey, Float64Array>;

/**
 * Weighted mean of the scores a customer has. Credit is NaN for a customer with no credit history: it is left out
 * and the other weights count in full, so that having no loans neither lifts nor lowers the composite.
 */
export function compositeValue(scores: ScoreColumns, model: ScoringModel): Float64Array {
  const w = model.composite.weights;
  const { contribution, activity, channel, credit, loyalty } = scores;
  const out = new Float64Array(contribution.length);
  for (let i = 0; i < out.length; i++) {
    // Same terms, order and rescaling as compositeParts, so that the parts add up to the value.
    const hasCredit = !Number.isNaN(credit[i]!);
    const total = w.contribution + w.activity + w.channel + w.loyalty + (hasCredit ? w.credit : 0);
    if (total === 0) continue;
    let sum = 0;
    if (w.contribution > 0) sum += (w.contribution / total) * contribution[i]!;
    if (w.activity > 0) sum += (w.activity / total) * activity[i]!;
    if (w.channel > 0) sum += (w.channel / total) * channel[i]!;
    if (hasCredit && w.credit > 0) sum += (w.credit / total) * credit[i]!;
    if (w.loyalty > 0) sum += (w.loyalty / total) * loyalty[i]!;
    out[i] = Math.min(100, Math.max(0, sum));
  }
  return out;
}

/** The composite of customer i and each score's part of it (points of the composite). */
export function compositeParts(
  scores: ScoreColumns,
  model: ScoringModel,
  i: number,
): { key: ScoreKey; weight: number; share: number }[] {
  const w = model.composite.weights;
  const hasCredit = !Number.isNaN(scores.credit[i]!);
  const total = w.contribution + w.activity + w.channel + w.loyalty + (hasCredit ? w.credit : 0);
  return scoreKeys.map((key) => {
    const score = scores[key][i]!;
    const weight = Number.isNaN(score) || total === 0 ? 0 : w[key] / total;
    return { key, weight: 100 * weight, share: weight === 0 ? 0 : weight * score };
  });
}

/** Tier codes (index into tierNames). */
export function assignTiers(composite: Float64Array, scores: ScoreColumns, model: ScoringModel): Uint8Array {
  const t = model.tiers;
  const out = new Uint8Array(composite.length);
  for (let i = 0; i < composite.length; i++) {
    const value = composite[i]!;
    if (value >= t.vipMinComposite) out[i] = 0;
    else if (value >= t.keyMinComposite) out[i] = 1;
    else if (scores.activity[i]! >= t.potentialMinActivity || scores.channel[i]! >= t.potentialMinChannel) out[i] = 2;
    else out[i] = 3;
  }
  return out;
}
