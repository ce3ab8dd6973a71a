// The migration runner: versions applied in order and once, a newer database refused untouched, and a
// failing migration rolled back to the previous schema.
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../../db/connection.js';
import { latestSchemaVersion, loadMigrations, migrate } from '../../../db/migrate.js';
import { AppError } from '../../../electron/api/errors.js';
import {
  databaseAtVersion,
  insertRepresentativeRows,
  isStrict,
  snapshot,
  tableNames,
} from '../../helpers/migrations.js';
import { createNewerDatabase, fileSha256 } from '../../helpers/sqlite.js';
import { tempDirForTest } from '../../helpers/tempDir.js';

const migrationsDir = fileURLToPath(new URL('../../../db/migrations/', import.meta.url));

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('migrate', () => {
  test('every migration file has its own test beside this one', () => {
    const testFiles = new Set(readdirSync(fileURLToPath(new URL('./', import.meta.url))));
    const migrations = loadMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    for (const migration of migrations) {
      const name = `${String(migration.version).padStart(4, '0')}_${migration.name}.test.ts`;
      expect(testFiles.has(name), `tests/integration/migrations/${name}`).toBe(true);
    }
  });

  test('numbers migrations in steps of ten, in order', () => {
    const versions = loadMigrations().map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    for (const version of versions) expect(version % 10).toBe(0);
    expect(new Set(versions).size).toBe(versions.length);
  });

  test('brings an empty database to the latest version once; running again changes nothing', () => {
    const db = databaseAtVersion(0);
    const versions = loadMigrations().map((m) => m.version);
    expect(migrate(db)).toEqual(versions);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    const schema = db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').pluck().all();
    expect(migrate(db)).toEqual([]);
    expect(db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').pluck().all()).toEqual(schema);
  });

  test('stops at a target version and continues from it later', () => {
    const db = databaseAtVersion(30);
    insertRepresentativeRows(db, 30);
    const before = snapshot(db);
    expect(migrate(db, 20)).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(30);
    expect(migrate(db)).toEqual(
      loadMigrations()
        .map((m) => m.version)
        .filter((v) => v > 30),
    );
    const after = snapshot(db);
    // Later migrations may add columns; the rows keep every value they had.
    for (const [table, rows] of Object.entries(before)) {
      const kept = (after[table] as Record<string, unknown>[]).map((row, i) =>
        Object.fromEntries(Object.keys((rows[i] ?? {}) as object).map((column) => [column, row[column]])),
      );
      expect(kept, table).toEqual(rows);
    }
  });

  test('makes every table STRICT', () => {
    const db = databaseAtVersion(latestSchemaVersion());
    for (const table of tableNames(db)) expect(isStrict(db, table), table).toBe(true);
  });

  test('refuses a database from a newer BranchLoop with a message, and leaves the file untouched', () => {
    const file = join(tempDirForTest(), 'branchloop.sqlite');
    const { version } = createNewerDatabase(file);
    const hash = fileSha256(file);

    const error = thrown(() => openDatabase(file));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('db_newer_version');
    expect((error as AppError).message).toContain(String(version));
    expect((error as AppError).message).toContain(String(latestSchemaVersion()));
    expect((error as AppError).message).toMatch(/newer BranchLoop/);

    expect(fileSha256(file)).toBe(hash);
    expect(existsSync(`${file}-wal`)).toBe(false);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    expect(tableNames(db)).toEqual(['future_things']);
    db.close();
  });

  test('refuses a newer database through migrate itself, applying nothing', () => {
    const db = databaseAtVersion(latestSchemaVersion());
    db.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    const schema = db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').pluck().all();
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'db_newer_version' }));
    expect(db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').pluck().all()).toEqual(schema);
  });

  test('rolls a failing migration back whole, keeping the previous version and its data', () => {
    // A migrations folder like the real one, with a broken third step that fails half-way.
    const dir = tempDirForTest('branchloop-migrations-');
    for (const file of readdirSync(migrationsDir).filter((f) => /^00[12]0_.*\.sql$/.test(f))) {
      copyFileSync(join(migrationsDir, file), join(dir, file));
    }
    writeFileSync(
      join(dir, '0030_broken.sql'),
      `CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT;
       ALTER TABLE customers ADD COLUMN segment TEXT;
       INSERT INTO no_such_table VALUES (1);`,
    );
    writeFileSync(join(dir, '0040_after.sql'), 'CREATE TABLE after_broken (id INTEGER PRIMARY KEY) STRICT;');
    writeFileSync(join(dir, 'README.md'), 'not a migration');
    const migrations = loadMigrations(pathToFileURL(dir + '/'));
    expect(migrations.map((m) => m.version)).toEqual([10, 20, 30, 40]);

    const db = databaseAtVersion(0);
    expect(() => migrate(db, undefined, migrations)).toThrow(/no such table: no_such_table/);
    // 0010 and 0020 each committed on their own; 0030 left nothing behind and 0040 never ran.
    expect(db.pragma('user_version', { simple: true })).toBe(20);
    expect(tableNames(db)).toEqual(['branches', 'customers', 'settings', 'staff']);
    insertRepresentativeRows(db, 20);
    const before = snapshot(db);
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('customers');

    expect(() => migrate(db, undefined, migrations)).toThrow(/no_such_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(20);
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('customers')).toEqual(columns);
    expect(snapshot(db)).toEqual(before);
    expect(db.inTransaction).toBe(false);
  });
});
