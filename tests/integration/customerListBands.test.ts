// The list's age band, occupation, deposit band and product held / not held filters on a small demo
// branch: the rows and the count equal the same filter applied in JavaScript to every customer.
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { birthDateRange } from '../../db/queries/customerBands.js';
import { ageBands, balanceBands, occupations, type CustomerFilters } from '../../electron/api/contract.js';
import { validateCall } from '../../electron/api/validate.js';
import { countCustomersCached, listCustomers } from '../../electron/services/customers/list.js';
import { ageOn, todayIso } from '../../electron/services/dates.js';
import { demoTemplate } from '../helpers/demoDatabase.js';
import { parsedInput, serviceContext } from '../helpers/services.js';
import { makeTempDir, removeTempDir } from '../helpers/tempDir.js';

interface StoredCustomer {
  customer_id: string;
  name: string;
  birth_date: string | null;
  occupation: string;
  area_type: string;
  deposit_balance_fen: number;
}

const demo = demoTemplate({ customers: 400, seed: 5 });
let dir: string;
let db: Database.Database;
let stored: StoredCustomer[];
/** Product id → customers with a holding of it that is not closed. */
let holders: Map<string, Set<string>>;
let productIds: string[];

beforeAll(() => {
  dir = makeTempDir();
  db = openDatabase(demo.copy(dir).databaseFile);
  stored = db.prepare('SELECT * FROM customers').all() as StoredCustomer[];
  holders = new Map();
  const holdings = db.prepare('SELECT customer_id, product_id, status FROM holdings').all() as {
    customer_id: string;
    product_id: string;
    status: string;
  }[];
  for (const h of holdings) {
    if (h.status === 'closed') continue;
    const set = holders.get(h.product_id) ?? new Set<string>();
    set.add(h.customer_id);
    holders.set(h.product_id, set);
  }
  productIds = db.prepare('SELECT product_id FROM products ORDER BY product_id').pluck().all() as string[];
});

afterAll(() => {
  db?.close();
  if (dir) removeTempDir(dir);
});

function everyId(filters: CustomerFilters): string[] {
  const ids: string[] = [];
  const ctx = serviceContext(db);
  for (let offset = 0; ; offset += 97) {
    // An odd page size and the default sort, so that walks, filter-first reads and sorts all take part.
    const page = listCustomers(ctx, parsedInput('customers.list', { filters, offset, limit: 97 }));
    ids.push(...page.rows.map((r) => r.customerId));
    if (!page.hasMore) return ids.sort();
  }
}

function count(filters: CustomerFilters): number {
  return countCustomersCached(serviceContext(db), parsedInput('customers.count', { filters })).total;
}

const ageLimits = {
  under18: [0, 17],
  '18to30': [18, 30],
  '31to45': [31, 45],
  '46to60': [46, 60],
  over60: [61, 200],
} as const;
const fenLimits = {
  under10k: [-Infinity, 1_000_000],
  '10kTo50k': [1_000_000, 5_000_000],
  '50kTo200k': [5_000_000, 20_000_000],
  '200kTo500k': [20_000_000, 50_000_000],
  atLeast500k: [50_000_000, Infinity],
} as const;

function expectSame(filters: CustomerFilters, matches: (c: StoredCustomer) => boolean): number {
  const expected = stored
    .filter(matches)
    .map((c) => c.customer_id)
    .sort();
  const ids = everyId(filters);
  expect(ids).toEqual(expected);
  expect(count(filters)).toBe(ids.length);
  return ids.length;
}

describe('customers.list age band', () => {
  test.each(ageBands)('%s: the customers whose age today is in the band', (band) => {
    const [min, max] = ageLimits[band];
    const today = todayIso();
    expectSame({ ageBand: band }, (c) => {
      const age = ageOn(c.birth_date, today);
      return age !== null && age >= min && age <= max;
    });
  });

  test('the bands cover every customer with a birth date, once', () => {
    const total = ageBands.reduce((sum, band) => sum + count({ ageBand: band }), 0);
    expect(total).toBe(stored.filter((c) => c.birth_date !== null).length);
  });

  test('a birthday on the day counts, the day after it does not yet', () => {
    expect(birthDateRange('18to30', '2026-11-23')).toEqual({ bornAfter: '1995-11-23', bornOnOrBefore: '2008-11-23' });
    // Born 29 Feb 2008: 18 on 1 March 2026, not on 28 February.
    const on28 = birthDateRange('18to30', '2026-02-28');
    const on01 = birthDateRange('18to30', '2026-03-01');
    expect('2008-02-29' <= on28.bornOnOrBefore!).toBe(false);
    expect('2008-02-29' <= on01.bornOnOrBefore!).toBe(true);
    expect(birthDateRange('over60', '2026-11-23')).toEqual({ bornOnOrBefore: '1965-11-23' });
  });
});

