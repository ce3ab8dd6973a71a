// Value parsers for the core-banking formats (docs/FORMATS.md "Value types"), one per type, each
// returning a value or a reason code with a sentence. Pure TypeScript with no Node or database
// imports, so the renderer can validate manual edits with the same rules as the import.
export { isEmpty, rejectCodes } from './parsed.js';
export type { Parsed, RejectCode } from './parsed.js';
export { parseEnum, parseFlag, parseId, parseText } from './textValues.js';
export { parseDate, parseMonth } from './calendarValues.js';
export type { DateRange } from './calendarValues.js';
export { parseAmountFen, parseCount, parseRateBp } from './numericValues.js';
export type { AmountRules } from './numericValues.js';
export { parseResidentId } from './residentIdValue.js';
export { parseMobile } from './mobileValue.js';
