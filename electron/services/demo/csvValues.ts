// Core-banking CSV text for the demo export: amounts and rates as exact decimal text, flags as 1/0,
// and RFC 4180 records.

/**
 * Hundredths as decimal text with two places: 1234567 → "12345.67". Built from the digits, because
 * dividing by 100 in floating point cannot represent most cent values exactly.
 */
export function hundredthsText(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number of hundredths: ${value}`);
  const sign = value < 0 ? '-' : '';
  const digits = String(value < 0 ? -value : value);
  if (digits.length >= 3) return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
  return `${sign}${digits.length === 2 ? '0.' : '0.0'}${digits}`;
}

/** An amount in integer fen as yuan text. */
export function yuanText(fen: number): string {
  return hundredthsText(fen);
}

/** A rate in basis points as yearly percent text: 435 → "4.35". */
export function percentText(basisPoints: number): string {
  return hundredthsText(basisPoints);
}

export function flagText(flag: number | boolean): string {
  return flag ? '1' : '0';
}

const needsQuotes = /[",\r\n]/;

export const recordEnd = '\r\n';

/**
 * One record with its CRLF terminator, as RFC 4180 and the Windows-made core-banking exports end lines.
 * A field is quoted when it holds the delimiter, a quote or a line break.
 */
export function csvRecord(fields: readonly string[]): string {
  let text = '';
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as string;
    if (i > 0) text += ',';
    text += needsQuotes.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
  }
  return text + recordEnd;
}

/** The physical lines a record spans: one, plus each line feed inside its (necessarily quoted) fields. */
export function recordLines(fields: readonly string[]): number {
  let lines = 1;
  for (const field of fields) {
    for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) lines++;
  }
  return lines;
}
