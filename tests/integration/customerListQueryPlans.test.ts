// EXPLAIN QUERY PLAN for the customer list on a demo branch with ANALYZE statistics: every sort, with
// and without each filter, walks an index — never the whole table — and the common pages need no sort.
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { buildWhere, countCustomers, customerPage, pageRowidsSql } from '../../db/queries/customerList.js';
import { customerSortColumns, type CustomerFilters } from '../../electron/api/contract.js';
import { demoTemplate } from '../helpers/demoDatabase.js';
import { makeTempDir, removeTempDir } from '../helpers/tempDir.js';

const demo = demoTemplate({ customers: 2000, seed: 11 });
let dir: string;
let db: Database.Database;

beforeAll(() => {
  dir = makeTempDir();
  db = openDatabase(demo.copy(dir).databaseFile);
  // The planner's choices depend on the statistics the demo load gathered.
  expect(db.prepare(`SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'customers'`).pluck().get()).toBeGreaterThan(0);
});

afterAll(() => {
  db?.close();
  if (dir) removeTempDir(dir);
});

interface FilterCase {
  name: string;
  filters: () => CustomerFilters;
  /** Columns an index search must constrain for the filter to count as indexed. */
  indexedColumns: string[];
  /** Sorts that must come straight off an index (no temp b-tree) under this filter. */
  presortedSorts: readonly string[];
  /**
   * A needle (a number, a name prefix) must always be looked up in an index: walking a sort index
   * and testing every row would read the whole table to find a handful.
   */
  needle?: boolean;
}

function sample(sql: string): string {
  const value = db.prepare(sql).pluck().get() as string | undefined;
  if (value === undefined) throw new Error(`no sample for ${sql}`);
  return value;
}

const allSorts = customerSortColumns;
const filterCases: FilterCase[] = [
  { name: 'no filter', filters: () => ({}), indexedColumns: [], presortedSorts: allSorts },
  {
    name: 'areaType',
    filters: () => ({ areaType: 'rural' }),
    indexedColumns: ['area_type'],
    presortedSorts: ['depositBalance'],
  },
  {
    name: 'town',
    filters: () => ({ town: sample(`SELECT town FROM customers GROUP BY town ORDER BY count(*) DESC`) }),
    indexedColumns: ['town'],
    presortedSorts: ['depositBalance'],
  },
  {
    name: 'village',
    filters: () => ({ village: sample(`SELECT village FROM customers GROUP BY village ORDER BY count(*) DESC`) }),
    indexedColumns: ['village'],
    presortedSorts: ['depositBalance'],
  },
  {
    name: 'managerId',
    filters: () => ({
      managerId: sample(`SELECT manager_id FROM customers GROUP BY manager_id ORDER BY count(*) DESC`),
    }),
    indexedColumns: ['manager_id'],
    presortedSorts: ['depositBalance'],
  },
  {
    name: 'occupation',
    filters: () => ({ occupation: 'farmer' }),
    indexedColumns: ['occupation'],
    presortedSorts: ['depositBalance'],
  },
  {
    name: 'ageBand',
    filters: () => ({ ageBand: '31to45' }),
    indexedColumns: ['birth_date'],
    presortedSorts: ['age'],
  },
  {
    name: 'balanceBand',
    filters: () => ({ balanceBand: '50kTo200k' }),
    indexedColumns: ['deposit_balance_fen'],
    presortedSorts: ['depositBalance'],
  },
  {
    name: 'productHeld (a rare product)',
    filters: () => ({
      productHeld: sample(`SELECT product_id FROM holdings GROUP BY product_id ORDER BY count(*) LIMIT 1`),
    }),
    indexedColumns: ['customer_id'],
    presortedSorts: [],
  },
  {
    name: 'productHeld (the commonest product)',
    filters: () => ({
      productHeld: sample(`SELECT product_id FROM holdings GROUP BY product_id ORDER BY count(*) DESC LIMIT 1`),
    }),
    indexedColumns: ['customer_id'],
    presortedSorts: [],
  },
  {
    name: 'productNotHeld',
    filters: () => ({
      productNotHeld: sample(`SELECT product_id FROM holdings GROUP BY product_id ORDER BY count(*) DESC LIMIT 1`),
    }),
    indexedColumns: [],
    presortedSorts: allSorts,
  },
  {
    name: 'customer number',
    filters: () => ({ text: sample(`SELECT customer_id FROM customers ORDER BY rowid LIMIT 1 OFFSET 500`) }),
    indexedColumns: ['customer_id', 'phone', 'id_number'],
    presortedSorts: [],
    needle: true,
  },
  {
    name: 'phone',
    filters: () => ({ text: sample(`SELECT phone FROM customers WHERE phone IS NOT NULL LIMIT 1 OFFSET 300`) }),
    indexedColumns: ['customer_id', 'phone', 'id_number'],
    presortedSorts: [],
    needle: true,
  },
  {
    name: 'resident ID ending in X',
    filters: () => ({ text: sample(`SELECT id_number FROM customers WHERE id_number LIKE '%X' LIMIT 1`) }),
    indexedColumns: ['customer_id', 'phone', 'id_number'],
    presortedSorts: [],
    needle: true,
  },
  {
    name: 'name prefix',
    filters: () => ({ text: sample(`SELECT substr(name, 1, 1) FROM customers GROUP BY 1 ORDER BY count(*) DESC`) }),
    indexedColumns: ['name'],
    presortedSorts: ['name'],
    needle: true,
  },
];

