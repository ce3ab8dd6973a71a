// A small RFC 4180 reader for tests: records with the physical line each starts on, so that the demo
// export's line numbers can be checked independently of the importer's own reader.

export interface CsvTestRecord {
  /** 1-based physical line of the record's first character; the header is line 1. */
  line: number;
  fields: string[];
}

/** Parses CSV text (CRLF or LF, "" inside quotes, line breaks inside quoted fields); drops a UTF-8 BOM. */
export function parseCsv(text: string): CsvTestRecord[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvTestRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let atFieldStart = true;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\r' && source[i + 1] === '\n') {
      continue;
    } else if (ch === '\n') {
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      atFieldStart = true;
      line++;
      recordLine = line;
    } else {
      field += ch;
      atFieldStart = false;
    }
  }
  if (quoted) throw new Error(`unterminated quoted field from line ${recordLine}`);
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records;
}

/** Yuan text to integer fen by its digits ("12,345.67" → 1234567), never through floating point. */
export function yuanToFen(text: string): number {
  const match = /^(-?)(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new Error(`not an amount: "${text}"`);
  const [, sign, whole = '', cents = ''] = match;
  const fen = BigInt(whole.replaceAll(',', '')) * 100n + BigInt(cents.padEnd(2, '0'));
  return Number(sign === '-' ? -fen : fen);
}

export interface CsvWriteOptions {
  delimiter?: ',' | ';' | '\t';
  /** Line end between records (default CRLF, as core banking writes). */
  lineEnd?: '\r\n' | '\n';
}

/** RFC 4180 text of `records`: a field is quoted when it holds the delimiter, a quote or a line break. */
export function toCsv(records: readonly (readonly string[])[], options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const lineEnd = options.lineEnd ?? '\r\n';
  const quote = (field: string) =>
    field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
  return records.map((fields) => fields.map(quote).join(delimiter) + lineEnd).join('');
}
