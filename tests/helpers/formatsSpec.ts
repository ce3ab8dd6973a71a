// docs/FORMATS.md read as data: each file's columns with type, whether required and allowed values,
// and a checker of single values by those types — the format-level rejection codes only. Ranges,
// references and duplicates need the whole import and are checked by the tests that need them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ColumnSpec {
  name: string;
  type: string;
  required: boolean;
  /** For enums, the backticked values of the rule. */
  values: string[];
}

const formatsFile = fileURLToPath(new URL('../../docs/FORMATS.md', import.meta.url));

/** File name → its columns in documented order. */
export function readFormats(): Map<string, ColumnSpec[]> {
  const files = new Map<string, ColumnSpec[]>();
  let current: ColumnSpec[] | null = null;
  for (const line of readFileSync(formatsFile, 'utf8').split('\n')) {
    const heading = /^## (\S+\.csv)\b/.exec(line);
    if (heading) {
      current = [];
      files.set(heading[1] as string, current);
      continue;
    }
    if (line.startsWith('## ')) current = null;
    if (!current || !line.startsWith('| ')) continue;
    const cells = line.split('|').map((cell) => cell.trim());
    const [, name = '', type = '', required = '', rule = ''] = cells;
    if (name === 'column' || name.startsWith('---')) continue;
    current.push({
      name,
      type: type.replaceAll('`', ''),
      required: required === 'yes',
      values: [...rule.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string),
    });
  }
  return files;
}

function realDate(y: string, m: string, d: string): boolean {
  const iso = `${y}-${m}-${d}`;
  const ms = Date.parse(iso);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === iso;
}

export function parseDate(value: string): string | null {
  const match = /^(\d{4})[-/]?(\d{2})[-/]?(\d{2})$/.exec(value);
  if (!match || !/^\d{4}(-\d{2}-|\/\d{2}\/|\d{2})\d{2}$/.test(value)) return null;
  const [, y = '', m = '', d = ''] = match;
  return realDate(y, m, d) ? `${y}-${m}-${d}` : null;
}

export function parseMonth(value: string): string | null {
  const match = /^(\d{4})(?:-|\/)?(\d{2})$/.exec(value);
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? `${match[1]}-${match[2]}` : null;
}

const residentWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function residentIdProblem(value: string): boolean {
  const id = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return true;
  if (!realDate(id.slice(6, 10), id.slice(10, 12), id.slice(12, 14))) return true;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (residentWeights[i] ?? 0);
  return '10X98765432'[sum % 11] !== id[17];
}

const flags = new Set(['1', '0', 'y', 'n', 'yes', 'no', 'true', 'false', '是', '否']);

/** The format-level rejection code for one value of a column, or null if the value is acceptable. */
export function formatProblem(column: ColumnSpec, raw: string): string | null {
  const value = column.type === 'id' ? raw : raw.trim();
  if (value === '') return column.required ? 'required' : null;
  const textLength = /^text\((\d+)\)$/.exec(column.type);
  if (textLength) return [...value].length > Number(textLength[1]) ? 'too_long' : null;
  switch (column.type) {
    case 'id':
      if (/^\d(\.\d+)?E\+?\d+$/i.test(value)) return 'excel_scientific';
      return /^[A-Za-z0-9_-]+$/.test(value) ? null : 'bad_id';
    case 'date':
      return parseDate(value) ? null : 'bad_date';
    case 'month':
      return parseMonth(value) ? null : 'bad_month';
    case 'amount':
      return /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(value) ? null : 'bad_amount';
    case 'rate':
      return /^\d+(\.\d{1,2})?\s*%?$/.test(value) ? null : 'bad_rate';
    case 'count':
      return /^\d+$/.test(value) ? null : 'bad_count';
    case 'flag':
      return flags.has(value.toLowerCase()) ? null : 'bad_flag';
    case 'enum':
      return column.values.includes(value) ? null : 'bad_enum';
    case 'resident_id':
      return residentIdProblem(value) ? 'bad_resident_id' : null;
    case 'mobile':
      return /^1[3-9]\d{9}$/.test(value.replace(/^\+?86/, '').replace(/[\s-]/g, '')) ? null : 'bad_mobile';
    default:
      throw new Error(`docs/FORMATS.md names a type the test does not know: ${column.type}`);
  }
}

