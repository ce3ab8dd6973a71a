// Migration 0040: monthly channel activity per customer, added beside customers and holdings.
import { describe, expect, test } from 'vitest';
import { migrate } from '../../../db/migrate.js';
import {
  databaseAtVersion,
  insertActivity,
  insertRepresentativeRows,
  isStrict,
  refusal,
  snapshot,
} from '../../helpers/migrations.js';

describe('migration 0040_activity', () => {
  test('adds a strict activity table keyed by customer, month and channel', () => {
    const db = databaseAtVersion(30);
    insertRepresentativeRows(db, 30);
    const before = snapshot(db);

    expect(migrate(db, 40)).toEqual([40]);
    expect(db.pragma('user_version', { simple: true })).toBe(40);
    expect(snapshot(db)).toEqual({ ...before, activity_monthly: [] });
    expect(isStrict(db, 'activity_monthly')).toBe(true);

    insertActivity(db, '0341300000001', '2026-10');
    insertActivity(db, '0341300000001', '2026-09');
    expect(
      db.prepare('SELECT month, channel, deposit_count, card_swipes FROM activity_monthly ORDER BY month').all(),
    ).toEqual([
      { month: '2026-09', channel: 'agent', deposit_count: 2, card_swipes: 0 },
      { month: '2026-10', channel: 'agent', deposit_count: 2, card_swipes: 0 },
    ]);

    const activity = (values: string) =>
      refusal(
        db,
        `INSERT INTO activity_monthly (customer_id, month, channel, deposit_count, amount_fen) VALUES (${values})`,
      );
    expect(activity(`'0341300000001', '2026-10', 'agent', 1, 100`)).toMatch(/UNIQUE constraint failed/);
    expect(activity(`'0341300000001', '2026-8', 'agent', 1, 100`)).toMatch(/CHECK constraint failed/);
    expect(activity(`'0341300000001', '2026/08', 'agent', 1, 100`)).toMatch(/CHECK constraint failed/);
    expect(activity(`'0341300000001', '2026-13', 'agent', 1, 100`)).toMatch(/CHECK constraint failed/);
    expect(activity(`'0341300000001', '2026-00', 'agent', 1, 100`)).toMatch(/CHECK constraint failed/);
    expect(activity(`'0341300000001', '2026-08', 'pigeon', 1, 100`)).toMatch(/CHECK constraint failed/);
    expect(activity(`'0341300000001', '2026-08', 'agent', -1, 100`)).toMatch(/CHECK constraint failed/);
    expect(activity(`'0341300000001', '2026-08', 'agent', 1, 1.5`)).toMatch(/cannot store REAL value/);
    expect(activity(`'0341399999999', '2026-08', 'agent', 1, 100`)).toMatch(/FOREIGN KEY constraint failed/);

    db.prepare(`DELETE FROM customers WHERE customer_id = '0341300000001'`).run();
    expect(db.prepare('SELECT count(*) FROM activity_monthly').pluck().get()).toBe(0);
  });
});
