// The customer list and count services on a small demo branch: sorting, paging, filters, text search
// and masking, checked against the same rows read straight from the table and handled in JavaScript.
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { customerSortColumns, type CustomerFilters } from '../../electron/api/contract.js';
import type { CustomerRow } from '../../electron/api/types.js';
import { countCustomersCached, listCustomers } from '../../electron/services/customers/list.js';
import { maskPhone } from '../../electron/services/privacy.js';
import { demoTemplate } from '../helpers/demoDatabase.js';
import { parsedInput, serviceContext } from '../helpers/services.js';
import { makeTempDir, removeTempDir } from '../helpers/tempDir.js';

interface StoredCustomer {
  customer_id: string;
  name: string;
  birth_date: string | null;
  id_number: string | null;
  phone: string | null;
  area_type: 'urban' | 'rural';
  town: string | null;
  village: string | null;
  manager_id: string | null;
  deposit_balance_fen: number;
  loan_balance_fen: number;
  customer_since: string;
}

type SortColumn = (typeof customerSortColumns)[number];
type Direction = 'asc' | 'desc';

const customerCount = 300;
const demo = demoTemplate({ customers: customerCount, seed: 3 });
let dir: string;
let db: Database.Database;
let stored: StoredCustomer[];
let byId: Map<string, StoredCustomer>;

beforeAll(() => {
  dir = makeTempDir();
  db = openDatabase(demo.copy(dir).databaseFile);
  stored = db.prepare('SELECT * FROM customers').all() as StoredCustomer[];
  byId = new Map(stored.map((c) => [c.customer_id, c]));
  expect(stored).toHaveLength(customerCount);
});

afterAll(() => {
  db?.close();
  if (dir) removeTempDir(dir);
});

function page(input: {
  filters?: CustomerFilters;
  sort?: { column: SortColumn; direction: Direction };
  offset?: number;
  limit?: number;
}) {
  return listCustomers(serviceContext(db), parsedInput('customers.list', input));
}

function count(filters: CustomerFilters): number {
  return countCustomersCached(serviceContext(db), parsedInput('customers.count', { filters })).total;
}

/** Every row the list yields for `filters`, fetched page by page. */
function everyRow(
  filters: CustomerFilters,
  sort = { column: 'customerId' as SortColumn, direction: 'asc' as Direction },
  limit = 500,
): CustomerRow[] {
  const rows: CustomerRow[] = [];
  for (let offset = 0; ; offset += limit) {
    const result = page({ filters, sort, offset, limit });
    expect(result.offset).toBe(offset);
    rows.push(...result.rows);
    if (!result.hasMore) return rows;
  }
}

function ids(rows: { customerId: string }[] | { customer_id: string }[]): string[] {
  return rows.map((r) => ('customerId' in r ? r.customerId : r.customer_id)).sort();
}

/** The value a sort orders by, for a stored customer. Age ascending is birth date descending. */
function sortKey(column: SortColumn, customer: StoredCustomer): string | number | null {
  switch (column) {
    case 'customerId':
      return customer.customer_id;
    case 'name':
      return customer.name;
    case 'age':
      return customer.birth_date;
    case 'depositBalance':
      return customer.deposit_balance_fen;
    case 'loanBalance':
      return customer.loan_balance_fen;
    case 'customerSince':
      return customer.customer_since;
  }
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  // Code-point order, which is SQLite's BINARY collation on UTF-8 text.
  if (typeof a === 'string' && typeof b === 'string') {
    const [x, y] = [[...a], [...b]];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const d = (x[i]!.codePointAt(0) ?? 0) - (y[i]!.codePointAt(0) ?? 0);
      if (d !== 0) return d;
    }
    return x.length - y.length;
  }
  return (a as number) - (b as number);
}

