// Parsers for amounts (yuan → integer fen), rates (percent → basis points) and counts, exact to the
// digit (docs/FORMATS.md "Value types").
// Pure TypeScript with no Node or database imports: the renderer validates manual edits with it too.
import { assertNever } from '../../api/errors.js';
import { readDecimal } from './decimalText.js';
import type { DecimalReading } from './decimalText.js';
import { accept, reject, requiredValue } from './parsed.js';
import type { Parsed } from './parsed.js';

export interface AmountRules {
  allowNegative?: boolean;
  /** Smallest allowed amount in fen, inclusive. */
  min?: number;
  /** Largest allowed amount in fen, inclusive. */
  max?: number;
}

/** Yuan with at most two decimals and optional thousands separators ("12,345.67"), as integer fen. */
export function parseAmountFen(raw: string, rules: AmountRules = {}): Parsed<number> {
  const text = raw.trim();
  if (text === '') return requiredValue;
  const reading = readDecimal(text, 2, true);
  if (!reading.ok) return reject('bad_amount', amountProblem(text, reading));
  if (reading.negative && !rules.allowNegative) return reject('bad_amount', 'This amount cannot be negative here.');
  const fen = reading.negative ? -reading.units : reading.units;
  if (rules.min !== undefined && fen < rules.min) {
    return reject('bad_amount', `This amount must be at least ${yuanText(rules.min)} yuan.`);
  }
  if (rules.max !== undefined && fen > rules.max) {
    return reject('bad_amount', `This amount must be at most ${yuanText(rules.max)} yuan.`);
  }
  return accept(fen);
}

function amountProblem(text: string, reading: Extract<DecimalReading, { ok: false }>): string {
  switch (reading.problem) {
    case 'scientific':
      return 'Write the amount as plain digits such as 100000.00, not in scientific notation; in Excel, format the column as a number with two decimals.';
    case 'too_many_decimals':
      return `An amount has at most two decimals (fen), but this one has ${reading.decimals}.`;
    case 'too_large':
      return 'This amount is too large to be real; check it.';
    case 'bad_grouping':
      if (decimalComma.test(text)) return 'Use a point, not a comma, before the decimals: 1234.56.';
      return 'Thousands separators go between groups of three digits, as in 12,345.67.';
    case 'not_a_number':
      if (currencySign.test(text)) return 'Remove the currency sign and write the amount as digits, such as 12345.67.';
      return 'Write the amount in yuan as digits, such as 12345.67 or 12,345.67.';
    default:
      return assertNever(reading.problem);
  }
}

const decimalComma = /^-?\d+,\d{1,2}$/;
const currencySign = /^-?[¥￥$]|元$|(?:CNY|RMB)/i;

/** Fen as yuan text with thousands separators, for messages: 123456 → "1,234.56". */
function yuanText(fen: number): string {
  const digits = String(Math.abs(fen)).padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${fen < 0 ? '-' : ''}${whole}.${digits.slice(-2)}`;
}

/** Largest yearly rate accepted: above 100 % the column is surely not in percent. */
const maxRateBp = 10_000;

/** A yearly rate in percent with at most two decimals ("5.20", also "5.20%"), as basis points. */
export function parseRateBp(raw: string): Parsed<number> {
  let text = raw.trim();
  if (text === '') return requiredValue;
  if (text.endsWith('%')) text = text.slice(0, -1).trimEnd();
  const reading = readDecimal(text, 2, false);
  if (!reading.ok) {
    if (reading.problem === 'too_many_decimals') {
      return reject('bad_rate', `A rate has at most two decimals of a percent, but this one has ${reading.decimals}.`);
    }
    return reject('bad_rate', 'Write the yearly rate in percent as digits, such as 4.35.');
  }
  if (reading.negative) return reject('bad_rate', 'A rate cannot be negative.');
  if (reading.units > maxRateBp) {
    return reject('bad_rate', 'A yearly rate above 100% cannot be right; write the rate in percent, such as 4.35.');
  }
  return accept(reading.units);
}

/** A whole number ≥ 0, thousands separators allowed ("1,234"); "3.0" is 3. */
export function parseCount(raw: string): Parsed<number> {
  const text = raw.trim();
  if (text === '') return requiredValue;
  const reading = readDecimal(text, 0, true);
  const code = 'bad_count';
  if (!reading.ok) {
    if (reading.problem === 'too_many_decimals') return reject(code, 'A count is a whole number, without decimals.');
    if (reading.problem === 'too_large') return reject(code, 'This count is too large to be real; check it.');
    if (reading.problem === 'scientific') {
      return reject(code, 'Write the count as plain digits, not in scientific notation.');
    }
    return reject(code, 'Write the count as a whole number such as 12.');
  }
  if (reading.negative) return reject(code, 'A count cannot be negative.');
  return accept(reading.units);
}
