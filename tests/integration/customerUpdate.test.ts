// customers.update through the real data worker on a demo branch: the import's field rules, all
// errors at once with nothing written, and one history row per field that actually changed.
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import type { CustomerChanges } from '../../electron/api/customerEdit.js';
import { kindSpecs } from '../../electron/services/import/kinds.js';
import { customerEditableFields } from '../../electron/api/customerEdit.js';
import { demoTemplate } from '../helpers/demoDatabase.js';
import { startHost, valueOf } from '../helpers/workerHost.js';

const demo = demoTemplate({ customers: 60, seed: 5, activityMonths: 2 });

async function demoHost() {
  const { dataDir, databaseFile } = demo.copy();
  const { host } = await startHost(dataDir);
  const page = valueOf(await host.api.call('customers.list', { limit: 1 }));
  const customerId = page.rows[0]!.customerId;
  /** The customer's row and history as the database holds them, read on a separate connection. */
  const snapshot = () => {
    const db = new Database(databaseFile, { readonly: true });
    try {
      return {
        row: db.prepare('SELECT * FROM customers WHERE customer_id = ?').get(customerId) as Record<string, unknown>,
        history: db
          .prepare(
            "SELECT field, old_value, new_value, source, actor FROM customer_changes WHERE customer_id = ? AND source = 'edit' ORDER BY change_id",
          )
          .all(customerId),
      };
    } finally {
      db.close();
    }
  };
  return { host, customerId, snapshot };
}

const badValues: [keyof CustomerChanges, string, string][] = [
  ['name', 'x'.repeat(51), 'too_long'],
  ['gender', 'X', 'bad_enum'],
  ['birth_date', '2199-01-01', 'date_range'],
  ['id_number', '110101199003071234', 'bad_resident_id'],
  ['phone', '12345', 'bad_mobile'],
  ['occupation', 'astronaut', 'bad_enum'],
  ['area_type', 'suburb', 'bad_enum'],
  ['town', 't'.repeat(51), 'too_long'],
  ['village', 'v'.repeat(51), 'too_long'],
  ['address', 'a'.repeat(201), 'too_long'],
  ['manager_id', 'NOBODY42', 'unknown_reference'],
  ['consent_marketing', 'maybe', 'bad_flag'],
  ['consent_sms', 'maybe', 'bad_flag'],
  ['consent_phone', 'maybe', 'bad_flag'],
  ['consent_visit', 'maybe', 'bad_flag'],
  ['consent_app', 'maybe', 'bad_flag'],
  ['do_not_contact', 'maybe', 'bad_flag'],
  ['needs', 'n'.repeat(501), 'too_long'],
  ['interests', 'i'.repeat(501), 'too_long'],
];

