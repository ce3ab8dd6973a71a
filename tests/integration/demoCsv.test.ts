// The demo branch written as core-banking CSV files: docs/FORMATS.md's files and headers, values the
// generator made read back exactly, determinism, GBK, the manifest, and the planted rows of --dirty
// pointing at the lines they claim — all read back with the tests' own RFC 4180 reader.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppError } from '../../electron/api/errors.js';
import { demoStaff } from '../../electron/services/demo/branchStaff.js';
import { csvFileNames, csvHeaders, csvKeys } from '../../electron/services/demo/csvColumns.js';
import { writeDemoCsv, type DemoCsvOptions } from '../../electron/services/demo/csvExport.js';
import type { DemoCsvManifest } from '../../electron/services/demo/csvManifest.js';
import { rejectionCodes } from '../../electron/services/demo/dirtyTypes.js';
import { DemoGenerator } from '../../electron/services/demo/generate.js';
import { profiles } from '../../electron/services/demo/profiles.js';
import { parseCsv, yuanToFen, type CsvTestRecord } from '../helpers/csvText.js';
import { loadDemoFile } from '../helpers/demoDatabase.js';
import { parseDate, parseMonth, readFormats, references, rowProblems } from '../helpers/formatsSpec.js';
import { fileSha256 } from '../helpers/sqlite.js';
import { makeTempDir, removeTempDir, tempDirForTest } from '../helpers/tempDir.js';
import Database from 'better-sqlite3';

const base: Omit<DemoCsvOptions, 'outDir'> = {
  customers: 300,
  seed: 11,
  months: 6,
  asOf: '2026-06-30',
  encoding: 'utf-8',
  bom: false,
  dirty: false,
};

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeTempDir));

async function exportBranch(overrides: Partial<DemoCsvOptions> = {}): Promise<string> {
  const dir = makeTempDir('branchloop-demo-csv-');
  dirs.push(dir);
  await writeDemoCsv({ ...base, ...overrides, outDir: dir });
  return dir;
}

function records(dir: string, name: string): CsvTestRecord[] {
  return parseCsv(readFileSync(join(dir, name), 'utf8'));
}

function manifestOf(dir: string): DemoCsvManifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as DemoCsvManifest;
}

function column(name: string, header: readonly string[]) {
  const index = header.indexOf(name);
  return (record: CsvTestRecord) => record.fields[index] ?? '';
}

/** A record's key as an importer would compare it: dates and months in ISO form. */
function keyOf(file: (typeof csvFileNames)[number], fields: readonly string[]): string {
  const header = csvHeaders[file];
  return csvKeys[file]
    .map((name) => {
      const value = fields[header.indexOf(name)] ?? '';
      if (name === 'month') return parseMonth(value) ?? value;
      if (name.endsWith('_date')) return parseDate(value) ?? value;
      return value;
    })
    .join('+');
}

/** Checks a set of records as one import would: each row valid, keys unique, references resolved. */
function expectImportable(byFile: Map<string, CsvTestRecord[]>): void {
  const keys = new Map<string, Set<string>>();
  for (const file of csvFileNames) {
    const seen = new Set<string>();
    for (const record of byFile.get(file) ?? []) {
      expect(rowProblems(file, record.fields, base.asOf), `${file} line ${record.line}`).toEqual([]);
      const key = keyOf(file, record.fields);
      expect(seen.has(key), `${file} line ${record.line}: duplicate ${key}`).toBe(false);
      seen.add(key);
      for (const [name, [target]] of Object.entries(references[file] ?? {})) {
        const value = column(name, csvHeaders[file])(record);
        if (value === '') continue;
        expect(keys.get(target)?.has(value), `${file} line ${record.line}: ${name} ${value}`).toBe(true);
      }
    }
    keys.set(file, new Set([...seen].map((key) => key.split('+')[0] ?? '')));
  }
}

