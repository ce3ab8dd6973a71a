// Places the planted rows of a --dirty export among the clean ones and keeps account of them: the
// line each starts on, the rejections the importer must report and the odd rows it must accept.
import { csvHeaders, csvKeys, type CsvFileName } from './csvColumns.js';
import { amountTraps, extraRows } from './dirtyExtras.js';
import { rejectedRows } from './dirtyRejects.js';
import type { PlantedRow, RejectionCode } from './dirtyTypes.js';
import { vetoRows } from './dirtyVetoRows.js';

export interface ExpectedRejection {
  file: CsvFileName;
  /** The physical line the record starts on; the header is line 1. */
  line: number;
  /** The column named; for a duplicate the key's columns joined by "+", for wrong_columns empty. */
  column: string;
  /** The value as written; for a duplicate the key's values joined by "+", for wrong_columns empty. */
  value: string;
  code: RejectionCode;
}

export interface AcceptedRow {
  file: CsvFileName;
  line: number;
  /** The row's natural key, values joined by "+". */
  key: string;
  note: string;
}

export interface PlacedTrap {
  file: CsvFileName;
  line: number;
  column: string;
  value: string;
  fen: number;
}

const branchLevel: ReadonlySet<CsvFileName> = new Set(['branches.csv', 'staff.csv', 'products.csv']);

export class DirtyPlan {
  readonly rejections: ExpectedRejection[] = [];
  readonly accepted: AcceptedRow[] = [];
  readonly traps: PlacedTrap[] = [];
  private readonly placed = new Map<string, PlantedRow[]>();

  /** `sizes` are the clean row counts of the branch-level files and the number of customers. */
  constructor(sizes: { customers: number } & Partial<Record<CsvFileName, number>>) {
    const rows = [...extraRows(), ...rejectedRows(), ...vetoRows()];
    const unplaced = new Map<CsvFileName, number>();
    for (const row of rows) if (row.at === undefined) unplaced.set(row.file, (unplaced.get(row.file) ?? 0) + 1);
    const seen = new Map<CsvFileName, number>();
    for (const row of rows) {
      let at = row.at;
      if (at === undefined) {
        const i = (seen.get(row.file) ?? 0) + 1;
        seen.set(row.file, i);
        at = i / ((unplaced.get(row.file) ?? 0) + 1);
      }
      const size = branchLevel.has(row.file) ? (sizes[row.file] ?? 1) : sizes.customers;
      const after = Math.min(size - 1, Math.floor(at * size));
      const key = this.slot(branchLevel.has(row.file) ? row.file : 'customer', after);
      this.placed.set(key, [...(this.placed.get(key) ?? []), row]);
    }
  }

  /** Rows to write into a branch-level file after its clean row number `index` (0-based). */
  afterTableRow(file: CsvFileName, index: number): PlantedRow[] {
    return this.placed.get(this.slot(file, index)) ?? [];
  }

  /** Rows to write after all the clean rows of customer number `index`, across the files, in order. */
  afterCustomer(index: number): PlantedRow[] {
    return this.placed.get(this.slot('customer', index)) ?? [];
  }

  /** Notes a planted row written at `line`. */
  written(row: PlantedRow, fields: readonly string[], line: number): void {
    const header = csvHeaders[row.file];
    const key = csvKeys[row.file].map((column) => fields[header.indexOf(column)]).join('+');
    if (row.reject === null) {
      this.accepted.push({ file: row.file, line, key, note: row.note });
      for (const { file, column, value, fen } of amountTraps) {
        if (file === row.file && fields[header.indexOf(column)] === value) {
          this.traps.push({ file, line, column, value, fen });
        }
      }
      return;
    }
    const { column, code } = row.reject;
    let value = '';
    if (code === 'duplicate_key') value = key;
    else if (code !== 'wrong_columns') value = fields[header.indexOf(column)] ?? '';
    this.rejections.push({ file: row.file, line, column, value, code });
  }

  private slot(scope: string, index: number): string {
    return `${scope}#${index}`;
  }
}
