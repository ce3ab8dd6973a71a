// Splits decoded text into RFC 4180 records, keeping an unfinished record for the next piece of text.
import { AppError } from '../../../api/errors.js';
import { sniffDelimiter } from './delimiter.js';
import type { CsvDelimiter, CsvRecord } from './types.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Longest record accepted; a longer one almost always means a quote that is never closed. */
export const maxRecordChars = 1 << 20;

/** The record is cut off by the end of the text so far; more text is needed. */
const incomplete = -1;

export class RecordParser {
  private delimiter: CsvDelimiter | null;
  private delimiterCode = 0;
  /** Text of a record that the previous piece ended in the middle of. */
  private carry = '';
  /** Physical line on which `carry` (or the next piece, when there is none) starts. */
  private line = 1;
  /** Set by `parseQuotedRecord`: the lines its record spans. */
  private spannedLines = 0;
  /** Set when the text ends inside a quoted field: the line the field starts on (0 otherwise). */
  private openQuoteLine = 0;
  /** Fields in the last record. */
  private width = 1;

  /** With no delimiter, it is sniffed from the first non-blank line. */
  constructor(
    private readonly fileLabel: string,
    delimiter: CsvDelimiter | null = null,
  ) {
    this.delimiter = delimiter;
    if (delimiter !== null) this.delimiterCode = delimiter.charCodeAt(0);
  }

  get sniffedDelimiter(): CsvDelimiter | null {
    return this.delimiter;
  }

  /** The physical line the unparsed text starts on, for errors found below the parser (bad bytes). */
  get nextLine(): number {
    return this.line + countLineFeeds(this.carry, 0, this.carry.length);
  }

  /**
   * Appends the complete records of `piece` (preceded by any carried partial record) to `out`. With
   * `final`, the piece ends the file: a last line without a line break is a record, and a quote still
   * open is an error.
   */
  push(piece: string, final: boolean, out: CsvRecord[]): void {
    const text = this.carry === '' ? piece : this.carry + piece;
    const length = text.length;
    let pos = 0;
    let line = this.line;
    this.openQuoteLine = 0;
    if (this.delimiter === null) {
      while (pos < length && (text.charCodeAt(pos) === LF || text.charCodeAt(pos) === CR)) pos++;
      if (pos < length) this.setDelimiter(sniffDelimiter(text, pos));
      pos = 0;
    }
    const delimiter = this.delimiter ?? ',';
    // Most records hold no quote: those are one line each, cut at the delimiters found by indexOf.
    // The next quote's and delimiter's positions are looked up once and reused until the scan passes
    // them, so a line without either costs no search through the rest of the text.
    let nextQuote = indexOrEnd(text, '"', 0);
    let nextDelimiter = indexOrEnd(text, delimiter, 0);
    while (pos < length) {
      let lineEnd = text.indexOf('\n', pos);
      if (lineEnd === -1) {
        if (!final) break;
        lineEnd = length;
      }
      if (nextQuote < pos) nextQuote = indexOrEnd(text, '"', pos);
      if (nextQuote >= lineEnd) {
        const end = lineEnd > pos && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
        if (end > pos) {
          // Sized like the last record (whose width the header sets), which spares growing the array.
          const fields = new Array<string>(this.width);
          let count = 0;
          let fieldStart = pos;
          if (nextDelimiter < pos) nextDelimiter = indexOrEnd(text, delimiter, pos);
          while (nextDelimiter < end) {
            fields[count++] = text.slice(fieldStart, nextDelimiter);
            fieldStart = nextDelimiter + 1;
            nextDelimiter = indexOrEnd(text, delimiter, fieldStart);
          }
          fields[count++] = text.slice(fieldStart, end);
          if (count !== this.width) {
            fields.length = count;
            this.width = count;
          }
          out.push({ line, fields });
        }
        line++;
        pos = lineEnd + 1;
      } else {
        const next = this.parseQuotedRecord(text, pos, line, final, out);
        if (next === incomplete) break;
        line += this.spannedLines;
        pos = next;
      }
    }
    this.line = line;
    this.carry = pos >= length ? '' : text.slice(pos);
    if (this.carry.length > maxRecordChars) throw this.tooLong();
  }

  private setDelimiter(delimiter: CsvDelimiter): void {
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /**
   * Parses the record at `start`, which holds a quote, character by character. Returns the position
   * after its line break (setting `spannedLines`), or `incomplete` when the text ends inside it.
   */
  private parseQuotedRecord(text: string, start: number, line: number, final: boolean, out: CsvRecord[]): number {
    const length = text.length;
    const delimiter = this.delimiterCode;
    const fields = new Array<string>(this.width);
    let count = 0;
    let i = start;
    for (;;) {
      let value: string;
      if (i < length && text.charCodeAt(i) === QUOTE) {
        const fieldStart = i;
        value = '';
        let segment = i + 1;
        for (;;) {
          const quote = text.indexOf('"', segment);
          // At the very end of the text a quote may be the first of a doubled pair: wait for more.
          if (quote === -1 || (quote + 1 === length && !final)) {
            this.openQuoteLine = line + countLineFeeds(text, start, fieldStart);
            if (final) throw this.unterminatedQuote();
            return incomplete;
          }
          if (text.charCodeAt(quote + 1) === QUOTE) {
            value += text.slice(segment, quote + 1);
            segment = quote + 2;
            continue;
          }
          value += text.slice(segment, quote);
          i = quote + 1;
          break;
        }
        // Text between the closing quote and the delimiter is kept as written, as spreadsheets do.
        const rest = scanUnquoted(text, i, delimiter);
        if (rest > i) value += text.slice(i, endBeforeCr(text, i, rest));
        i = rest;
      } else {
        const end = scanUnquoted(text, i, delimiter);
        value = text.slice(i, endBeforeCr(text, i, end));
        i = end;
      }
      fields[count++] = value;
      if (i < length && text.charCodeAt(i) === delimiter) {
        i++;
        continue;
      }
      // The text ends before the record's line break: more may follow (at the end of the file, none).
      if (i === length && !final) return incomplete;
      break;
    }
    if (count !== this.width) {
      fields.length = count;
      this.width = count;
    }
    out.push({ line, fields });
    this.spannedLines = 1 + countLineFeeds(text, start, i);
    return i + 1;
  }

  private unterminatedQuote(): AppError {
    return new AppError(
      'invalid_input',
      `${this.fileLabel}, line ${this.openQuoteLine}: a quoted field starts here but its closing quote is missing`,
      { line: this.openQuoteLine },
    );
  }

  private tooLong(): AppError {
    const line = this.openQuoteLine || this.line;
    const reason = this.openQuoteLine ? ': a quote opened here is most likely never closed' : '';
    return new AppError(
      'invalid_input',
      `${this.fileLabel}, line ${line}: the record starting here runs past ${maxRecordChars} characters${reason}`,
      { line },
    );
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at === -1 ? text.length : at;
}

/** Position of the delimiter or line feed that ends an unquoted stretch starting at `from`. */
function scanUnquoted(text: string, from: number, delimiter: number): number {
  const length = text.length;
  let i = from;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === delimiter || code === LF) break;
    i++;
  }
  return i;
}

/** `end`, less one when the stretch ends in the CR of a CRLF line break (or of the file's last line). */
function endBeforeCr(text: string, from: number, end: number): number {
  const lineEnds = end === text.length || text.charCodeAt(end) === LF;
  return end > from && lineEnds && text.charCodeAt(end - 1) === CR ? end - 1 : end;
}

export function countLineFeeds(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
