// Files whose headers are not the documented names: Chinese headers are recognised by import.inspect
// and imported as they are; unknown headers need a mapping, which import.run asks for by naming the
// missing fields, and which a saved profile supplies. import.inspect also says whether a file was
// imported before.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { parseCsv, toCsv } from '../helpers/csvText.js';
import { demoExportFixture, importedTemplate } from '../helpers/importFixtures.js';
import { tempDirForTest } from '../helpers/tempDir.js';
import { startHost, valueOf } from '../helpers/workerHost.js';

const demo = demoExportFixture({ dirty: false });
const template = importedTemplate(() => ['branches.csv', 'staff.csv', 'products.csv'].map((n) => demo.value.path(n)));

const chinese: Record<string, string> = {
  customer_id: '客户号',
  branch_id: '网点号',
  name: '姓名',
  gender: '性别',
  birth_date: '出生日期',
  id_number: '身份证号',
  phone: '手机号',
  occupation: '职业',
  area_type: '城乡',
  town: '乡镇',
  village: '村',
  address: '地址',
  customer_since: '建档日期',
  manager_id: '客户经理',
};

const foreign: Record<string, string> = {
  customer_id: 'CUST_NO',
  branch_id: 'ORG_CODE',
  name: 'CUST_NAME',
  area_type: 'AREA_FLAG',
  customer_since: 'OPEN_DT',
  phone: 'MOBILE_NO',
};

/** The first `count` customers of the export with only `mapping`'s fields, under its headers. */
function renamed(mapping: Record<string, string>, count: number): { path: string; rows: Record<string, string>[] } {
  const [header, ...records] = parseCsv(readFileSync(demo.value.path('customers.csv'), 'utf8'));
  const names = header?.fields ?? [];
  const fields = Object.keys(mapping);
  const rows = records.slice(0, count).map((r) => Object.fromEntries(names.map((n, i) => [n, r.fields[i] ?? ''])));
  const path = join(tempDirForTest(), 'export.csv');
  writeFileSync(path, toCsv([fields.map((f) => mapping[f]!), ...rows.map((row) => fields.map((f) => row[f]!))]));
  return { path, rows };
}

async function branch() {
  const { dataDir, databaseFile } = template.copy();
  const { host } = await startHost(dataDir);
  return { host, databaseFile };
}

function customers(databaseFile: string, columns: string[]): Record<string, unknown>[] {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db.prepare(`SELECT ${columns.join(', ')} FROM customers ORDER BY customer_id`).all() as Record<
      string,
      unknown
    >[];
  } finally {
    db.close();
  }
}

describe('column mapping', () => {
  test('Chinese headers: inspect recognises customers and maps every column; the file imports as it is', async () => {
    const { host, databaseFile } = await branch();
    const { path, rows } = renamed(chinese, 40);
    const inspection = valueOf(await host.api.call('import.inspect', { path }));
    expect(inspection).toMatchObject({
      kind: 'customers',
      mapping: chinese,
      missing: [],
      encoding: 'utf-8',
      delimiter: ',',
      header: Object.values(chinese),
      alreadyImported: false,
    });
    expect(inspection.sample[0]).toEqual(Object.keys(chinese).map((f) => rows[0]![f]));

    const result = valueOf(await host.api.call('import.run', { files: [{ path }] }));
    expect(result.files[0]).toMatchObject({ kind: 'customers', rows: 40, added: 40, rejected: 0 });
    expect(customers(databaseFile, ['customer_id', 'name', 'town', 'manager_id', 'customer_since'])).toEqual(
      rows.map((r) => ({
        customer_id: r.customer_id,
        name: r.name,
        town: r.town || null,
        manager_id: r.manager_id || null,
        customer_since: r.customer_since,
      })),
    );
    // The same file again: inspect knows it.
    expect(valueOf(await host.api.call('import.inspect', { path })).alreadyImported).toBe(true);
  });

  test('unknown headers: no kind; import.run refuses without a mapping, naming what is missing', async () => {
    const { host, databaseFile } = await branch();
    const { path } = renamed(foreign, 10);
    const inspection = valueOf(await host.api.call('import.inspect', { path }));
    expect(inspection).toMatchObject({ kind: null, mapping: {}, missing: [], header: Object.values(foreign) });
    expect(inspection.fields.customers.filter((f) => f.required).map((f) => f.field)).toEqual([
      'customer_id',
      'branch_id',
      'name',
      'area_type',
      'customer_since',
    ]);

    const unknownKind = await host.api.call('import.run', { files: [{ path }] });
    expect(unknownKind).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(unknownKind.ok ? '' : unknownKind.error.message).toMatch(/export\.csv: .*map its columns/);

    const noMapping = await host.api.call('import.run', { files: [{ path, kind: 'customers' }] });
    expect(noMapping).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        details: { kind: 'customers', missing: ['customer_id', 'branch_id', 'name', 'area_type', 'customer_since'] },
      },
    });
    expect(noMapping.ok ? '' : noMapping.error.message).toMatch(
      /customer_id, branch_id, name, area_type, customer_since/,
    );

    const partial = await host.api.call('import.run', {
      files: [{ path, kind: 'customers', mapping: { customer_id: 'CUST_NO', name: 'CUST_NAME' } }],
    });
    expect(partial).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { missing: ['branch_id', 'area_type', 'customer_since'] } },
    });
    const wrongColumn = await host.api.call('import.run', {
      files: [{ path, kind: 'customers', mapping: { ...foreign, name: 'NAME' } }],
    });
    expect(wrongColumn).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(wrongColumn.ok ? '' : wrongColumn.error.message).toMatch(/NAME/);
    expect(customers(databaseFile, ['customer_id'])).toEqual([]);
  });

  test('a saved profile maps the unknown headers; the import with it lands every row', async () => {
    const { host, databaseFile } = await branch();
    const { path, rows } = renamed(foreign, 25);
    expect(
      await host.api.call('import.profiles.save', {
        name: 'core banking v2',
        kind: 'customers',
        mapping: { ...foreign, nickname: 'NICK' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/nickname/) } });
    const saved = valueOf(
      await host.api.call('import.profiles.save', { name: 'core banking v2', kind: 'customers', mapping: foreign }),
    );
    expect(saved).toEqual({ name: 'core banking v2', kind: 'customers', mapping: foreign });
    expect(valueOf(await host.api.call('import.profiles.list', { kind: 'customers' }))).toEqual([saved]);
    expect(valueOf(await host.api.call('import.profiles.list', { kind: 'loans' }))).toEqual([]);

    const missingProfile = await host.api.call('import.run', { files: [{ path, profile: 'core banking v1' }] });
    expect(missingProfile).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const result = valueOf(await host.api.call('import.run', { files: [{ path, profile: 'core banking v2' }] }));
    expect(result.files[0]).toMatchObject({ kind: 'customers', rows: 25, added: 25, rejected: 0 });
    expect(customers(databaseFile, ['customer_id', 'branch_id', 'name', 'area_type', 'phone', 'occupation'])).toEqual(
      rows.map((r) => ({
        customer_id: r.customer_id,
        branch_id: r.branch_id,
        name: r.name,
        area_type: r.area_type,
        phone: r.phone || null,
        // Not in the file: the documented default.
        occupation: 'other',
      })),
    );
    expect(valueOf(await host.api.call('import.inspect', { path })).alreadyImported).toBe(true);
  });
});
