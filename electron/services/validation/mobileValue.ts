// Parser for mainland China mobile numbers: 11 digits starting with 13–19.
// Pure TypeScript with no Node or database imports: the renderer validates manual edits with it too.
import { accept, excelScientificMessage, isExcelScientific, reject, requiredValue } from './parsed.js';
import type { Parsed } from './parsed.js';

const separators = /[\s-]+/g;
const mobile = /^1[3-9]\d{9}$/;

/** A mobile number without spaces, dashes or the +86 / 86 country prefix: "+86 138-1234-5678" → "13812345678". */
export function parseMobile(raw: string): Parsed<string> {
  const text = raw.trim();
  if (text === '') return requiredValue;
  if (isExcelScientific(text)) return reject('excel_scientific', excelScientificMessage);
  let digits = text.replace(separators, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  if (mobile.test(digits)) return accept(digits);
  if (!/^\d+$/.test(digits)) {
    return reject('bad_mobile', 'A mobile number holds only digits (spaces, dashes and a +86 prefix are fine).');
  }
  if (digits.length !== 11) {
    return reject('bad_mobile', `A mainland mobile number has 11 digits, but this one has ${digits.length}.`);
  }
  return reject(
    'bad_mobile',
    'A mainland mobile number starts with 13 to 19; this looks like a landline or foreign number.',
  );
}