describe('customers.update', () => {
  test('every editable field but the notes has an import rule, and every one is covered here', () => {
    const imported = new Set(kindSpecs.customers.fields.map((spec) => spec.field));
    const withoutRule = customerEditableFields.filter((field) => !imported.has(field));
    expect(withoutRule).toEqual(['needs', 'interests']);
    expect(badValues.map(([field]) => field).sort()).toEqual([...customerEditableFields].sort());
  });

  test('a bad value in each field is refused with its code, all at once, and nothing is written', async () => {
    const { host, customerId, snapshot } = await demoHost();
    const before = snapshot();
    for (const [field, value, code] of badValues) {
      const result = await host.api.call('customers.update', { customerId, changes: { [field]: value } });
      expect(result.ok, field).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.details).toMatchObject({ fields: { [field]: { code } } });
    }
    // One good and two bad values: every error reported, the good value not saved either.
    const mixed = await host.api.call('customers.update', {
      customerId,
      changes: { address: '幸福村 8 组', phone: '12345', gender: 'X' },
    });
    expect(mixed.ok).toBe(false);
    if (!mixed.ok) {
      expect(Object.keys((mixed.error.details as { fields: object }).fields).sort()).toEqual(['gender', 'phone']);
      expect(mixed.error.message).toMatch(/2 fields/);
    }
    expect(snapshot()).toEqual(before);
  });

  test('required fields cannot be emptied', async () => {
    const { host, customerId, snapshot } = await demoHost();
    const before = snapshot();
    const result = await host.api.call('customers.update', { customerId, changes: { name: '  ', area_type: null } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.details).toEqual({
        fields: {
          name: { code: 'required', message: expect.any(String) },
          area_type: { code: 'required', message: expect.any(String) },
        },
      });
    }
    expect(snapshot()).toEqual(before);
  });

  test('the manager must be an existing staff member; an existing one is accepted', async () => {
    const { host, customerId, snapshot } = await demoHost();
    const bad = await host.api.call('customers.update', { customerId, changes: { manager_id: 'S999999' } });
    expect(bad.ok).toBe(false);
    const { managers } = valueOf(await host.api.call('customers.filterOptions', {}));
    const other = managers.find((manager) => manager.staffId !== snapshot().row.manager_id)!;
    const detail = valueOf(
      await host.api.call('customers.update', { customerId, changes: { manager_id: other.staffId } }),
    );
    expect(detail.manager).toEqual(other);
  });

  test('good changes are saved with one history row per changed field', async () => {
    const { host, customerId, snapshot } = await demoHost();
    const before = snapshot().row;
    const changes: CustomerChanges = {
      name: before.name as string, // unchanged: no history row
      phone: '+86 139-1234-5678',
      gender: before.gender === 'M' ? '女' : '男',
      address: '幸福村 8 组 12 号',
      consent_sms: before.consent_sms === 1 ? '0' : '1',
      needs: '孩子明年上大学，需要教育储蓄',
      interests: null,
    };
    const detail = valueOf(await host.api.call('customers.update', { customerId, changes, actor: 'S0001' }));
    expect(detail).toMatchObject({
      phoneMasked: '139****5678',
      gender: before.gender === 'M' ? 'F' : 'M',
      address: '幸福村 8 组 12 号',
      needs: '孩子明年上大学，需要教育储蓄',
      interests: null,
    });
    expect(detail.consent.sms).toBe(before.consent_sms !== 1);

    const after = snapshot();
    expect(after.row).toMatchObject({ phone: '13912345678', address: '幸福村 8 组 12 号' });
    expect(after.row.updated_at).not.toBe(before.updated_at);
    expect(after.history).toEqual([
      { field: 'phone', old_value: before.phone, new_value: '13912345678', source: 'edit', actor: 'S0001' },
      { field: 'gender', old_value: before.gender, new_value: detail.gender, source: 'edit', actor: 'S0001' },
      { field: 'address', old_value: before.address, new_value: '幸福村 8 组 12 号', source: 'edit', actor: 'S0001' },
      {
        field: 'consent_sms',
        old_value: String(before.consent_sms),
        new_value: before.consent_sms === 1 ? '0' : '1',
        source: 'edit',
        actor: 'S0001',
      },
      { field: 'needs', old_value: null, new_value: '孩子明年上大学，需要教育储蓄', source: 'edit', actor: 'S0001' },
    ]);

    // Saving the same values again changes nothing and records nothing.
    valueOf(await host.api.call('customers.update', { customerId, changes }));
    expect(snapshot().history).toHaveLength(5);

    const history = valueOf(await host.api.call('customers.history', { customerId, limit: 2 }));
    expect(history.map((change) => change.field)).toEqual(['needs', 'consent_sms']);
    expect(history[0]).toMatchObject({ source: 'edit', actor: 'S0001', changedAt: expect.stringMatching(/^\d{4}-/) });
    // Identifiers stay masked in the history, as on the card.
    const phone = valueOf(await host.api.call('customers.history', { customerId })).find((c) => c.field === 'phone');
    expect(phone?.newValue).toBe('139****5678');
  });

  test('an unknown customer is not_found', async () => {
    const { host } = await demoHost();
    const result = await host.api.call('customers.update', { customerId: '000', changes: { address: 'x' } });
    expect(result.ok ? null : result.error.code).toBe('not_found');
  });
});
