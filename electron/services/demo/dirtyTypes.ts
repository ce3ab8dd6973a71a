// What a planted row of a --dirty export is: where it goes, how it is built, and what the importer
// must do with it (reject it for a reason code, or accept it although it looks odd).
import type { CsvFileName } from './csvColumns.js';
import type { GeneratedCustomer } from './generate.js';

/** The reason codes of docs/FORMATS.md, "Rejections". */
export const rejectionCodes = [
  'required',
  'too_long',
  'bad_id',
  'excel_scientific',
  'bad_date',
  'date_range',
  'bad_month',
  'bad_amount',
  'bad_rate',
  'bad_count',
  'bad_flag',
  'bad_enum',
  'bad_resident_id',
  'bad_mobile',
  'unknown_reference',
  'duplicate_key',
  'wrong_columns',
] as const;

export type RejectionCode = (typeof rejectionCodes)[number];

export interface DirtyContext {
  /** The clean customer whose rows were written just before this one (null in the branch-level files). */
  customer: GeneratedCustomer | null;
  /** The last accepted row written to a file so far, for duplicates of it. */
  lastRow(file: CsvFileName): readonly string[];
  /** The day the data describes, ISO. */
  asOf: string;
  /** The first month of the activity window, `YYYY-MM`. */
  firstMonth: string;
}

export interface PlantedRow {
  file: CsvFileName;
  /** How far through the file the row goes, 0–1; unset rows are spread evenly over their file. */
  at?: number;
  build(ctx: DirtyContext): string[];
  /** The column the importer must name and the code it must give, or null for a row it must accept. */
  reject: { column: string; code: RejectionCode } | null;
  note: string;
}

/** Which months a yyyy-mm is away from another: shiftMonth('2026-01', -2) is '2025-11'. */
export function shiftMonth(month: string, by: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}
