// Amounts, rates and counts read digit by digit into whole fen, basis points and counts.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseAmountFen, parseCount, parseRateBp } from '../../electron/services/validation/values.js';
import type { Parsed } from '../../electron/services/validation/values.js';

function valueOf<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(`expected a value, got ${parsed.code}: ${parsed.message}`);
  return parsed.value;
}

function refusalOf<T>(parsed: Parsed<T>): string {
  if (parsed.ok) throw new Error(`expected a refusal, got ${JSON.stringify(parsed.value)}`);
  return `${parsed.code}: ${parsed.message}`;
}

/** Fen as yuan text, built from the digits (an oracle independent of the parser). */
function yuan(fen: number, separators: boolean): string {
  const digits = String(Math.abs(fen)).padStart(3, '0');
  let whole = digits.slice(0, -2);
  if (separators) whole = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${fen < 0 ? '-' : ''}${whole}.${digits.slice(-2)}`;
}

describe('parseAmountFen', () => {
  test.each([
    ['0', 0],
    ['0.1', 10],
    ['0.30', 30],
    ['0.3', 30],
    ['12', 1200],
    ['12,345.67', 1234567],
    ['1,234,567.8', 123456780],
    ['1234567.89', 123456789],
    ['.5', 50],
    ['7.', 700],
    ['007.50', 750],
    ['1.500', 150],
    [' 88.80 ', 8880],
  ])('reads %s yuan as %i fen', (raw, fen) => {
    expect(valueOf(parseAmountFen(raw))).toBe(fen);
  });

  test('sums exactly in fen where floating point yuan does not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(valueOf(parseAmountFen('0.1')) + valueOf(parseAmountFen('0.2'))).toBe(valueOf(parseAmountFen('0.3')));
    expect(valueOf(parseAmountFen('0.3'))).toBe(30);
    // 1.15 * 100 is 114.99999999999999 in floating point.
    expect(valueOf(parseAmountFen('1.15'))).toBe(115);
  });

  test('refuses more than two decimals unless they are zeros', () => {
    expect(refusalOf(parseAmountFen('1.234'))).toBe(
      'bad_amount: An amount has at most two decimals (fen), but this one has 3.',
    );
    expect(refusalOf(parseAmountFen('0.001'))).toMatch(/^bad_amount/);
  });

  test.each(['12,34.56', '1234,567', ',123', '1,,234', '1,234,56', '1,2345', '12,345,', '-,123'])(
    'refuses thousands separators in the wrong places: %s',
    (raw) => {
      expect(refusalOf(parseAmountFen(raw))).toMatch(/^bad_amount: /);
    },
  );

  test('explains a decimal comma, a currency sign and scientific notation', () => {
    expect(refusalOf(parseAmountFen('1234,56'))).toBe(
      'bad_amount: Use a point, not a comma, before the decimals: 1234.56.',
    );
    expect(refusalOf(parseAmountFen('¥1,234.00'))).toContain('Remove the currency sign');
    expect(refusalOf(parseAmountFen('1e5'))).toContain('not in scientific notation');
    expect(refusalOf(parseAmountFen('1.2E+07'))).toContain('not in scientific notation');
  });

  test.each(['', '-', '.', 'abc', '1 234', '+5', '1.2.3', '--1', '1-', 'NaN', 'Infinity', '０.５'])(
    'refuses %j',
    (raw) => {
      expect(parseAmountFen(raw).ok).toBe(false);
    },
  );

  test('refuses a negative amount unless allowed, and never yields negative zero', () => {
    expect(refusalOf(parseAmountFen('-5.00'))).toBe('bad_amount: This amount cannot be negative here.');
    expect(valueOf(parseAmountFen('-5.00', { allowNegative: true }))).toBe(-500);
    expect(Object.is(valueOf(parseAmountFen('-0.00')), 0)).toBe(true);
  });

  test('applies min and max in fen and states them in yuan', () => {
    expect(refusalOf(parseAmountFen('0', { min: 1 }))).toBe('bad_amount: This amount must be at least 0.01 yuan.');
    expect(refusalOf(parseAmountFen('1,000,000.01', { max: 100_000_000 }))).toBe(
      'bad_amount: This amount must be at most 1,000,000.00 yuan.',
    );
    expect(valueOf(parseAmountFen('1,000,000.00', { max: 100_000_000 }))).toBe(100_000_000);
  });

  test('stays within Number.MAX_SAFE_INTEGER fen', () => {
    expect(valueOf(parseAmountFen('90071992547409.91'))).toBe(Number.MAX_SAFE_INTEGER);
    expect(refusalOf(parseAmountFen('90071992547409.92'))).toContain('too large');
    expect(refusalOf(parseAmountFen('123456789012345678901234567890'))).toContain('too large');
  });

  test('gives back any whole number of fen written as yuan text, with or without separators', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.boolean(), (fen, separators) => {
        expect(valueOf(parseAmountFen(yuan(fen, separators), { allowNegative: true }))).toBe(fen);
      }),
    );
  });

  test('sums of parsed amounts equal the parsed sum, exactly', () => {
    const amount = fc.integer({ min: 0, max: 10 ** 11 });
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 50 }), (fens) => {
        const total = fens.reduce((sum, fen) => sum + fen, 0);
        const parsed = fens.reduce((sum, fen) => sum + valueOf(parseAmountFen(yuan(fen, true))), 0);
        expect(parsed).toBe(total);
        expect(valueOf(parseAmountFen(yuan(total, false)))).toBe(total);
      }),
    );
  });
});

describe('parseRateBp', () => {
  test.each([
    ['5.2', 520],
    ['5.20', 520],
    ['4.35', 435],
    ['0', 0],
    ['0.01', 1],
    ['12', 1200],
    ['5.20%', 520],
    ['3.6 %', 360],
    ['100', 10_000],
  ])('reads %s%% as %i basis points', (raw, bp) => {
    expect(valueOf(parseRateBp(raw))).toBe(bp);
  });

  test('refuses negative, over-precise, out-of-range and non-numeric rates', () => {
    expect(refusalOf(parseRateBp('-1'))).toBe('bad_rate: A rate cannot be negative.');
    expect(refusalOf(parseRateBp('4.355'))).toBe(
      'bad_rate: A rate has at most two decimals of a percent, but this one has 3.',
    );
    expect(refusalOf(parseRateBp('435'))).toContain('above 100%');
    expect(refusalOf(parseRateBp('1,000'))).toMatch(/^bad_rate/);
    expect(refusalOf(parseRateBp('five'))).toMatch(/^bad_rate/);
  });

  test('gives back any rate in basis points written as percent text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (bp) => {
        expect(valueOf(parseRateBp(yuan(bp, false)))).toBe(bp);
      }),
    );
  });
});

describe('parseCount', () => {
  test.each([
    ['0', 0],
    ['12', 12],
    ['1,234', 1234],
    ['3.0', 3],
    ['007', 7],
  ])('reads %s as %i', (raw, count) => {
    expect(valueOf(parseCount(raw))).toBe(count);
  });

  test('refuses negative, fractional, scientific and malformed counts', () => {
    expect(refusalOf(parseCount('-1'))).toBe('bad_count: A count cannot be negative.');
    expect(refusalOf(parseCount('2.5'))).toBe('bad_count: A count is a whole number, without decimals.');
    expect(refusalOf(parseCount('1e3'))).toMatch(/^bad_count: .*scientific/);
    expect(refusalOf(parseCount('12,34'))).toMatch(/^bad_count/);
    expect(refusalOf(parseCount('9007199254740992'))).toContain('too large');
  });

  test('gives back any safe whole number', () => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (count) => {
        expect(valueOf(parseCount(String(count)))).toBe(count);
      }),
    );
  });
});
