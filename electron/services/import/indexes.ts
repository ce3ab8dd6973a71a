// Secondary indexes set aside during a large load and built once, sorted, before the import commits.
// Updating a dozen wide indexes row by row costs far more than one sorted build of each.
import type Database from 'better-sqlite3';
import { dropIndexes, type IndexDefinition } from '../../../db/queries/bulk.js';
import type { Job } from '../context.js';

/**
 * The customers' list indexes stay dropped until the end of the run, since the files after the customers
 * (holdings, loans) rewrite their balances; other tables get theirs back as soon as their file is done,
 * because the balance refresh reads holdings and loans by customer.
 */
export class DeferredIndexes {
  private readonly dropped = new Map<string, IndexDefinition[]>();

  constructor(private readonly db: Database.Database) {}

  /** Drops `table`'s secondary indexes unless already dropped in this run. */
  drop(table: string): void {
    if (!this.dropped.has(table)) this.dropped.set(table, dropIndexes(this.db, table));
  }

  isDropped(table: string): boolean {
    return this.dropped.has(table);
  }

  get pending(): number {
    let count = 0;
    for (const list of this.dropped.values()) count += list.length;
    return count;
  }

  /** Builds the dropped indexes of one table now (all tables when none is named). */
  async rebuild(job: Job, onIndexBuilt: () => void, table?: string): Promise<void> {
    const tables = table === undefined ? [...this.dropped.keys()] : [table];
    for (const name of tables) {
      const indexes = this.dropped.get(name) ?? [];
      while (indexes.length > 0) {
        await job.checkpoint();
        const index = indexes[0]!;
        this.db.exec(index.sql);
        indexes.shift();
        onIndexBuilt();
      }
      this.dropped.delete(name);
    }
  }
}