function planOf(filters: CustomerFilters, column: (typeof allSorts)[number], direction: 'asc' | 'desc'): string[] {
  const { sql, params } = pageRowidsSql(filters, { column, direction });
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ ...params, limit: 101, offset: 0 }) as {
    detail: string;
  }[];
  return rows.map((row) => row.detail);
}

/** A full pass over the table's rows: `SCAN customers` (or its alias) with no index. */
function fullTableScans(plan: string[]): string[] {
  return plan.filter(
    (line) => /^SCAN (customers|c)\b/.test(line) && !/USING (COVERING )?INDEX|USING .*PRIMARY KEY/.test(line),
  );
}

/** The columns that index searches in the plan constrain. */
function searchedColumns(plan: string[]): Set<string> {
  const columns = new Set<string>();
  for (const line of plan) {
    const match = /^SEARCH (?:customers|c) USING (?:COVERING )?(?:INDEX \S+|(?:INTEGER )?PRIMARY KEY) \((.+)\)$/.exec(
      line,
    );
    if (!match?.[1]) continue;
    for (const term of match[1].split(' AND ')) columns.add(term.replace(/[=<>].*$/, '').trim());
  }
  return columns;
}

const sortsTempBtree = (plan: string[]) => plan.some((line) => line.includes('USE TEMP B-TREE FOR ORDER BY'));

describe.each(filterCases)('customer list plan with $name', ({ filters, indexedColumns, presortedSorts, needle }) => {
  test.each(allSorts.flatMap((column) => (['asc', 'desc'] as const).map((direction) => ({ column, direction }))))(
    'sorted by $column $direction: indexed, never a full table scan',
    ({ column, direction }) => {
      const plan = planOf(filters(), column, direction);
      const why = plan.join('\n');
      expect(fullTableScans(plan), why).toEqual([]);
      if (needle) {
        const searched = searchedColumns(plan);
        for (const wanted of indexedColumns) expect(searched.has(wanted), `index on ${wanted}:\n${why}`).toBe(true);
      }
      if (presortedSorts.includes(column)) {
        expect(sortsTempBtree(plan), `expected the order to come from an index:\n${why}`).toBe(false);
      } else if (sortsTempBtree(plan)) {
        // Sorting after the filter is acceptable only when an index did the filtering.
        const searched = searchedColumns(plan);
        for (const wanted of indexedColumns) expect(searched.has(wanted), `index on ${wanted}:\n${why}`).toBe(true);
        expect(indexedColumns.length, `a temp b-tree with no filter to narrow it:\n${why}`).toBeGreaterThan(0);
      }
    },
  );
});

