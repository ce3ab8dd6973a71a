// How support, confidence and lift read on the association screens, and the rules table's sort toggling.
// Pure functions, tested without a DOM.
import type { Label } from '../../../electron/api/analysisTypes.js';
import type { RuleItem, RuleSortColumn } from '../../../electron/api/associationTypes.js';

/** The locales of i18n.tsx, named from the labels so that this module (and its tests) needs no JSX. */
export type Locale = keyof Label;

/** A share of customers as a percentage: 0.0423 → "4.2%"; under 0.1% keeps two decimals ("0.05%"). */
export function formatShare(share: number): string {
  const percent = share * 100;
  if (percent !== 0 && Math.abs(percent) < 0.1) return `${percent.toFixed(2)}%`;
  return `${percent.toFixed(1)}%`;
}

/** Lift as a multiple: 2.345 → "×2.35"; null (no customers on a side) → "–". */
export function formatLift(lift: number | null): string {
  return lift === null ? '–' : `×${lift.toFixed(2)}`;
}

/** A rank correlation with its sign: 0.314 → "+0.31". */
export function formatCorrelation(tau: number | null): string {
  if (tau === null) return '–';
  const text = tau.toFixed(2);
  return tau > 0 && text !== '0.00' ? `+${text}` : text === '-0.00' ? '0.00' : text;
}

export function labelText(label: Label, locale: Locale): string {
  return locale === 'zh' ? label.zh : label.en;
}

/** One side of a rule: "代发工资账户 + 手机银行" / "Payroll account + Mobile banking". */
export function ruleSideText(items: readonly RuleItem[], locale: Locale): string {
  return items.map((item) => labelText(item.label, locale)).join(' + ');
}

export interface RuleSort {
  column: RuleSortColumn;
  direction: 'asc' | 'desc';
}

/** A click on a column header: a new column sorts highest first, the same column flips. */
export function toggleRuleSort(current: RuleSort, column: RuleSortColumn): RuleSort {
  if (current.column !== column) return { column, direction: 'desc' };
  return { column, direction: current.direction === 'desc' ? 'asc' : 'desc' };
}

/** A typed minimum lift: empty is no minimum, anything not a number ≥ 0 is refused (null). */
export function parseMinLift(text: string): { ok: true; value: number | undefined } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= 0 ? { ok: true, value } : { ok: false };
}
