// A newer snapshot of the same branch: changed rows count as updated, new ones as added, the rest as
// unchanged; every changed customer field leaves one history row with its old and new value; and the
// customers' deposit and loan totals follow the holdings and loans they sum.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { parseCsv, toCsv, yuanToFen } from '../helpers/csvText.js';
import { databaseFileName } from '../helpers/demoDatabase.js';
import { demoExportFixture, importPaths } from '../helpers/importFixtures.js';
import { tempDirForTest } from '../helpers/tempDir.js';
import { startHost } from '../helpers/workerHost.js';

const demo = demoExportFixture({ dirty: false });

function table(name: string): { header: string[]; rows: string[][] } {
  const [header, ...rows] = parseCsv(readFileSync(demo.value.path(name), 'utf8'));
  return { header: header?.fields ?? [], rows: rows.map((r) => r.fields) };
}

/** Reads the database beside the running worker (WAL lets both in). */
function query<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

interface Change {
  customer_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
}

const occupations = ['farmer', 'business', 'salaried', 'retired', 'student', 'other'];

async function importedBranch() {
  const dataDir = tempDirForTest();
  const { host } = await startHost(dataDir);
  await importPaths(host.api, demo.value.paths);
  return { dataDir, host };
}

describe('a newer snapshot', () => {
  test('customers: exact added / updated / unchanged counts, and one history row per changed field', async () => {
    const { dataDir, host } = await importedBranch();
    const { header, rows } = table('customers.csv');
    const at = (name: string) => header.indexOf(name);
    const stored = new Map(
      query<Record<string, string | number | null>>(dataDir, 'SELECT * FROM customers').map((c) => [c.customer_id, c]),
    );
    const updatedBefore = new Map([...stored].map(([id, c]) => [id, c.updated_at]));

    const expected: Change[] = [];
    const change = (row: string[], field: string, value: string) => {
      const id = row[0]!;
      const old = stored.get(id)?.[field];
      expected.push({
        customer_id: id,
        field,
        old_value: old === null || old === undefined ? null : String(old),
        new_value: value,
      });
      row[at(field)] = value;
    };
    const next = rows.map((row) => [...row]);
    const changedIds = new Set<string>();
    for (let i = 10; i < 50; i += 2) {
      const row = next[i]!;
      changedIds.add(row[0]!);
      switch (i % 8) {
        case 0:
          change(row, 'name', `${row[at('name')]}新`);
          break;
        case 2:
          change(row, 'phone', `1390000${String(i).padStart(4, '0')}`);
          change(
            row,
            'occupation',
            occupations.find((o) => o !== row[at('occupation')])!,
          );
          break;
        case 4:
          change(row, 'consent_sms', row[at('consent_sms')] === '1' ? '0' : '1');
          change(row, 'do_not_contact', row[at('do_not_contact')] === '1' ? '0' : '1');
          break;
        default:
          change(row, 'address', `${row[at('town')]}新街${i}号, 3楼`);
          change(row, 'manager_id', row[at('manager_id')] === 'R001' ? 'R002' : 'R001');
      }
    }
    const added = [1, 2, 3, 4, 5].map((k) => {
      const row = [...rows[k]!];
      row[0] = `03413999900${k}`;
      row[at('id_number')] = '';
      return row;
    });
    const dir = tempDirForTest();
    writeFileSync(join(dir, 'customers.csv'), toCsv([header, ...next.slice(0, 150), ...added, ...next.slice(150)]));

    const result = await importPaths(host.api, [join(dir, 'customers.csv')]);
    expect(result.files).toEqual([
      expect.objectContaining({
        fileName: 'customers.csv',
        rows: rows.length + 5,
        added: 5,
        updated: changedIds.size,
        unchanged: rows.length - changedIds.size,
        rejected: 0,
        skipped: false,
      }),
    ]);
    const history = query<Change & { source: string; actor: string }>(
      dataDir,
      'SELECT customer_id, field, old_value, new_value, source, actor FROM customer_changes',
    );
    const sort = (list: Change[]) =>
      [...list].sort((a, b) => `${a.customer_id}${a.field}`.localeCompare(`${b.customer_id}${b.field}`));
    expect(sort(history)).toEqual(sort(expected.map((c) => ({ ...c, source: 'import', actor: 'operator' }))));
    expect(new Set(history.map((h) => h.old_value === h.new_value))).toEqual(new Set([false]));

    const after = query<{ customer_id: string; updated_at: string }>(
      dataDir,
      'SELECT customer_id, updated_at FROM customers',
    );
    expect(after).toHaveLength(rows.length + 5);
    for (const { customer_id: id, updated_at: updatedAt } of after) {
      if (changedIds.has(id) || !updatedBefore.has(id)) expect(updatedAt, id).not.toBe(updatedBefore.get(id));
      else expect(updatedAt, id).toBe(updatedBefore.get(id));
    }
  });

  test("holdings and loans: the customers' deposit and loan totals equal the sums over what they hold", async () => {
    const { dataDir, host } = await importedBranch();
    const products = new Map(table('products.csv').rows.map(([id = '', , , category = '']) => [id, category]));
    const holdings = table('holdings.csv');
    const loans = table('loans.csv');
    const col = (header: string[], name: string) => header.indexOf(name);

    // New balances for every fifth account; some deposit accounts closed; one account moved to another customer.
    const next = holdings.rows.map((row) => [...row]);
    let changed = 0;
    next.forEach((row, i) => {
      if (i % 5 !== 0) return;
      changed += 1;
      if (i % 15 === 0 && products.get(row[col(holdings.header, 'product_id')]!) === 'deposit') {
        row[col(holdings.header, 'status')] = 'closed';
        row[col(holdings.header, 'closed_on')] = '2026-06-01';
        row[col(holdings.header, 'balance')] = '0.00';
      } else {
        row[col(holdings.header, 'balance')] =
          `${1 + ((i * 37) % 999)},${String(i % 1000).padStart(3, '0')}.${String(i % 100).padStart(2, '0')}`;
      }
    });
    const moved = next.find(
      (row, i) =>
        i % 5 === 1 &&
        products.get(row[col(holdings.header, 'product_id')]!) === 'deposit' &&
        yuanToFen(row[col(holdings.header, 'balance')]!) > 0,
    )!;
    const previousOwner = moved[col(holdings.header, 'customer_id')]!;
    const newOwner = next.find((row) => row[col(holdings.header, 'customer_id')] !== previousOwner)![
      col(holdings.header, 'customer_id')
    ]!;
    moved[col(holdings.header, 'customer_id')] = newOwner;
    changed += 1;
    const nextLoans = loans.rows.map((row, i) => {
      const copy = [...row];
      if (i % 3 === 0 && copy[col(loans.header, 'status')] === 'active') {
        copy[col(loans.header, 'balance')] = '0.00';
        copy[col(loans.header, 'status')] = 'repaid';
      }
      return copy;
    });
    const dir = tempDirForTest();
    writeFileSync(join(dir, 'holdings.csv'), toCsv([holdings.header, ...next]));
    writeFileSync(join(dir, 'loans.csv'), toCsv([loans.header, ...nextLoans]));

    const result = await importPaths(host.api, [join(dir, 'loans.csv'), join(dir, 'holdings.csv')]);
    expect(result.files.map((f) => [f.fileName, f.updated, f.added, f.rejected])).toEqual([
      ['holdings.csv', changed, 0, 0],
      ['loans.csv', nextLoans.filter((row, i) => row.join() !== loans.rows[i]!.join()).length, 0, 0],
    ]);

    // A delta file of one account, moved on to a third customer: both owners' totals change.
    const thirdOwner = next.find(
      (row) => ![previousOwner, newOwner].includes(row[col(holdings.header, 'customer_id')]!),
    )![col(holdings.header, 'customer_id')]!;
    moved[col(holdings.header, 'customer_id')] = thirdOwner;
    moved[col(holdings.header, 'balance')] = '4,321.09';
    writeFileSync(join(dir, 'holdings-delta.csv'), toCsv([holdings.header, moved]));
    const delta = await importPaths(host.api, [join(dir, 'holdings-delta.csv')]);
    expect(delta.files.map((f) => [f.rows, f.updated])).toEqual([[1, 1]]);

    // The totals worked out from the files themselves, never through floating point.
    const deposits = new Map<string, number>();
    for (const row of next) {
      const customer = row[col(holdings.header, 'customer_id')]!;
      const open = row[col(holdings.header, 'status')] !== 'closed';
      const deposit = products.get(row[col(holdings.header, 'product_id')]!) === 'deposit';
      const fen = open && deposit ? yuanToFen(row[col(holdings.header, 'balance')]!) : 0;
      deposits.set(customer, (deposits.get(customer) ?? 0) + fen);
    }
    const loanTotals = new Map<string, number>();
    for (const row of nextLoans) {
      const customer = row[col(loans.header, 'customer_id')]!;
      loanTotals.set(customer, (loanTotals.get(customer) ?? 0) + yuanToFen(row[col(loans.header, 'balance')]!));
    }
    const customers = query<{ customer_id: string; deposit_balance_fen: number; loan_balance_fen: number }>(
      dataDir,
      'SELECT customer_id, deposit_balance_fen, loan_balance_fen FROM customers ORDER BY customer_id',
    );
    expect(customers).toHaveLength(demo.value.manifest.customers);
    expect(customers.filter((c) => [previousOwner, newOwner, thirdOwner].includes(c.customer_id))).toHaveLength(3);
    for (const c of customers) {
      expect(c.deposit_balance_fen, `${c.customer_id} deposits`).toBe(deposits.get(c.customer_id) ?? 0);
      expect(c.loan_balance_fen, `${c.customer_id} loans`).toBe(loanTotals.get(c.customer_id) ?? 0);
    }
  });
});
