// Parser for resident ID numbers (GB 11643): 17 digits and a check digit, with a real birth date inside.
// Pure TypeScript with no Node or database imports: the renderer validates manual edits with it too.
import { todayIso } from '../dates.js';
import { isRealDate, isoDate } from './calendarValues.js';
import { accept, excelScientificMessage, isExcelScientific, reject, requiredValue } from './parsed.js';
import type { Parsed } from './parsed.js';
import { residentIdCheckDigit } from './residentId.js';

const shape = /^\d{17}[\dX]$/;

/**
 * An 18-character resident ID number, returned with an upper-case X. The birth date in positions
 * 7–14 must be a real date no later than `today` (ISO; defaults to the current date).
 */
export function parseResidentId(raw: string, today: string = todayIso()): Parsed<string> {
  const text = raw.trim();
  if (text === '') return requiredValue;
  if (isExcelScientific(text)) return reject('excel_scientific', excelScientificMessage);
  const id = text.endsWith('x') ? `${text.slice(0, -1)}X` : text;
  if (id.length === 15 && /^\d+$/.test(id)) {
    return reject('bad_resident_id', 'This is an old 15-digit ID number; ask the customer for the 18-digit one.');
  }
  if (id.length !== 18) {
    return reject('bad_resident_id', `An ID number has 18 characters, but this one has ${Array.from(id).length}.`);
  }
  if (!shape.test(id)) {
    return reject('bad_resident_id', 'An ID number is 17 digits followed by a digit or X; check for other characters.');
  }
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (!isRealDate(year, month, day)) {
    return reject('bad_resident_id', `The birth date inside this number (${id.slice(6, 14)}) is not a real date.`);
  }
  if (isoDate(year, month, day) > today) {
    return reject('bad_resident_id', 'The birth date inside this number lies in the future.');
  }
  const expected = residentIdCheckDigit(id.slice(0, 17));
  if (id[17] !== expected) {
    return reject(
      'bad_resident_id',
      `The check digit should be ${expected}, not ${id[17]}; look for a mistyped digit.`,
    );
  }
  return accept(id);
}
