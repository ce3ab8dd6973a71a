// The as-of month the features describe and the windows that end at it.
import { todayIso } from '../dates.js';

export interface FeatureWindows {
  /** YYYY-MM: the last month of activity in the data. */
  asOfMonth: string;
  /** YYYY-MM-DD: the last day of the as-of month; instalments due by then count. */
  asOfDate: string;
  /** YYYY-MM: the first month of the last 12 and of the last 24, the as-of month included. */
  from12: string;
  from24: string;
  /** YYYY-MM-DD: the first day of the last 24 months. */
  from24Date: string;
}

export function shiftMonth(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function lastDay(month: string): string {
  const [year, mon] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return new Date(Date.UTC(year, mon, 0)).toISOString().slice(0, 10);
}

/** Without any activity the windows end at the current month. */
export function featureWindows(asOfMonth: string | null): FeatureWindows {
  const month = asOfMonth ?? todayIso().slice(0, 7);
  const from24 = shiftMonth(month, -23);
  return {
    asOfMonth: month,
    asOfDate: lastDay(month),
    from12: shiftMonth(month, -11),
    from24,
    from24Date: `${from24}-01`,
  };
}