describe('the clean export', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await exportBranch();
  });

  test('writes the eight files of docs/FORMATS.md with its headers, in its column order', () => {
    const formats = readFormats();
    expect([...formats.keys()]).toEqual([...csvFileNames]);
    for (const name of csvFileNames) {
      const documented = formats.get(name)?.map((c) => c.name);
      expect(csvHeaders[name]).toEqual(documented);
      const firstLine = readFileSync(join(dir, name), 'utf8').split('\r\n')[0];
      expect(firstLine, name).toBe(documented?.join(','));
    }
    expect(readdirSync(dir).sort()).toEqual([...csvFileNames, 'latent_groups.csv', 'manifest.json'].sort());
  });

  test('is importable as it stands: every value valid, every key unique, every reference resolved', () => {
    const byFile = new Map(csvFileNames.map((name) => [name, records(dir, name).slice(1)]));
    expectImportable(byFile);
    expect(byFile.get('customers.csv')).toHaveLength(base.customers);
  });

  test("reads back to exactly the generator's records: every amount to the fen, every rate to the basis point", () => {
    const staff = demoStaff(base.seed, base.customers);
    const generator = new DemoGenerator({
      seed: base.seed,
      branchId: '3413',
      managerIds: staff.filter((s) => s.role === 'rm').map((s) => s.staff_id),
      asOf: base.asOf,
      activityMonths: base.months,
      addressDetails: true,
    });
    const read = (name: (typeof csvFileNames)[number]) => {
      const header = csvHeaders[name];
      return records(dir, name)
        .slice(1)
        .map((r) => Object.fromEntries(header.map((h, i) => [h, r.fields[i] ?? ''])));
    };
    const customers = read('customers.csv');
    const holdings = read('holdings.csv');
    const activity = read('activity.csv');
    const loans = read('loans.csv');
    const repayments = read('repayments.csv');
    const blacklist = read('blacklist.csv');
    const complaints = read('complaints.csv');
    let b = 0;
    let c = 0;
    let h = 0;
    let a = 0;
    let l = 0;
    let r = 0;
    for (let index = 0; index < base.customers; index++) {
      const g = generator.customer(index);
      // The export has no columns for the totals the database keeps beside each customer.
      const customer: Partial<typeof g.customer> = { ...g.customer };
      delete customer.deposit_balance_fen;
      delete customer.loan_balance_fen;
      delete customer.updated_at;
      const row = customers[index] ?? {};
      expect({
        ...row,
        phone: row.phone || null,
        consent_marketing: Number(row.consent_marketing),
        consent_sms: Number(row.consent_sms),
        consent_phone: Number(row.consent_phone),
        consent_visit: Number(row.consent_visit),
        consent_app: Number(row.consent_app),
        do_not_contact: Number(row.do_not_contact),
      }).toEqual(customer);
      for (const holding of g.holdings) {
        const { balance, closed_on, ...rest } = holdings[h++] ?? {};
        expect(closed_on).toBe('');
        expect({ ...rest, balance_fen: yuanToFen(balance ?? '') }).toEqual(holding);
      }
      for (const month of g.activity) {
        const { amount = '', avg_balance = '', fee_income = '', ...rest } = activity[a++] ?? {};
        expect({
          ...rest,
          deposit_count: Number(rest.deposit_count),
          withdrawal_count: Number(rest.withdrawal_count),
          card_swipes: Number(rest.card_swipes),
          amount_fen: yuanToFen(amount),
          avg_balance_fen: yuanToFen(avg_balance),
          fee_income_fen: yuanToFen(fee_income),
        }).toEqual(month);
      }
      for (const loan of g.loans) {
        const { principal = '', balance = '', rate = '', ...rest } = loans[l++] ?? {};
        expect({
          ...rest,
          principal_fen: yuanToFen(principal),
          balance_fen: yuanToFen(balance),
          rate_bp: yuanToFen(rate),
        }).toEqual(loan);
      }
      for (const repayment of g.repayments) {
        const { due_amount = '', paid_amount = '', paid_date, days_past_due, ...rest } = repayments[r++] ?? {};
        expect({
          ...rest,
          due_fen: yuanToFen(due_amount),
          paid_fen: yuanToFen(paid_amount),
          paid_date: paid_date || null,
          days_past_due: Number(days_past_due),
        }).toEqual(repayment);
      }
      if (g.blacklist) {
        const row = blacklist[b++] ?? {};
        expect({ ...row, source: row.source || null, lifted_on: row.lifted_on || null }).toEqual(g.blacklist);
      }
      for (const complaint of g.complaints) {
        const row = complaints[c++] ?? {};
        expect({ ...row, resolved_on: row.resolved_on || null }).toEqual(complaint);
      }
    }
    expect([h, a, l, r, b, c]).toEqual([
      holdings.length,
      activity.length,
      loans.length,
      repayments.length,
      blacklist.length,
      complaints.length,
    ]);
    expect(complaints.length).toBeGreaterThan(0);
  });

  test('writes amounts as plain yuan with two decimals and flags as 1/0', () => {
    const text = readFileSync(join(dir, 'activity.csv'), 'utf8');
    for (const record of parseCsv(text).slice(1, 200)) {
      for (const value of record.fields.slice(6)) expect(value).toMatch(/^\d+\.\d{2}$/);
    }
    for (const record of records(dir, 'customers.csv').slice(1)) {
      for (const flag of record.fields.slice(14)) expect(flag).toMatch(/^[01]$/);
    }
  });

  test('some addresses hold a comma or a quote, and are quoted', () => {
    const address = column('address', csvHeaders['customers.csv']);
    const tricky = records(dir, 'customers.csv')
      .slice(1)
      .map(address)
      .filter((value) => /[",]/.test(value));
    expect(tricky.length).toBeGreaterThan(2);
    expect(tricky.some((value) => value.includes('"'))).toBe(true);
    expect(readFileSync(join(dir, 'customers.csv'), 'utf8')).toContain(`,"${tricky[0]?.replaceAll('"', '""')}",`);
  });

  test('names the same staff as the direct demo load of the same seed and size', async () => {
    const file = join(tempDirForTest(), 'branchloop.sqlite');
    await loadDemoFile(file, { customers: base.customers, seed: base.seed, activityMonths: 1 });
    const db = new Database(file, { readonly: true });
    try {
      const loaded = db.prepare('SELECT staff_id, branch_id, name, role FROM staff ORDER BY staff_id').all();
      const exported = records(dir, 'staff.csv')
        .slice(1)
        .map(({ fields: [staff_id, branch_id, name, role] }) => ({ staff_id, branch_id, name, role }))
        .sort((x, y) => (x.staff_id ?? '').localeCompare(y.staff_id ?? ''));
      expect(exported).toEqual(loaded);
    } finally {
      db.close();
    }
  });

  test('the manifest gives every file its rows, bytes and SHA-256, and the latent truth', async () => {
    const manifest = manifestOf(dir);
    expect(manifest).toMatchObject({ seed: 11, customers: 300, months: 6, asOf: '2026-06-30', encoding: 'utf-8' });
    expect(manifest.files.map((f) => f.name)).toEqual([...csvFileNames]);
    for (const file of [...manifest.files, manifest.latent.file]) {
      expect(file.sha256, file.name).toBe(fileSha256(join(dir, file.name)));
      expect(file.bytes).toBe(readFileSync(join(dir, file.name)).length);
      expect(file.rows).toBe(records(dir, file.name).length - 1);
    }
    expect(manifest.expected).toBeNull();
    // Each customer's latent group is the profile the generator drew for it.
    const generator = new DemoGenerator({
      seed: base.seed,
      branchId: '3413',
      managerIds: ['R001', 'R002', 'R003'],
      asOf: base.asOf,
      activityMonths: 1,
    });
    const latent = records(dir, 'latent_groups.csv');
    expect(latent[0]?.fields).toEqual(['customer_id', 'group']);
    latent.slice(1).forEach(({ fields: [customerId, group] }, index) => {
      expect(customerId).toBe(generator.customerId(index));
      expect(group).toBe(generator.customer(index).profile);
    });
    expect(manifest.latent.groups.reduce((sum, g) => sum + g.customers, 0)).toBe(300);
    const affluent = manifest.latent.productAssociations.find((p) => p.group === 'affluent');
    expect(affluent?.highProbability).toEqual(['E01', 'W01', 'D03', 'E02', 'C02', 'W02', 'D02']);
    expect(manifest.latent.productAssociations.map((p) => p.group)).toEqual(profiles.map((p) => p.key));
  });
});

