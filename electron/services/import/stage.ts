// Validated rows of one file go first into a temporary stage table; duplicates, references,
// change counts and history are then worked out set-wise in SQL before anything touches the data.
import type Database from 'better-sqlite3';
import type { KindSpec, Value } from './kinds.js';

const rowsPerStatement = 200;

export function stageTable(spec: KindSpec): string {
  return `stage_${spec.kind}`;
}

export function columnsOf(spec: KindSpec): string[] {
  return spec.fields.map((f) => f.column);
}

export class StageWriter {
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;
  private readonly width: number;
  private pending: Value[] = [];
  private pendingRows = 0;
  rows = 0;

  constructor(
    private readonly db: Database.Database,
    spec: KindSpec,
  ) {
    const table = stageTable(spec);
    const columns = ['line', ...columnsOf(spec)];
    this.width = columns.length;
    // Integer affinity turns the doubles JavaScript numbers bind as back into integers, so that stage
    // and table values compare and print alike; other columns hold text as given.
    const declarations = ['line INTEGER', ...spec.fields.map((f) => `${f.column}${f.integer ? ' INTEGER' : ''}`)];
    db.exec(`DROP TABLE IF EXISTS temp.${table}`);
    db.exec(`CREATE TEMP TABLE ${table} (${declarations.join(', ')})`);
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const insert = `INSERT INTO temp.${table} (${columns.join(', ')}) VALUES `;
    this.many = db.prepare(insert + Array.from({ length: rowsPerStatement }, () => tuple).join(', '));
    this.one = db.prepare(insert + tuple);
  }

  add(line: number, values: readonly Value[]): void {
    this.pending.push(line, ...values);
    this.pendingRows += 1;
    this.rows += 1;
    if (this.pendingRows === rowsPerStatement) {
      this.many.run(this.pending);
      this.pending = [];
      this.pendingRows = 0;
    }
  }

  flush(): void {
    for (let i = 0; i < this.pending.length; i += this.width) this.one.run(this.pending.slice(i, i + this.width));
    this.pending = [];
    this.pendingRows = 0;
  }

  /** Index the stage on its key once it is full: cheaper than maintaining it row by row. */
  finish(spec: KindSpec): void {
    this.flush();
    this.db.exec(`CREATE INDEX temp.${stageTable(spec)}_key ON ${stageTable(spec)} (${spec.key.join(', ')}, line)`);
  }
}
