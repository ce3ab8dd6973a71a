// Reads decimal text digit by digit into a whole number of units (fen, basis points, counts), never
// through floating point: 0.1 + 0.2 must be 30 fen, not 30.000000000000004.
// Pure TypeScript with no Node or database imports: the renderer validates manual edits with it too.

export type DecimalProblem = 'not_a_number' | 'scientific' | 'too_many_decimals' | 'bad_grouping' | 'too_large';

export type DecimalReading =
  { ok: true; units: number; negative: boolean } | { ok: false; problem: DecimalProblem; decimals: number };

const ZERO = 48;
const NINE = 57;
const MINUS = 45;
const COMMA = 44;
const POINT = 46;

/**
 * Reads `text` (already trimmed) as a decimal number in units of 10^-scale: with scale 2, "12.3" is
 * 1230. An optional leading "-"; with `grouping`, thousands separators between groups of three
 * digits ("12,345.67"). Decimals beyond `scale` must be zeros, which lose nothing ("1.500" is 150).
 * The result stays within Number.MAX_SAFE_INTEGER.
 */
export function readDecimal(text: string, scale: number, grouping: boolean): DecimalReading {
  const length = text.length;
  const factor = 10 ** scale;
  const limit = Math.floor(Number.MAX_SAFE_INTEGER / factor);
  let i = 0;
  const negative = length > 0 && text.charCodeAt(0) === MINUS;
  if (negative) i = 1;
  let whole = 0;
  let wholeDigits = 0;
  let groupDigits = 0;
  let separators = 0;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= ZERO && code <= NINE) {
      whole = whole * 10 + (code - ZERO);
      wholeDigits++;
      groupDigits++;
      if (whole > limit) return problem(text, 'too_large', 0);
    } else if (code === COMMA && grouping) {
      // The first group holds one to three digits, every later one exactly three.
      if (groupDigits === 0 || groupDigits > 3 || (separators > 0 && groupDigits !== 3)) {
        return problem(text, 'bad_grouping', 0);
      }
      separators++;
      groupDigits = 0;
    } else break;
  }
  if (separators > 0 && groupDigits !== 3) return problem(text, 'bad_grouping', 0);
  let fraction = 0;
  let decimals = 0;
  let nonZeroBeyondScale = false;
  if (i < length && text.charCodeAt(i) === POINT) {
    for (i++; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code < ZERO || code > NINE) break;
      decimals++;
      if (decimals <= scale) fraction = fraction * 10 + (code - ZERO);
      else if (code !== ZERO) nonZeroBeyondScale = true;
    }
  }
  if (i < length || wholeDigits + decimals === 0) return problem(text, 'not_a_number', decimals);
  if (nonZeroBeyondScale) return problem(text, 'too_many_decimals', decimals);
  for (let d = Math.min(decimals, scale); d < scale; d++) fraction *= 10;
  if (whole === limit && whole * factor + fraction > Number.MAX_SAFE_INTEGER) return problem(text, 'too_large', 0);
  return { ok: true, units: whole * factor + fraction, negative: negative && (whole > 0 || fraction > 0) };
}

/** Excel's or a program's exponent notation ("1e5", "3.41322E+17") gets its own explanation. */
const exponent = /^-?(?:\d[\d,]*)?(?:\.\d*)?[eE][+-]?\d+$/;

function problem(text: string, kind: DecimalProblem, decimals: number): DecimalReading {
  return { ok: false, problem: kind === 'not_a_number' && exponent.test(text) ? 'scientific' : kind, decimals };
}