describe('determinism and encodings', () => {
  test('the same options give byte-identical files; another seed gives others', async () => {
    const [first, second, other] = await Promise.all([
      exportBranch({ customers: 150, dirty: true }),
      exportBranch({ customers: 150, dirty: true }),
      exportBranch({ customers: 150, dirty: true, seed: 12 }),
    ]);
    const names = readdirSync(first).sort();
    expect(readdirSync(second).sort()).toEqual(names);
    for (const name of names) expect(fileSha256(join(second, name)), name).toBe(fileSha256(join(first, name)));
    expect(fileSha256(join(other, 'customers.csv'))).not.toBe(fileSha256(join(first, 'customers.csv')));
    expect(fileSha256(join(other, 'activity.csv'))).not.toBe(fileSha256(join(first, 'activity.csv')));
  });

  test('GBK files decode as GB18030 to the very text of the UTF-8 files; --bom only prefixes EF BB BF', async () => {
    const [utf8, gbk, bom] = await Promise.all([
      exportBranch({ customers: 120, dirty: true }),
      exportBranch({ customers: 120, dirty: true, encoding: 'gbk' }),
      exportBranch({ customers: 120, dirty: true, bom: true }),
    ]);
    const decoder = new TextDecoder('gb18030', { fatal: true });
    for (const name of csvFileNames) {
      const text = readFileSync(join(utf8, name), 'utf8');
      const gbkBytes = readFileSync(join(gbk, name));
      expect(decoder.decode(gbkBytes), name).toBe(text);
      if ([...text].some((ch) => ch.charCodeAt(0) > 0x7f))
        expect(gbkBytes.equals(Buffer.from(text, 'utf8'))).toBe(false);
      const withBom = readFileSync(join(bom, name));
      expect(withBom.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(withBom.subarray(3).equals(readFileSync(join(utf8, name)))).toBe(true);
    }
    for (const name of ['latent_groups.csv', 'expected_rejections.csv']) {
      expect(fileSha256(join(gbk, name))).toBe(fileSha256(join(utf8, name)));
    }
    expect(manifestOf(gbk).encoding).toBe('gbk');
  });

  test('a byte order mark with GBK is refused', async () => {
    await expect(exportBranch({ encoding: 'gbk', bom: true })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('the dirty export', () => {
  let clean = '';
  let dirty = '';
  let expected: { file: (typeof csvFileNames)[number]; line: number; column: string; value: string; code: string }[] =
    [];
  beforeAll(async () => {
    [clean, dirty] = await Promise.all([exportBranch(), exportBranch({ dirty: true })]);
    const rows = records(dirty, 'expected_rejections.csv');
    expect(rows[0]?.fields).toEqual(['file', 'line', 'column', 'value', 'code']);
    expected = rows.slice(1).map(({ fields: [file = '', line = '', column = '', value = '', code = ''] }) => ({
      file: file as (typeof csvFileNames)[number],
      line: Number(line),
      column,
      value,
      code,
    }));
  });

  test('plants at least one row for every reason code, and the sub-cases the importer must tell apart', () => {
    expect(new Set(expected.map((r) => r.code))).toEqual(new Set(rejectionCodes));
    const unknown = expected.filter((r) => r.code === 'unknown_reference').map((r) => `${r.file}:${r.column}`);
    expect(unknown).toEqual(
      expect.arrayContaining([
        'holdings.csv:customer_id',
        'loans.csv:product_id',
        'repayments.csv:loan_id',
        'customers.csv:manager_id',
      ]),
    );
    expect(expected.filter((r) => r.code === 'bad_resident_id')).toHaveLength(2);
    // Spread through the files: every customer-level file has planted rows well inside it.
    for (const file of ['customers.csv', 'holdings.csv', 'activity.csv', 'loans.csv', 'repayments.csv'] as const) {
      const lines = expected.filter((r) => r.file === file).map((r) => r.line);
      const total = records(dirty, file).length;
      expect(Math.min(...lines)).toBeLessThan(total / 2);
      expect(Math.max(...lines)).toBeGreaterThan(total / 2);
    }
  });

  test('each listed line starts a record holding the value, with that one fault and no other', () => {
    const byFile = new Map(csvFileNames.map((name) => [name, records(dirty, name)]));
    const rejectedLines = new Set(expected.map((r) => `${r.file}:${r.line}`));
    const accepted = new Map(
      csvFileNames.map((name) => [
        name,
        (byFile.get(name) ?? []).slice(1).filter((rec) => !rejectedLines.has(`${name}:${rec.line}`)),
      ]),
    );
    for (const rejection of expected) {
      const where = `${rejection.file} line ${rejection.line} (${rejection.code})`;
      const record = byFile.get(rejection.file)?.find((r) => r.line === rejection.line);
      expect(record, where).toBeDefined();
      const fields = record?.fields ?? [];
      const header = csvHeaders[rejection.file];
      if (rejection.code === 'wrong_columns') {
        expect(fields.length, where).not.toBe(header.length);
        expect([rejection.column, rejection.value]).toEqual(['', '']);
        continue;
      }
      const problems = rowProblems(rejection.file, fields, base.asOf);
      if (rejection.code === 'duplicate_key') {
        expect(rejection.column).toBe(csvKeys[rejection.file].join('+'));
        expect(keyOf(rejection.file, fields)).toBe(rejection.value);
        const earlier = accepted.get(rejection.file)?.find((r) => keyOf(rejection.file, r.fields) === rejection.value);
        expect(earlier && earlier.line < rejection.line, where).toBe(true);
        expect(problems, where).toEqual([]);
        continue;
      }
      expect(fields[header.indexOf(rejection.column)], where).toBe(rejection.value);
      if (rejection.code === 'unknown_reference') {
        const [target, targetColumn] = references[rejection.file]?.[rejection.column] ?? ['', ''];
        const known = (accepted.get(target as (typeof csvFileNames)[number]) ?? []).map(
          column(targetColumn, csvHeaders[target as (typeof csvFileNames)[number]] ?? []),
        );
        expect(known, where).not.toContain(rejection.value);
        expect(problems, where).toEqual([]);
        continue;
      }
      expect(problems, where).toEqual([{ column: rejection.column, code: rejection.code }]);
    }
    // What is not listed is importable: the planted rows reject nothing else.
    expectImportable(accepted);
  });

  test('is the clean export plus the planted rows: no clean row changed, moved out of order or lost', () => {
    const manifest = manifestOf(dirty);
    const planted = new Set([
      ...expected.map((r) => `${r.file}:${r.line}`),
      ...(manifest.expected?.accepted ?? []).map((r) => `${r.file}:${r.line}`),
    ]);
    for (const name of csvFileNames) {
      const kept = records(dirty, name).filter((r) => !planted.has(`${name}:${r.line}`));
      expect(
        kept.map((r) => r.fields),
        name,
      ).toEqual(records(clean, name).map((r) => r.fields));
    }
    expect(fileSha256(join(dirty, 'latent_groups.csv'))).toBe(fileSha256(join(clean, 'latent_groups.csv')));
  });

  test('the odd but valid rows are listed with their keys, and the amount traps with their fen', () => {
    const manifest = manifestOf(dirty);
    const accepted = manifest.expected?.accepted ?? [];
    expect(accepted.length).toBeGreaterThan(10);
    for (const row of accepted) {
      const file = row.file as (typeof csvFileNames)[number];
      const record = records(dirty, file).find((r) => r.line === row.line);
      const rawKey = csvKeys[file].map((name) => record?.fields[csvHeaders[file].indexOf(name)]).join('+');
      expect(rawKey, `${file} line ${row.line}: ${row.note}`).toBe(row.key);
    }
    const customers = records(dirty, 'customers.csv');
    const withLineBreak = customers.find((r) => r.fields.some((f) => f.includes('\n')));
    expect(withLineBreak?.fields[csvHeaders['customers.csv'].indexOf('address')]).toMatch(/\n.*,/);
    // A record with a line break inside makes the next record start two lines further on.
    const next = customers[customers.indexOf(withLineBreak!) + 1];
    expect(next?.line).toBe((withLineBreak?.line ?? 0) + 2);
    const traps = manifest.expected?.amountTraps ?? [];
    expect(traps.map((t) => t.value)).toEqual(expect.arrayContaining(['0.30', '0.29', '1.15', '12,345.67']));
    for (const trap of traps) {
      const record = records(dirty, trap.file).find((r) => r.line === trap.line);
      expect(record?.fields[csvHeaders[trap.file].indexOf(trap.column)]).toBe(trap.value);
      expect(yuanToFen(trap.value)).toBe(trap.fen);
    }
    const hash = manifest.expected?.rejections.sha256;
    expect(hash).toBe(fileSha256(join(dirty, 'expected_rejections.csv')));
  });
});

describe('cancellation', () => {
  test('a cancelled export leaves no file that looks complete, nor the manifest of an earlier one', async () => {
    const dir = tempDirForTest('branchloop-demo-cancel-');
    await writeDemoCsv({ ...base, customers: 50, outDir: dir });
    expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
    const cancel = new AbortController();
    const run = writeDemoCsv(
      { ...base, customers: 20_000, months: 1, outDir: dir },
      { signal: cancel.signal, onProgress: () => cancel.abort() },
    );
    await expect(run).rejects.toMatchObject({ code: 'cancelled' } satisfies Partial<AppError>);
    expect(readdirSync(dir)).toEqual([]);
  });
});
