// The result of parsing one value, and the reason codes of docs/FORMATS.md "Rejections".
// Pure TypeScript with no Node or database imports: the renderer validates manual edits with it too.

export const rejectCodes = [
  'required',
  'too_long',
  'bad_id',
  'excel_scientific',
  'bad_date',
  'bad_month',
  'date_range',
  'bad_amount',
  'bad_rate',
  'bad_count',
  'bad_flag',
  'bad_enum',
  'bad_resident_id',
  'bad_mobile',
  'unknown_reference',
  'duplicate_key',
  'wrong_columns',
] as const;

export type RejectCode = (typeof rejectCodes)[number];

/** A parsed value, or why it was refused: a code for reports and a sentence a banker can act on. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: RejectCode; message: string };

export function accept<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function reject(code: RejectCode, message: string): { ok: false; code: RejectCode; message: string } {
  return { ok: false, code, message };
}

export function isEmpty(raw: string | null | undefined): boolean {
  return raw === null || raw === undefined || raw.trim() === '';
}

/** The refusal of an empty value, for parsers handed one despite their contract. */
export const requiredValue = Object.freeze(reject('required', 'A value is required here.'));

/**
 * Excel's scientific notation for a long number ("3.41322E+17", "1.23e+10"): a mantissa with a decimal
 * point, or an explicit "+" exponent. "12E4" alone does not count: it may well be a real code.
 */
const excelScientific = /^[+-]?\d+(?:\.\d+[eE][+-]?|[eE]\+)\d+$/;

export function isExcelScientific(text: string): boolean {
  return excelScientific.test(text);
}

export const excelScientificMessage =
  'Excel turned this number into scientific notation and the original digits are lost; export the column as text.';
