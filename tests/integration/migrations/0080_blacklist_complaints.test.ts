// Migration 0080: the blacklist and complaints, strict, dated, cascading from the customer.
import { describe, expect, test } from 'vitest';
import { migrate } from '../../../db/migrate.js';
import { databaseAtVersion, insertRepresentativeRows, isStrict, refusal, snapshot } from '../../helpers/migrations.js';

const insertListingSql = `
  INSERT INTO blacklist (customer_id, listed_on, reason, source, lifted_on)
  VALUES (@customer_id, @listed_on, @reason, @source, @lifted_on)`;

const listing = {
  customer_id: '0341300000001',
  listed_on: '2024-05-06',
  reason: '恶意逃废债',
  source: '总行风险管理部',
  lifted_on: null as string | null,
};

const insertComplaintSql = `
  INSERT INTO complaints (complaint_id, customer_id, received_on, channel, category, summary, resolved_on)
  VALUES (@complaint_id, @customer_id, @received_on, @channel, @category, @summary, @resolved_on)`;

const complaint = {
  complaint_id: 'TS2026000001',
  customer_id: '0341300000001',
  received_on: '2026-10-12',
  channel: 'phone',
  category: 'fees',
  summary: '短信服务费未经同意扣收',
  resolved_on: '2026-10-15' as string | null,
};

describe('migration 0080_blacklist_complaints', () => {
  test('adds strict blacklist and complaints tables beside everything before them', () => {
    const db = databaseAtVersion(70);
    insertRepresentativeRows(db, 70);
    const before = snapshot(db);

    expect(migrate(db, 80)).toEqual([80]);
    expect(db.pragma('user_version', { simple: true })).toBe(80);
    expect(snapshot(db)).toEqual({ ...before, blacklist: [], complaints: [] });
    expect(isStrict(db, 'blacklist')).toBe(true);
    expect(isStrict(db, 'complaints')).toBe(true);

    db.prepare(insertListingSql).run(listing);
    db.prepare(insertComplaintSql).run(complaint);
    db.prepare(insertComplaintSql).run({ ...complaint, complaint_id: 'TS2026000002', resolved_on: null });

    const refusedListing = (overrides: Partial<typeof listing>) =>
      refusal(db, insertListingSql, { ...listing, ...overrides });
    expect(refusedListing({})).toMatch(/UNIQUE constraint failed/);
    expect(refusedListing({ customer_id: '0341399999999' })).toMatch(/FOREIGN KEY constraint failed/);
    db.prepare(`DELETE FROM blacklist`).run();
    expect(refusedListing({ listed_on: '2024-02-30' })).toMatch(/CHECK constraint failed/);
    expect(refusedListing({ listed_on: '2024/05/06' })).toMatch(/CHECK constraint failed/);
    expect(refusedListing({ lifted_on: '2024-05-05' })).toMatch(/CHECK constraint failed/);
    expect(refusedListing({ lifted_on: 'later' })).toMatch(/CHECK constraint failed/);
    db.prepare(insertListingSql).run({ ...listing, lifted_on: '2025-01-01' });

    const refusedComplaint = (overrides: Partial<typeof complaint>) =>
      refusal(db, insertComplaintSql, { ...complaint, complaint_id: 'TS9', ...overrides });
    expect(refusedComplaint({ complaint_id: 'TS2026000001' })).toMatch(/UNIQUE constraint failed/);
    expect(refusedComplaint({ channel: 'wechat' })).toMatch(/CHECK constraint failed/);
    expect(refusedComplaint({ category: 'rates' })).toMatch(/CHECK constraint failed/);
    expect(refusedComplaint({ received_on: '2026-13-01' })).toMatch(/CHECK constraint failed/);
    expect(refusedComplaint({ resolved_on: '2026-10-11' })).toMatch(/CHECK constraint failed/);
    expect(refusedComplaint({ customer_id: '0341399999999' })).toMatch(/FOREIGN KEY constraint failed/);

    // The card reads one customer's complaints by index, newest first.
    const plan = (
      db
        .prepare(`EXPLAIN QUERY PLAN SELECT * FROM complaints WHERE customer_id = ? ORDER BY received_on DESC`)
        .all('0341300000001') as { detail: string }[]
    ).map((row) => row.detail);
    expect(plan.join('\n')).toMatch(/USING INDEX complaints_customer/);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);

    // Removing the customer removes the listing and the complaints.
    db.prepare(`DELETE FROM customers WHERE customer_id = '0341300000001'`).run();
    expect(db.prepare('SELECT count(*) FROM blacklist').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(0);
  });
});