describe('customer list plan for the banded and product filters under the default sort', () => {
  const banded = filterCases.filter((c) =>
    ['occupation', 'ageBand', 'balanceBand', 'productHeld', 'productNotHeld'].some((n) => c.name.startsWith(n)),
  );
  test.each(banded.flatMap((c) => (['filterFirst', 'walk', 'walkBack'] as const).map((plan) => ({ ...c, plan }))))(
    '$name, $plan: read through an index, in deposit order',
    ({ filters, plan }) => {
      const { sql, params } = pageRowidsSql(filters(), { column: 'depositBalance', direction: 'desc' }, plan);
      const lines = explain(sql, { ...params, limit: 101, offset: 0 });
      expect(fullTableScans(lines), lines.join('\n')).toEqual([]);
      expect(
        lines.some((line) => /^(SCAN|SEARCH) customers USING (COVERING )?INDEX/.test(line)),
        lines.join('\n'),
      ).toBe(true);
      // A walk is a walk only if the order comes off the index it walks.
      if (plan !== 'filterFirst') expect(sortsTempBtree(lines), lines.join('\n')).toBe(false);
    },
  );
});

describe('customer list plan with combined filters', () => {
  test.each([
    { areaType: 'rural' as const, managerId: 'R001' },
    { town: '杨柳镇', village: '杨柳村' },
    { areaType: 'urban' as const, text: '王' },
    { occupation: 'farmer' as const, balanceBand: '10kTo50k' as const, productHeld: 'D01' },
    { ageBand: 'over60' as const, productNotHeld: 'D01', managerId: 'R001' },
  ])('%j: never a full table scan', (filters) => {
    for (const column of allSorts) {
      for (const direction of ['asc', 'desc'] as const) {
        const plan = planOf(filters, column, direction);
        expect(fullTableScans(plan), plan.join('\n')).toEqual([]);
      }
    }
  });
});

/** The SQL text `run` prepares on the connection, seen through a proxy in front of it. */
function statementsPrepared(run: (connection: Database.Database) => void): string[] {
  const seen: string[] = [];
  const observed = new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') {
        return (sql: string) => {
          seen.push(sql);
          return target.prepare(sql);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  run(observed);
  return seen;
}

function explain(sql: string, params: Record<string, unknown>): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail);
}

describe('customer count plan', () => {
  test.each(filterCases)('counting with $name uses an index', ({ filters, indexedColumns }) => {
    const f = filters();
    const [countSql, ...others] = statementsPrepared((connection) => countCustomers(connection, f));
    expect(others).toEqual([]);
    const plan = explain(countSql!, buildWhere(f).params);
    expect(fullTableScans(plan), plan.join('\n')).toEqual([]);
    const searched = searchedColumns(plan);
    for (const wanted of indexedColumns) expect(searched.has(wanted), plan.join('\n')).toBe(true);
  });
});

describe('customer page rows', () => {
  test('are read by rowid after the ordered rowids, not by scanning', () => {
    const sqls = statementsPrepared((connection) =>
      customerPage(connection, {}, { column: 'depositBalance', direction: 'desc' }, 0, 50),
    );
    const { sql: rowidSql } = pageRowidsSql({}, { column: 'depositBalance', direction: 'desc' });
    expect(sqls[0]).toBe(rowidSql);
    expect(sqls).toHaveLength(2);
    const plan = explain(sqls[1]!, { ids: JSON.stringify([1, 2, 3]) });
    expect(fullTableScans(plan), plan.join('\n')).toEqual([]);
    expect(
      plan.some((line) => /^SEARCH (customers|c) USING INTEGER PRIMARY KEY \(rowid=\?\)/.test(line)),
      plan.join('\n'),
    ).toBe(true);
  });
});
