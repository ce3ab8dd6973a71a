// The first load of a table (it is empty when the file starts): validated rows go straight into it,
// many per statement, its secondary indexes rebuilt once at the end of the run. There is nothing to
// compare, count or record, and the constraints the table already has find what the stage would:
// a key given twice fails its primary key, a number that refers to nothing fails a foreign key.
// Such a failure undoes only its statement, whose rows are then inserted one by one to find out which.
import type Database from 'better-sqlite3';
import type { KindSpec, Value } from './kinds.js';
import { columnsOf } from './stage.js';
import type { Rejection } from './validateRow.js';

const rowsPerStatement = 250;

/** Columns a table has beyond the file's fields, filled in by the import. */
export function extraColumns(spec: KindSpec): string[] {
  return spec.kind === 'customers' ? ['updated_at'] : spec.kind === 'branches' ? ['created_at'] : [];
}

/** Whether the direct path can find every problem the stage would: each reference has a foreign key. */
export function directLoadPossible(db: Database.Database, spec: KindSpec): boolean {
  if ((db.prepare(`SELECT EXISTS (SELECT 1 FROM main.${spec.table})`).pluck().get() as number) === 1) return false;
  if ((db.pragma('foreign_keys', { simple: true }) as number) !== 1) return false;
  const keys = db.pragma(`foreign_key_list(${spec.table})`) as { table: string; from: string; to: string }[];
  return spec.references.every((reference) => {
    const column = spec.fields.find((f) => f.field === reference.field)?.column ?? reference.field;
    return keys.some((k) => k.table === reference.table && k.from === column && k.to === reference.column);
  });
}

function constraintCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT') ? code : null;
}

export class DirectWriter {
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;
  private readonly width: number;
  private readonly extras: Value[];
  private readonly lookups: { position: number; exists: Database.Statement }[];
  private pending: Value[] = [];
  private lines: number[] = [];
  added = 0;
  /** The largest value of the `trackMax` field among the rows written (the last month of activity). */
  max: string | null = null;

  constructor(
    db: Database.Database,
    private readonly spec: KindSpec,
    now: string,
    private readonly reject: (rejection: Rejection) => void,
    /** A text field whose largest written value `max` keeps; -1 for none. */
    private readonly trackMax = -1,
    /** Told of every row the table took: the row's values from `offset` in `values`. */
    private readonly onWritten?: (values: readonly Value[], offset: number) => void,
  ) {
    const extra = extraColumns(spec);
    const columns = [...columnsOf(spec), ...extra];
    this.width = columns.length;
    this.extras = extra.map(() => now);
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const insert = `INSERT INTO main.${spec.table} (${columns.join(', ')}) VALUES `;
    this.many = db.prepare(insert + Array.from({ length: rowsPerStatement }, () => tuple).join(', '));
    this.one = db.prepare(insert + tuple);
    this.lookups = spec.references.map((reference) => ({
      position: spec.fields.findIndex((f) => f.field === reference.field),
      exists: db.prepare(`SELECT EXISTS (SELECT 1 FROM main.${reference.table} WHERE ${reference.column} = ?)`).pluck(),
    }));
  }

  add(line: number, values: readonly Value[]): void {
    for (const value of values) this.pending.push(value);
    for (const value of this.extras) this.pending.push(value);
    this.lines.push(line);
    if (this.lines.length === rowsPerStatement) this.flush();
  }

  /** Writes what is buffered; call once more at the end of the file. */
  flush(): void {
    if (this.lines.length === rowsPerStatement) {
      try {
        this.many.run(this.pending);
        this.added += rowsPerStatement;
        if (this.trackMax >= 0) {
          for (let row = 0; row < rowsPerStatement; row++) this.noteMax(this.pending[row * this.width + this.trackMax]);
        }
        if (this.onWritten) {
          for (let row = 0; row < rowsPerStatement; row++) this.onWritten(this.pending, row * this.width);
        }
      } catch (error) {
        if (constraintCode(error) === null) throw error;
        this.oneByOne();
      }
    } else {
      this.oneByOne();
    }
    this.pending = [];
    this.lines = [];
  }

  private oneByOne(): void {
    for (let row = 0; row < this.lines.length; row++) {
      const values = this.pending.slice(row * this.width, (row + 1) * this.width);
      try {
        this.one.run(values);
        this.added += 1;
        if (this.trackMax >= 0) this.noteMax(values[this.trackMax]);
        this.onWritten?.(values, 0);
      } catch (error) {
        const code = constraintCode(error);
        if (code === null) throw error;
        this.reject(this.explain(code, this.lines[row]!, values, error));
      }
    }
  }

  private noteMax(value: Value | undefined): void {
    if (typeof value === 'string' && (this.max === null || value > this.max)) this.max = value;
  }

  private explain(code: string, line: number, values: Value[], error: unknown): Rejection {
    const { spec } = this;
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
      const key = spec.key.map((k) => values[spec.fields.findIndex((f) => f.column === k)]);
      return {
        line,
        column: spec.key.map((k) => spec.fields.find((f) => f.column === k)?.field ?? k).join('+'),
        value: key.map(String).join(' / '),
        code: 'duplicate_key',
        message: 'this key already appeared earlier in the file; the later row was not applied',
      };
    }
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      for (const [i, reference] of spec.references.entries()) {
        const { position, exists } = this.lookups[i]!;
        const value = values[position];
        if (value === null || value === undefined) continue;
        if ((exists.get(value) as number) === 0) {
          return {
            line,
            column: reference.field,
            value: String(value),
            code: 'unknown_reference',
            message: `no ${reference.what} with this number in the import or the database`,
          };
        }
      }
    }
    // Validation lets through only rows the table's checks accept; anything else is a defect to report.
    throw error;
  }
}
