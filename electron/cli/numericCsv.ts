// Reads a CSV file of numbers with a header row into one row-major Float64Array in shared memory (the
// k-means threads read it in place). Comma-separated, UTF-8, values optionally in double quotes.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../api/errors.js';

export interface NumericTable {
  columns: string[];
  rows: number;
  /** Row-major rows × columns. */
  values: Float64Array;
}

const LF = 0x0a;
const CR = 0x0d;

function unquote(cell: string): string {
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).trim()
    : trimmed;
}

export function readNumericCsv(path: string): NumericTable {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new AppError(
      'invalid_input',
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  const file = basename(path);
  let position = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let lineCount = 0;
  for (let i = position; i < bytes.length; i++) if (bytes[i] === LF) lineCount++;
  let line = 0;
  const nextLine = (): string | null => {
    if (position >= bytes.length) return null;
    let end = bytes.indexOf(LF, position);
    if (end < 0) end = bytes.length;
    const stop = end > position && bytes[end - 1] === CR ? end - 1 : end;
    const text = bytes.toString('utf8', position, stop);
    position = end + 1;
    line++;
    return text;
  };
  const header = nextLine();
  if (header === null || header.trim() === '')
    throw new AppError('invalid_input', `${file} is empty: a header row is expected.`);
  const columns = header.split(',').map(unquote);
  const d = columns.length;
  const values = new Float64Array(new SharedArrayBuffer(Math.max(1, lineCount) * d * 8));
  let rows = 0;
  for (let text = nextLine(); text !== null; text = nextLine()) {
    if (text.trim() === '') continue;
    const cells = text.split(',');
    if (cells.length !== d) {
      throw new AppError(
        'invalid_input',
        `${file} line ${line}: ${cells.length} values where the header names ${d} columns.`,
        {
          line,
        },
      );
    }
    for (let c = 0; c < d; c++) {
      const cell = unquote(cells[c]!);
      const value = Number(cell);
      if (cell === '' || !Number.isFinite(value)) {
        throw new AppError(
          'invalid_input',
          `${file} line ${line}, column ${c + 1} (${columns[c]}): "${cell}" is not a number.`,
          { line, column: columns[c] },
        );
      }
      values[rows * d + c] = value;
    }
    rows++;
  }
  if (rows === 0) throw new AppError('invalid_input', `${file} has a header but no rows of numbers.`);
  return { columns, rows, values: values.subarray(0, rows * d) };
}
