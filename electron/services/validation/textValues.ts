// Parsers for text, ids, yes/no flags and values from a fixed list (docs/FORMATS.md "Value types").
// Pure TypeScript with no Node or database imports: the renderer validates manual edits with it too.
import { accept, excelScientificMessage, isExcelScientific, reject, requiredValue } from './parsed.js';
import type { Parsed } from './parsed.js';

/** Trimmed text of at most `maxLength` characters (code points, as SQLite's length() counts them). */
export function parseText(raw: string, maxLength: number): Parsed<string> {
  const text = raw.trim();
  if (text === '') return requiredValue;
  // UTF-16 length ≥ code points, so a short string needs no counting.
  if (text.length <= maxLength) return accept(text);
  const characters = Array.from(text).length;
  if (characters <= maxLength) return accept(text);
  return reject('too_long', `This text has ${characters} characters but at most ${maxLength} fit; shorten it.`);
}

const idPattern = /^[A-Za-z0-9_-]+$/;

/** A core-banking id: letters, digits, "-" and "_", kept exactly (leading zeros stay). */
export function parseId(raw: string): Parsed<string> {
  const text = raw.trim();
  if (text === '') return requiredValue;
  if (idPattern.test(text)) return accept(text);
  if (isExcelScientific(text)) return reject('excel_scientific', excelScientificMessage);
  const bad = [...text].find((char) => !idPattern.test(char)) ?? '';
  const shown = /\s/.test(bad) ? 'a space' : `"${bad}"`;
  return reject('bad_id', `An id may hold only letters, digits, "-" and "_", but this one has ${shown}.`);
}

const flagSpellings: ReadonlyMap<string, 0 | 1> = new Map([
  ['1', 1],
  ['0', 0],
  ['y', 1],
  ['n', 0],
  ['yes', 1],
  ['no', 0],
  ['true', 1],
  ['false', 0],
  ['是', 1],
  ['否', 0],
]);

/** A yes/no value as 1 or 0: 1/0, Y/N, yes/no, true/false, 是/否, in any case. */
export function parseFlag(raw: string): Parsed<0 | 1> {
  const text = raw.trim();
  if (text === '') return requiredValue;
  const flag = flagSpellings.get(text) ?? flagSpellings.get(text.toLowerCase());
  if (flag !== undefined) return accept(flag);
  return reject('bad_flag', 'Use 1 or 0 (also Y/N, yes/no, true/false, 是/否) for a yes/no value.');
}

/**
 * One of `allowed`, matched without regard to case and returned as spelled in `allowed`; `aliases`
 * maps other spellings (男 → M, 城镇 → urban), also without regard to case.
 */
export function parseEnum<T extends string>(
  raw: string,
  allowed: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
): Parsed<T> {
  const text = raw.trim();
  if (text === '') return requiredValue;
  // Exact spellings are the common case and need no lower-casing.
  for (const value of allowed) if (value === text) return accept(value);
  const lower = text.toLowerCase();
  for (const value of allowed) if (value.toLowerCase() === lower) return accept(value);
  for (const [alias, value] of Object.entries(aliases)) if (alias.toLowerCase() === lower) return accept(value);
  const listed = [...allowed, ...Object.keys(aliases)].join(', ');
  return reject('bad_enum', `Use one of: ${listed}.`);
}