describe('customers.list sorting', () => {
  test.each(
    customerSortColumns.flatMap((column) => (['asc', 'desc'] as const).map((direction) => ({ column, direction }))),
  )('by $column $direction matches a sort in JavaScript', ({ column, direction }) => {
    const rows = everyRow({}, { column, direction });
    expect(ids(rows)).toEqual(ids(stored));
    // For age, ascending means younger first: later birth dates first.
    const keyDirection = column === 'age' ? (direction === 'asc' ? -1 : 1) : direction === 'asc' ? 1 : -1;
    const expected = stored.map((c) => sortKey(column, c)).sort((a, b) => keyDirection * compare(a, b));
    expect(rows.map((r) => sortKey(column, byId.get(r.customerId)!))).toEqual(expected);
    if (column === 'age') {
      const ages = rows.map((r) => r.age!);
      expect(ages).toEqual([...ages].sort((a, b) => (direction === 'asc' ? a - b : b - a)));
    }
  });

  test('the same request always gives the same order, ties included', () => {
    const sort = { column: 'loanBalance' as const, direction: 'asc' as const };
    expect(everyRow({}, sort).map((r) => r.customerId)).toEqual(everyRow({}, sort).map((r) => r.customerId));
  });

  test('defaults to the largest deposit balance first, 100 rows a page', () => {
    const result = page({});
    expect(result.rows).toHaveLength(100);
    const balances = result.rows.map((r) => r.depositBalanceFen);
    expect(balances[0]).toBe(Math.max(...stored.map((c) => c.deposit_balance_fen)));
    expect(balances).toEqual([...balances].sort((a, b) => b - a));
  });
});

describe('customers.list paging', () => {
  const filterChoices: CustomerFilters[] = [
    {},
    { areaType: 'rural' },
    { text: '王' },
    { areaType: 'urban', managerId: 'R002' },
  ];

  test('pages of any size join up without gaps or duplicates', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...customerSortColumns),
        fc.constantFrom<Direction>('asc', 'desc'),
        fc.integer({ min: 1, max: 120 }),
        fc.constantFrom(...filterChoices),
        (column, direction, limit, filters) => {
          const whole = everyRow(filters, { column, direction }).map((r) => r.customerId);
          const paged = everyRow(filters, { column, direction }, limit).map((r) => r.customerId);
          expect(paged).toEqual(whole);
          expect(new Set(paged).size).toBe(paged.length);
        },
      ),
      { numRuns: 40 },
    );
  });

  test('hasMore is true exactly while rows remain beyond the page', () => {
    expect(page({ offset: 0, limit: customerCount })).toMatchObject({ hasMore: false });
    expect(page({ offset: 0, limit: customerCount - 1 })).toMatchObject({ hasMore: true });
    const last = page({ offset: customerCount - 1, limit: 1 });
    expect(last.rows).toHaveLength(1);
    expect(last.hasMore).toBe(false);
    expect(page({ offset: customerCount - 2, limit: 1 }).hasMore).toBe(true);
    expect(page({ offset: customerCount, limit: 10 })).toEqual({ offset: customerCount, rows: [], hasMore: false });
    expect(page({ offset: 10 * customerCount, limit: 10 })).toMatchObject({ rows: [], hasMore: false });
  });
});

describe('customers.list filters', () => {
  const sample = () => stored[17]!;
  const cases: { name: string; filters: () => CustomerFilters; matches: (c: StoredCustomer) => boolean }[] = [
    { name: 'area type', filters: () => ({ areaType: 'urban' }), matches: (c) => c.area_type === 'urban' },
    { name: 'town', filters: () => ({ town: sample().town! }), matches: (c) => c.town === sample().town },
    {
      name: 'village',
      filters: () => ({ village: sample().village! }),
      matches: (c) => c.village === sample().village,
    },
    {
      name: 'manager',
      filters: () => ({ managerId: sample().manager_id! }),
      matches: (c) => c.manager_id === sample().manager_id,
    },
    {
      name: 'area type and manager',
      filters: () => ({ areaType: 'rural', managerId: sample().manager_id! }),
      matches: (c) => c.area_type === 'rural' && c.manager_id === sample().manager_id,
    },
    {
      name: 'town, village and manager',
      filters: () => ({ town: sample().town!, village: sample().village!, managerId: sample().manager_id! }),
      matches: (c) =>
        c.town === sample().town && c.village === sample().village && c.manager_id === sample().manager_id,
    },
    {
      name: 'name prefix and town',
      filters: () => ({ text: sample().name.slice(0, 1), town: sample().town! }),
      matches: (c) => c.name.startsWith(sample().name.slice(0, 1)) && c.town === sample().town,
    },
    { name: 'a town that does not exist', filters: () => ({ town: '火星镇' }), matches: () => false },
  ];

  test.each(cases)('$name: exactly the matching customers, and the count agrees', ({ filters, matches }) => {
    const expected = stored.filter(matches);
    const rows = everyRow(filters());
    expect(ids(rows)).toEqual(ids(expected));
    expect(count(filters())).toBe(rows.length);
  });

  test('every filter narrows the branch to a non-empty part of it', () => {
    for (const { name, filters } of cases.slice(0, 4)) {
      const n = count(filters());
      expect(n, name).toBeGreaterThan(0);
      expect(n, name).toBeLessThan(customerCount);
    }
    expect(count({})).toBe(customerCount);
  });
});

