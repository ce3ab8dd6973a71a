// Segment figures in the units a banker reads: money as CNY (万 in Chinese), shares as percentages, months,
// years and counts as whole numbers, and how far a centroid sits from the average in standard deviations.
import type { SegmentFeatureKey } from '../../../electron/api/segmentTypes.js';
import { segmentFeatureUnits } from '../../../electron/api/segmentTypes.js';
import { formatCount, formatMoney } from '../../app/format.js';
import type { Locale } from '../../app/i18n/i18n.js';

export function formatFeatureValue(feature: SegmentFeatureKey, value: number, locale: Locale): string {
  const unit = segmentFeatureUnits[feature];
  switch (unit) {
    case 'yuan':
      return formatMoney(Math.round(value * 100), locale);
    case 'share':
      return `${(value * 100).toFixed(1)}%`;
    case 'count':
      return value < 10 ? value.toFixed(1) : formatCount(Math.round(value));
    case 'months':
    case 'years':
      return formatCount(Math.round(value));
    default:
      return assertNever(unit);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected unit ${String(value)}`);
}

/** "+1.4σ" / "−0.8σ": the distance of a centroid from the branch's average. */
export function formatZ(z: number): string {
  const magnitude = Math.abs(z).toFixed(1);
  return `${z < 0 ? '−' : '+'}${magnitude}σ`;
}

export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
