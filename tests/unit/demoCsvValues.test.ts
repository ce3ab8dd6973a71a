// The demo export's value text: amounts and rates exact to the fen and basis point, RFC 4180 quoting,
// and the line count a record adds.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  csvRecord,
  hundredthsText,
  percentText,
  recordLines,
  yuanText,
} from '../../electron/services/demo/csvValues.js';
import { parseCsv, yuanToFen } from '../helpers/csvText.js';

describe('amount and rate text', () => {
  test('integer fen become yuan with two decimals', () => {
    expect(yuanText(1_234_567)).toBe('12345.67');
    expect(yuanText(0)).toBe('0.00');
    expect(yuanText(5)).toBe('0.05');
    expect(yuanText(30)).toBe('0.30');
    expect(yuanText(100)).toBe('1.00');
    expect(yuanText(-29)).toBe('-0.29');
    expect(yuanText(-123_456)).toBe('-1234.56');
    expect(percentText(435)).toBe('4.35');
    expect(percentText(390)).toBe('3.90');
  });

  test('every safe integer reads back to itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), fc.maxSafeInteger()), (fen) => {
        expect(yuanToFen(hundredthsText(fen))).toBe(fen);
      }),
      { numRuns: 2000 },
    );
  });

  test('a value that is not a whole number of fen is refused rather than rounded', () => {
    expect(() => yuanText(12.5)).toThrow(RangeError);
    expect(() => yuanText(2 ** 53)).toThrow(RangeError);
  });
});

describe('CSV records', () => {
  test('fields with a comma, a quote or a line break are quoted, quotes doubled; others are not', () => {
    expect(csvRecord(['a', 'b,c', 'say "hi"', 'two\nlines', ''])).toBe('a,"b,c","say ""hi""","two\nlines",\r\n');
    expect(csvRecord(['城关镇东城社区12号', '1.00'])).toBe('城关镇东城社区12号,1.00\r\n');
  });

  test('a record spans one line plus the line feeds inside its fields', () => {
    expect(recordLines(['a', 'b'])).toBe(1);
    expect(recordLines(['a\nb', 'c\r\nd\ne'])).toBe(4);
  });

  test('any fields survive a round trip through the test reader', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '城', ',', '"', '\n', '\r\n', ' ', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const text = rows.map((row) => csvRecord(row)).join('');
        const parsed = parseCsv(text);
        expect(parsed.map((r) => r.fields)).toEqual(rows);
        let line = 1;
        for (const [i, row] of rows.entries()) {
          expect(parsed[i]?.line).toBe(line);
          line += recordLines(row);
        }
      }),
    );
  });
});
