// Parsers for dates and months (docs/FORMATS.md "Value types"): real calendar dates only, as ISO text.
// Pure TypeScript with no Node or database imports: the renderer validates manual edits with it too.
import { todayIso } from '../dates.js';
import { accept, reject, requiredValue } from './parsed.js';
import type { Parsed } from './parsed.js';

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether year, month and day name a day of the Gregorian calendar (years 1–9999). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// With a separator, month and day may drop their leading zero: Excel writes 2024/1/5 in Chinese locales.
const separatedDate = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;
const compactDate = /^(\d{4})(\d{2})(\d{2})$/;
/** Database exports often add the time of day to a date column; midnight adds nothing. */
const midnight = /[ T]0?0:00(?::00(?:\.0+)?)?$/;
const excelSerial = /^\d{5}$/;

export interface DateRange {
  /** Earliest allowed date, ISO `YYYY-MM-DD`, inclusive. */
  min?: string;
  /** Latest allowed date, ISO `YYYY-MM-DD`, inclusive. */
  max?: string;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `NNNN-NN-NN`. */
function isIsoShaped(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  for (let i = 0; i < 10; i++) if (i !== 4 && i !== 7 && !isDigit(text.charCodeAt(i))) return false;
  return true;
}

function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/** A date written YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD, as ISO text; `range` bounds it. */
export function parseDate(raw: string, range: DateRange = {}): Parsed<string> {
  let text = raw.trim();
  if (text === '') return requiredValue;
  let year: number, month: number, day: number, iso: string;
  if (isIsoShaped(text)) {
    // The documented form, and nearly every value of a large export: no regular expression, no new text.
    year = digits(text, 0, 4);
    month = digits(text, 5, 2);
    day = digits(text, 8, 2);
    iso = text;
  } else {
    if (text.length > 10 && midnight.test(text)) text = text.replace(midnight, '');
    const parts = separatedDate.exec(text) ?? compactDate.exec(text);
    if (!parts) return reject('bad_date', notADate(text));
    year = Number(parts[1]);
    month = Number(parts.length === 5 ? parts[3] : parts[2]);
    day = Number(parts.length === 5 ? parts[4] : parts[3]);
    iso = isoDate(year, month, day);
  }
  if (!isRealDate(year, month, day)) return reject('bad_date', notOnTheCalendar(year, month, day));
  if (range.min !== undefined && iso < range.min) {
    return reject('date_range', `This date is before ${range.min}, the earliest allowed here.`);
  }
  if (range.max !== undefined && iso > range.max) {
    const message =
      range.max === todayIso()
        ? 'This date is in the future.'
        : `This date is after ${range.max}, the latest allowed here.`;
    return reject('date_range', message);
  }
  return accept(iso);
}

function notADate(text: string): string {
  if (excelSerial.test(text)) {
    // Excel counts days from 1899-12-30 (its 1900 leap-year bug shifts earlier serials only).
    const date = new Date(Date.UTC(1899, 11, 30) + Number(text) * 86_400_000).toISOString().slice(0, 10);
    return `Excel turned this date into its serial number (${text} is ${date}); format the column as yyyy-mm-dd before exporting.`;
  }
  if (/\d:\d/.test(text)) return 'Write the date without a time of day, as YYYY-MM-DD.';
  return 'Write the date as YYYY-MM-DD (also YYYY/MM/DD or YYYYMMDD).';
}

function notOnTheCalendar(year: number, month: number, day: number): string {
  if (month < 1 || month > 12) return `There is no month ${month}; write the date as YYYY-MM-DD.`;
  if (year < 1) return 'There is no year 0000; check the year.';
  if (day < 1) return `There is no day ${day}; check the day.`;
  if (month === 2 && day === 29) return `${year} is not a leap year, so February has no 29th.`;
  return `${isoDate(year, month, 1).slice(0, 7)} has only ${daysInMonth(year, month)} days; check the day.`;
}

const separatedMonth = /^(\d{4})[-/](\d{1,2})$/;
const compactMonth = /^(\d{4})(\d{2})$/;

/** A month written YYYY-MM, YYYY/MM or YYYYMM, as `YYYY-MM`. */
export function parseMonth(raw: string): Parsed<string> {
  const text = raw.trim();
  if (text === '') return requiredValue;
  const parts = separatedMonth.exec(text) ?? compactMonth.exec(text);
  if (!parts) return reject('bad_month', 'Write the month as YYYY-MM (also YYYY/MM or YYYYMM), without a day.');
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  if (year < 1) return reject('bad_month', 'There is no year 0000; check the year.');
  if (month < 1 || month > 12) return reject('bad_month', `There is no month ${month}; use 01 to 12.`);
  return accept(isoDate(year, month, 1).slice(0, 7));
}