describe('customers.list occupation and deposit band', () => {
  test.each(occupations)('occupation %s', (occupation) => {
    expectSame({ occupation }, (c) => c.occupation === occupation);
  });

  test.each(balanceBands)('deposit balance band %s, lower end included', (band) => {
    const [from, below] = fenLimits[band];
    expectSame({ balanceBand: band }, (c) => c.deposit_balance_fen >= from && c.deposit_balance_fen < below);
  });

  test('every band and most occupations match someone in the demo branch', () => {
    for (const band of balanceBands) expect(count({ balanceBand: band }), band).toBeGreaterThan(0);
    expect(occupations.filter((o) => count({ occupation: o }) > 0).length).toBeGreaterThanOrEqual(4);
  });
});

describe('customers.list product held / not held', () => {
  test('held and not held split the branch for every product', () => {
    for (const productId of productIds) {
      const held = holders.get(productId) ?? new Set<string>();
      const n = expectSame({ productHeld: productId }, (c) => held.has(c.customer_id));
      const m = expectSame({ productNotHeld: productId }, (c) => !held.has(c.customer_id));
      expect(n + m).toBe(stored.length);
    }
    expect(productIds.filter((p) => (holders.get(p)?.size ?? 0) > 0).length).toBeGreaterThan(3);
  });

  test('a closed holding is not held', () => {
    const closed = db.prepare(`SELECT customer_id, product_id FROM holdings WHERE status = 'closed' LIMIT 1`).get() as
      { customer_id: string; product_id: string } | undefined;
    if (!closed) return;
    const stillHeld = holders.get(closed.product_id)?.has(closed.customer_id) ?? false;
    expect(everyId({ productHeld: closed.product_id }).includes(closed.customer_id)).toBe(stillHeld);
  });

  test('an unknown product is held by nobody', () => {
    expect(count({ productHeld: 'NO-SUCH' })).toBe(0);
    expect(count({ productNotHeld: 'NO-SUCH' })).toBe(stored.length);
  });
});

describe('customers.list combined filters', () => {
  test('occupation + deposit band + product held + not held + age band + area', () => {
    const byHolders = [...holders.entries()].sort((a, b) => b[1].size - a[1].size);
    const [common, commonSet] = byHolders[0]!;
    const [other, otherSet] = byHolders[1]!;
    const today = todayIso();
    for (const occupation of occupations) {
      for (const balanceBand of ['10kTo50k', '50kTo200k'] as const) {
        const [from, below] = fenLimits[balanceBand];
        expectSame(
          { occupation, balanceBand, productHeld: common, productNotHeld: other },
          (c) =>
            c.occupation === occupation &&
            c.deposit_balance_fen >= from &&
            c.deposit_balance_fen < below &&
            commonSet.has(c.customer_id) &&
            !otherSet.has(c.customer_id),
        );
      }
    }
    expectSame({ ageBand: '46to60', areaType: 'rural', productHeld: other, text: '王' }, (c) => {
      const age = ageOn(c.birth_date, today);
      return (
        age !== null &&
        age >= 46 &&
        age <= 60 &&
        c.area_type === 'rural' &&
        otherSet.has(c.customer_id) &&
        c.name.startsWith('王')
      );
    });
  });

  test('every sort gives the same set under the new filters', () => {
    const [common] = [...holders.entries()].sort((a, b) => b[1].size - a[1].size)[0]!;
    const filters: CustomerFilters = { occupation: 'farmer', productHeld: common, ageBand: '31to45' };
    const expected = everyId(filters);
    const ctx = serviceContext(db);
    for (const column of ['customerId', 'name', 'age', 'depositBalance', 'loanBalance', 'customerSince'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const rows = listCustomers(
          ctx,
          parsedInput('customers.list', { filters, sort: { column, direction }, limit: 500 }),
        )
          .rows.map((r) => r.customerId)
          .sort();
        expect(rows, `${column} ${direction}`).toEqual(expected);
      }
    }
  });
});

describe('customer filter validation', () => {
  test.each([
    [{ ageBand: 'teen' }, /filters\.ageBand: age band must be one of under18/],
    [{ balanceBand: '1m' }, /filters\.balanceBand: balance band must be one of/],
    [{ occupation: 'pilot' }, /filters\.occupation: occupation must be one of farmer/],
    [{ productHeld: '' }, /filters\.productHeld: product id is empty/],
    [{ productNotHeld: 'x'.repeat(33) }, /filters\.productNotHeld: product id is longer than 32/],
  ])('%j is refused with invalid_input naming the field', (filters, message) => {
    for (const method of ['customers.list', 'customers.count'] as const) {
      const result = validateCall(method, { filters });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_input');
        expect(result.error.message).toMatch(message);
      }
    }
  });
});
