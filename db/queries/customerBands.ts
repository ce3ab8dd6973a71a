// The list's banded filters as column ranges: an age band as birth dates counted back from today, a
// deposit balance band in fen. Ranges, not expressions on the column, so that the indexes serve them.
import type { AgeBand, BalanceBand } from '../../electron/api/contract.js';
import { assertNever } from '../../electron/api/errors.js';

/** Inclusive ages; `null` leaves that end open. */
function ageLimits(band: AgeBand): { min: number | null; max: number | null } {
  switch (band) {
    case 'under18':
      return { min: null, max: 17 };
    case '18to30':
      return { min: 18, max: 30 };
    case '31to45':
      return { min: 31, max: 45 };
    case '46to60':
      return { min: 46, max: 60 };
    case 'over60':
      return { min: 61, max: null };
    default:
      return assertNever(band);
  }
}

function yearsBefore(today: string, years: number): string {
  const year = Number(today.slice(0, 4)) - years;
  return `${String(year).padStart(4, '0')}${today.slice(4)}`;
}

/**
 * Birth dates for an age band on `today` (ISO), as text bounds: someone is at least n years old when
 * born on or before today's month and day n years ago. Compared as text, so 29 February needs no
 * special case: "2025-02-29" still sorts between the 28th and 1 March. Ages as ageOn() counts them.
 */
export function birthDateRange(band: AgeBand, today: string): { bornAfter?: string; bornOnOrBefore?: string } {
  const { min, max } = ageLimits(band);
  return {
    ...(max !== null ? { bornAfter: yearsBefore(today, max + 1) } : {}),
    ...(min !== null ? { bornOnOrBefore: yearsBefore(today, min) } : {}),
  };
}

const wan = 10_000 * 100;

/** Deposit balance in fen, from (inclusive) and below (exclusive); an open end is absent. */
export function depositRange(band: BalanceBand): { fromFen?: number; belowFen?: number } {
  switch (band) {
    case 'under10k':
      return { belowFen: 1 * wan };
    case '10kTo50k':
      return { fromFen: 1 * wan, belowFen: 5 * wan };
    case '50kTo200k':
      return { fromFen: 5 * wan, belowFen: 20 * wan };
    case '200kTo500k':
      return { fromFen: 20 * wan, belowFen: 50 * wan };
    case 'atLeast500k':
      return { fromFen: 50 * wan };
    default:
      return assertNever(band);
  }
}