describe('customers.list text search', () => {
  const search = (text: string) =>
    everyRow({ text })
      .map((r) => r.customerId)
      .sort();

  test('a customer number matches that customer only, and only whole', () => {
    const customer = stored[42]!;
    expect(search(customer.customer_id)).toEqual([customer.customer_id]);
    expect(search(customer.customer_id.slice(0, -1))).toEqual([]);
    expect(search(customer.customer_id.slice(1))).toEqual([]);
  });

  test('a phone number matches the customers with that phone, and only whole', () => {
    const phone = stored.find((c) => c.phone)!.phone!;
    expect(search(phone)).toEqual(ids(stored.filter((c) => c.phone === phone)));
    expect(search(phone.slice(0, 7))).toEqual([]);
  });

  test('a resident ID number matches whole, with the check character X in either case', () => {
    const withX = stored.find((c) => c.id_number?.endsWith('X'));
    expect(withX, 'the demo branch should hold an ID ending in X').toBeDefined();
    const idNumber = withX!.id_number!;
    expect(search(idNumber)).toEqual([withX!.customer_id]);
    expect(search(idNumber.toLowerCase())).toEqual([withX!.customer_id]);
    expect(search(idNumber.slice(0, 17))).toEqual([]);
    const plain = stored.find((c) => c.id_number && !c.id_number.endsWith('X'))!;
    expect(search(plain.id_number!)).toEqual([plain.customer_id]);
  });

  test('a name matches as a prefix', () => {
    const name = stored[5]!.name;
    for (const prefix of [name.slice(0, 1), name.slice(0, 2), name]) {
      expect(search(prefix), prefix).toEqual(ids(stored.filter((c) => c.name.startsWith(prefix))));
    }
    // A character from the middle of names finds only names that start with it.
    const inner = stored.find((c) => [...c.name].length >= 3)!.name.slice(-1);
    expect(search(inner)).toEqual(ids(stored.filter((c) => c.name.startsWith(inner))));
  });

  test('surrounding spaces are ignored and wildcards are plain characters', () => {
    const name = stored[9]!.name;
    expect(search(`  ${name}  `)).toEqual(search(name));
    expect(search(`${name.slice(0, 1)}%`)).toEqual([]);
    expect(search('_')).toEqual([]);
    expect(search('   ')).toHaveLength(customerCount);
  });

  test('the count agrees with the rows for every kind of search', () => {
    const customer = stored[77]!;
    for (const text of [
      customer.customer_id,
      customer.phone ?? '',
      customer.id_number ?? '',
      customer.name.slice(0, 1),
      'zz',
    ]) {
      expect(count({ text }), text).toBe(search(text).length);
    }
  });
});

describe('customers.list privacy', () => {
  test('shows phones masked and never a raw phone or resident ID number', () => {
    const rows = everyRow({});
    for (const row of rows) {
      const customer = byId.get(row.customerId)!;
      expect(row.phoneMasked).toBe(maskPhone(customer.phone));
      if (row.phoneMasked !== null) expect(row.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    }
    const text = JSON.stringify(rows);
    for (const customer of stored) {
      if (customer.phone) expect(text).not.toContain(customer.phone);
      if (customer.id_number) expect(text).not.toContain(customer.id_number);
    }
    expect(Object.keys(rows[0]!)).not.toContain('idNumber');
  });

  test('some customers have no phone and show none', () => {
    const withoutPhone = stored.filter((c) => c.phone === null);
    expect(withoutPhone.length).toBeGreaterThan(0);
    const rows = everyRow({});
    for (const customer of withoutPhone)
      expect(rows.find((r) => r.customerId === customer.customer_id)?.phoneMasked).toBeNull();
  });
});
