// Migration 0010: branches, staff and settings on an empty database.
import { describe, expect, test } from 'vitest';
import { migrate } from '../../../db/migrate.js';
import {
  databaseAtVersion,
  insertBranch,
  insertSetting,
  insertStaff,
  isoNow,
  isStrict,
  refusal,
  tableNames,
} from '../../helpers/migrations.js';

describe('migration 0010_organisation', () => {
  test('creates strict branch, staff and settings tables that enforce their rules', () => {
    const db = databaseAtVersion(0);
    expect(tableNames(db)).toEqual([]);

    expect(migrate(db, 10)).toEqual([10]);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(tableNames(db)).toEqual(['branches', 'settings', 'staff']);
    for (const table of ['branches', 'staff', 'settings']) expect(isStrict(db, table), table).toBe(true);

    insertBranch(db);
    insertStaff(db);
    insertSetting(db, 'ui.locale', 'zh-CN');
    expect(db.prepare('SELECT branch_id, name, is_demo FROM branches').all()).toEqual([
      { branch_id: '3413', name: '城关支行', is_demo: 0 },
    ]);
    expect(db.prepare('SELECT staff_id, role, active FROM staff').all()).toEqual([
      { staff_id: 'R001', role: 'rm', active: 1 },
    ]);

    // STRICT: a flag is an integer, not text.
    expect(
      refusal(
        db,
        `INSERT INTO branches (branch_id, name, is_demo, created_at) VALUES ('0001', 'x', 'yes', '${isoNow}')`,
      ),
    ).toMatch(/cannot store TEXT value in INTEGER column/);
    // CHECK: flags are 0/1, roles are known, settings hold JSON.
    expect(
      refusal(db, `INSERT INTO branches (branch_id, name, is_demo, created_at) VALUES ('0001', 'x', 2, '${isoNow}')`),
    ).toMatch(/CHECK constraint failed/);
    expect(
      refusal(db, `INSERT INTO staff (staff_id, branch_id, name, role) VALUES ('X1', '3413', '张三', 'admin')`),
    ).toMatch(/CHECK constraint failed/);
    expect(refusal(db, `INSERT INTO settings (key, value, updated_at) VALUES ('k', '{not json', '${isoNow}')`)).toMatch(
      /CHECK constraint failed/,
    );
    // Foreign keys are on: staff belong to a branch that exists.
    expect(
      refusal(db, `INSERT INTO staff (staff_id, branch_id, name, role) VALUES ('R009', '9999', '张三', 'rm')`),
    ).toMatch(/FOREIGN KEY constraint failed/);
    // Core-banking ids are text and keep their leading zeros.
    insertBranch(db, '0007');
    expect(db.prepare(`SELECT branch_id FROM branches WHERE branch_id = '0007'`).pluck().get()).toBe('0007');
  });
});
