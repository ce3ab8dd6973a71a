// Applies the numbered SQL files in db/migrations, each in its own transaction, tracked by
// PRAGMA user_version. A database written by a newer BranchLoop is refused, never touched.
import { readdirSync, readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { AppError } from '../electron/api/errors.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const migrationsDir = new URL('./migrations/', import.meta.url);

export function loadMigrations(dir: URL = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(new URL(file, dir), 'utf8'),
    }));
}

export function latestSchemaVersion(migrations = loadMigrations()): number {
  return migrations.at(-1)?.version ?? 0;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Throws 'db_newer_version' for a database written by a newer BranchLoop; reads, never writes. */
export function refuseNewerSchema(db: Database.Database, migrations = loadMigrations()): void {
  const latest = latestSchemaVersion(migrations);
  const current = schemaVersion(db);
  if (current > latest) {
    throw new AppError(
      'db_newer_version',
      `This database has schema version ${current}, written by a newer BranchLoop; this one knows up to ${latest}. Update BranchLoop to open it.`,
      { current, latest },
    );
  }
}

/** Migrates up to `target` (default: the latest). Returns the versions applied. */
export function migrate(db: Database.Database, target?: number, migrations = loadMigrations()): number[] {
  refuseNewerSchema(db, migrations);
  const latest = latestSchemaVersion(migrations);
  const current = schemaVersion(db);
  const goal = target ?? latest;
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > goal) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    applied.push(migration.version);
  }
  return applied;
}
