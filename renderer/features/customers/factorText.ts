// A score factor's value, weight and points as a relationship manager reads them: money in 万, counts in 笔,
// months and days, shares in percent, yes/no, the five-category class. Pure, so it can be tested without a DOM.
import type { AnalysisScoreKey, ScoreFactorView } from '../../../electron/api/analysisTypes.js';
import { formatCount, formatMoney } from '../../app/format.js';
import type { Locale, Translate } from '../../app/i18n/i18n.js';

/** Codes of the worst-classification factor, in the order the scoring stores them. */
const classifications = ['none', 'normal', 'special_mention', 'substandard', 'doubtful', 'loss'] as const;

export function formatPercent(ratio: number): string {
  return `${(100 * ratio).toFixed(1)}%`;
}

/** Points to one decimal: the shares of a score add up to it, so they must not be rounded to whole points. */
export function formatPoints(points: number): string {
  return points.toFixed(1);
}

/** A margin or rate without trailing zeros: 0.015 → "1.5%", 0.006 → "0.6%", 1 → "100%". */
export function formatMarginRate(rate: number): string {
  return `${Number((100 * rate).toFixed(3))}%`;
}

/** The five-category class (正常/关注/次级/可疑/损失) by name; null for "none" (no loans) or an unknown name. */
export function classificationText(name: string, t: Translate): string | null {
  const known = classifications.find((c) => c === name);
  return known === undefined || known === 'none' ? null : t(`class.${known}`);
}

export function factorValueText(factor: ScoreFactorView, locale: Locale, t: Translate): string {
  const { value } = factor;
  if (value === null) return t('factor.unknown');
  const count = formatCount(Math.round(value));
  switch (factor.unit) {
    case 'fen':
      return formatMoney(value, locale);
    case 'count':
      return t('factor.count', { count });
    case 'months':
      return t('factor.months', { count });
    case 'days':
      return t('factor.days', { count });
    case 'categories':
      return t('factor.categories', { count });
    case 'ratio':
      return formatPercent(value);
    case 'flag':
      return value > 0 ? t('value.yes') : t('value.no');
    case 'classification':
      return classificationText(classifications[value] ?? 'none', t) ?? t('factor.noLoans');
    default:
      return Number.isInteger(value) ? count : value.toFixed(2);
  }
}

/** Contribution's factors are parts of the yearly profit, weighted by a margin; the others give up to N points. */
export function factorWeightText(scoreKey: AnalysisScoreKey, factor: ScoreFactorView, t: Translate): string {
  if (scoreKey === 'contribution') return t('factor.margin', { rate: formatMarginRate(factor.weight) });
  return t('factor.maxPoints', { points: formatPoints(factor.weight).replace(/\.0$/, '') });
}