export interface Problem {
  column: string;
  code: string;
}

/** Columns whose amounts docs/FORMATS.md bounds below by zero ("≥ 0" or "> 0"). */
const nonNegative: Record<string, readonly string[]> = {
  'activity.csv': ['amount', 'fee_income'],
  'loans.csv': ['principal', 'balance'],
  'repayments.csv': ['due_amount', 'paid_amount'],
};

function fenOf(value: string): bigint {
  const [whole = '0', cents = ''] = value.replaceAll(',', '').split('.');
  const fen = BigInt(whole.replace('-', '')) * 100n + BigInt(cents.padEnd(2, '0'));
  return whole.startsWith('-') ? -fen : fen;
}

/**
 * Every problem docs/FORMATS.md names for one record on its own: field count, each value's type, and
 * the range rules within the row. `today` stands in for the import date in "not in the future".
 */
export function rowProblems(file: string, fields: readonly string[], today: string): Problem[] {
  const columns = readFormatsCached().get(file);
  if (!columns) throw new Error(`docs/FORMATS.md has no ${file}`);
  if (fields.length !== columns.length) return [{ column: '', code: 'wrong_columns' }];
  const problems: Problem[] = [];
  const value = (name: string) => fields[columns.findIndex((c) => c.name === name)]?.trim() ?? '';
  columns.forEach((column, i) => {
    const code = formatProblem(column, fields[i] ?? '');
    if (code) problems.push({ column: column.name, code });
  });
  if (problems.length > 0) return problems;
  const date = (name: string) => parseDate(value(name)) ?? '';
  const range = (column: string, bad: boolean, code = 'date_range') => {
    if (bad) problems.push({ column, code });
  };
  for (const column of nonNegative[file] ?? [])
    range(column, value(column) !== '' && fenOf(value(column)) < 0n, 'bad_amount');
  switch (file) {
    case 'customers.csv':
      range(
        'birth_date',
        date('birth_date') !== '' && (date('birth_date') > today || date('birth_date') < '1900-01-01'),
      );
      range('customer_since', date('customer_since') > today);
      break;
    case 'blacklist.csv':
      range('listed_on', date('listed_on') > today);
      range(
        'lifted_on',
        date('lifted_on') !== '' && (date('lifted_on') < date('listed_on') || date('lifted_on') > today),
      );
      break;
    case 'complaints.csv':
      range('received_on', date('received_on') > today);
      range(
        'resolved_on',
        date('resolved_on') !== '' && (date('resolved_on') < date('received_on') || date('resolved_on') > today),
      );
      break;
    case 'holdings.csv':
      range('closed_on', date('closed_on') !== '' && date('closed_on') < date('opened_on'));
      break;
    case 'loans.csv':
      range('principal', fenOf(value('principal')) <= 0n, 'bad_amount');
      range('balance', fenOf(value('balance')) > fenOf(value('principal')), 'bad_amount');
      range('maturity_date', date('maturity_date') <= date('start_date'));
      break;
  }
  return problems;
}

let cached: Map<string, ColumnSpec[]> | null = null;

function readFormatsCached(): Map<string, ColumnSpec[]> {
  cached ??= readFormats();
  return cached;
}

/** Which file and column each reference column points at. */
export const references: Record<string, Record<string, [string, string]>> = {
  'staff.csv': { branch_id: ['branches.csv', 'branch_id'] },
  'customers.csv': { branch_id: ['branches.csv', 'branch_id'], manager_id: ['staff.csv', 'staff_id'] },
  'blacklist.csv': { customer_id: ['customers.csv', 'customer_id'] },
  'complaints.csv': { customer_id: ['customers.csv', 'customer_id'] },
  'holdings.csv': { customer_id: ['customers.csv', 'customer_id'], product_id: ['products.csv', 'product_id'] },
  'activity.csv': { customer_id: ['customers.csv', 'customer_id'] },
  'loans.csv': { customer_id: ['customers.csv', 'customer_id'], product_id: ['products.csv', 'product_id'] },
  'repayments.csv': { loan_id: ['loans.csv', 'loan_id'] },
};
