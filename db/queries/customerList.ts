// SQL for the customer list: filters and sorts that run on indexes, pages fetched in two steps
// (ordered rowids from an index, then the rows themselves) so deep pages do not read whole rows.
import type Database from 'better-sqlite3';
import type { CustomerFilters } from '../../electron/api/contract.js';
import { assertNever } from '../../electron/api/errors.js';
import { birthDateRange, depositRange } from './customerBands.js';
import { prepared } from './prepared.js';
import { analysisTiers } from '../../electron/api/analysisTypes.js';

export type CustomerSortColumn = 'customerId' | 'name' | 'age' | 'depositBalance' | 'loanBalance' | 'customerSince';

export interface CustomerSort {
  column: CustomerSortColumn;
  direction: 'asc' | 'desc';
}

export interface CustomerListRecord {
  customer_id: string;
  name: string;
  gender: 'M' | 'F' | null;
  birth_date: string | null;
  occupation: string;
  area_type: string;
  town: string | null;
  village: string | null;
  manager_id: string | null;
  manager_name: string | null;
  phone: string | null;
  deposit_balance_fen: number;
  loan_balance_fen: number;
  customer_since: string;
  /** From the latest analysis run; null before the first run or for a customer added since. */
  tier: number | null;
  vetoes: number | null;
}

type Params = Record<string, string | number>;

interface Where {
  sql: string;
  params: Params;
}

/**
 * How a page's rowids are read. At 1,000,000 customers a table row costs ~2 µs to fetch and an index
 * entry ~50 ns to test, and SQLite does not weigh the LIMIT when it plans: given `town = ?` it fetches
 * every customer of the town through the town index and sorts them all to return 100. So:
 * - `filterFirst`: read the filtered set through the filters' indexes and sort it. Right for a few
 *   thousand matches, whatever the order. With no filter it is the plain walk of the sort index.
 * - `walk`: along the sort column's index in the list's order, testing the filters on the index entries
 *   (every list index carries the filter columns, see 0020_customers.sql) until the page is full. Right
 *   for large sets: a filter matching a share s of the customers costs (offset + limit) / s entries.
 * - `walkBack`: the same from the far end, for a page past the middle of a set whose size is known, so
 *   that scrolling to the end of a large set does not walk the whole index.
 */
export type PagePlan = 'filterFirst' | 'walk' | 'walkBack';

/** Up to this many matches, reading them all through a filter's index and sorting them is quick (~10 ms). */
const smallSet = 5_000;
/** A product held by this share of the customers is probed per customer rather than listed (see planningWhere). */
const denseHolderShare = 0.3;
/** Fetching a table row and sorting it costs about as much as testing this many index entries. */
const rowCostInEntries = 35;

type FilterColumn =
  'name' | 'area_type' | 'town' | 'village' | 'manager_id' | 'occupation' | 'birth_date' | 'deposit_balance_fen';

/**
 * While a page walks the index of `walked`, may SQLite still answer a filter through the filter's own
 * index? Only when that index is itself a walk in the list's order: the name index for the name order;
 * for the deposit order the filter indexes, which begin (column, deposit_balance_fen, customer_id).
 */
function keepsIndex(column: FilterColumn, walked: CustomerSortColumn): boolean {
  if (column === 'name') return walked === 'name';
  // A band is a range on the walked index itself: the walk starts and stops at its ends.
  if (column === 'birth_date') return walked === 'age';
  return walked === 'depositBalance';
}

/** Today as the list computes ages (UTC, as the rows' ages are computed in services/dates.ts). */
function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Numbers are matched exactly (customer number, phone, ID number); anything else is a name prefix.
 * `walkIndexOf` names the sort column whose index the page walks (see `PagePlan`): a unary `+` keeps
 * SQLite from answering a filter through another index; the filter is still tested, on the entries of
 * the walked index, which carries every filtered column.
 */
export function buildWhere(
  filters: CustomerFilters,
  walkIndexOf?: CustomerSortColumn,
  today: string = todayIso(),
  /** Test "held" per customer even without a walk: the product is so common that its holders are a walk. */
  probeHeld = false,
): Where {
  const clauses: string[] = [];
  const params: Params = {};
  const text = filters.text?.trim() ?? '';
  const isNumber = isNumberSearch(text);
  const column = (name: FilterColumn) =>
    walkIndexOf === undefined || keepsIndex(name, walkIndexOf) ? name : `+${name}`;
  if (text && isNumber) {
    params.number = text.toUpperCase();
    clauses.push('(customer_id = @number OR phone = @number OR id_number = @number)');
  } else if (text) {
    params.namePrefix = text;
    params.nameEnd = text + '\u{10FFFF}';
    clauses.push(`(${column('name')} >= @namePrefix AND ${column('name')} < @nameEnd)`);
  }
  if (filters.areaType) {
    params.areaType = filters.areaType;
    clauses.push(`${column('area_type')} = @areaType`);
  }
  if (filters.town) {
    params.town = filters.town;
    clauses.push(`${column('town')} = @town`);
  }
  if (filters.village) {
    params.village = filters.village;
    clauses.push(`${column('village')} = @village`);
  }
  if (filters.managerId) {
    params.managerId = filters.managerId;
    clauses.push(`${column('manager_id')} = @managerId`);
  }
  if (filters.occupation) {
    params.occupation = filters.occupation;
    clauses.push(`${column('occupation')} = @occupation`);
  }
  if (filters.ageBand) {
    const { bornAfter, bornOnOrBefore } = birthDateRange(filters.ageBand, today);
    if (bornAfter !== undefined) {
      params.bornAfter = bornAfter;
      clauses.push(`${column('birth_date')} > @bornAfter`);
    }
    if (bornOnOrBefore !== undefined) {
      params.bornOnOrBefore = bornOnOrBefore;
      clauses.push(`${column('birth_date')} <= @bornOnOrBefore`);
    }
  }
  if (filters.balanceBand) {
    const { fromFen, belowFen } = depositRange(filters.balanceBand);
    if (fromFen !== undefined) {
      params.depositFrom = fromFen;
      clauses.push(`${column('deposit_balance_fen')} >= @depositFrom`);
    }
    if (belowFen !== undefined) {
      params.depositBelow = belowFen;
      clauses.push(`${column('deposit_balance_fen')} < @depositBelow`);
    }
  }
  clauses.push(...productClauses(filters, params, walkIndexOf !== undefined || probeHeld));
  clauses.push(...analysisClauses(filters, params));
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

const openHolding = `h.product_id = @PRODUCT AND h.status <> 'closed'`;

/** Filters that an index on customers narrows: with one of them, "held" is better probed per customer. */
function hasIndexedFilter(filters: CustomerFilters): boolean {
  return Boolean(
    filters.text?.trim() ||
    filters.town ||
    filters.village ||
    filters.managerId ||
    filters.occupation ||
    filters.ageBand ||
    filters.balanceBand,
  );
}

/**
 * Product held / not held, on holdings that are not closed. A walk tests each entry it passes, and a
 * set narrowed by another filter's index is smaller than a common product's holders (SQLite's
 * statistics cannot tell a savings account held by nine in ten from a rare fund), so there the test is a
 * correlated EXISTS probing (customer_id, product_id, status). Alone, "held" is an IN over the product's
 * holders, read from (product_id, customer_id, status) and turned into customer lookups.
 */
function productClauses(filters: CustomerFilters, params: Params, walking: boolean): string[] {
  const clauses: string[] = [];
  if (filters.productHeld) {
    params.productHeld = filters.productHeld;
    const open = openHolding.replace('@PRODUCT', '@productHeld');
    clauses.push(
      walking || hasIndexedFilter(filters)
        ? `EXISTS (SELECT 1 FROM holdings h WHERE h.customer_id = customers.customer_id AND ${open})`
        : `customer_id IN (SELECT h.customer_id FROM holdings h WHERE ${open})`,
    );
  }
  if (filters.productNotHeld) {
    params.productNotHeld = filters.productNotHeld;
    const open = openHolding.replace('@PRODUCT', '@productNotHeld');
    clauses.push(`NOT EXISTS (SELECT 1 FROM holdings h WHERE h.customer_id = customers.customer_id AND ${open})`);
  }
  return clauses;
}

const latestRun = '(SELECT max(run_id) FROM analysis_runs)';
/** The bit of a persona tag in the latest run's customer_scores.personas: its place in the run's summary. */
const personaBit = `(SELECT 1 << CAST(j.key AS INTEGER) FROM analysis_runs r, json_each(r.summary, '$.personas') j
  WHERE r.run_id = ${latestRun} AND json_extract(j.value, '$.key') = @persona)`;

/**
 * Tier, persona tag and marketability, from the latest analysis run: a probe of the customer's row in it (by
 * its key), so that they combine with any other filter and sort. Without a run nothing matches.
 */
function analysisClauses(filters: CustomerFilters, params: Params): string[] {
  const tests: string[] = [];
  if (filters.tier) {
    params.tier = analysisTiers.indexOf(filters.tier);
    tests.push('s.tier = @tier');
  }
  if (filters.persona) {
    params.persona = filters.persona;
    tests.push(`(s.personas & coalesce(${personaBit}, 0)) <> 0`);
  }
  if (filters.marketable) tests.push(filters.marketable === 'yes' ? 's.vetoes = 0' : 's.vetoes <> 0');
  if (tests.length === 0) return [];
  return [
    `EXISTS (SELECT 1 FROM customer_scores s WHERE s.run_id = ${latestRun}
       AND s.customer_id = customers.customer_id AND ${tests.join(' AND ')})`,
  ];
}

function isNumberSearch(text: string): boolean {
  return /^[0-9]+[0-9Xx]?$/.test(text);
}

/**
 * In a `filterFirst` read, may the order still come off an index? Yes without a selective filter (the
 * area alone matches a large share: walking the sort index is the plan), and when a filter's own index
 * is in the list's order: the deposit balance after a town, village or manager (their indexes begin
 * (column, deposit_balance_fen, customer_id)), the name after a name prefix. Otherwise the ORDER BY terms
 * get a unary `+`, so that SQLite reads the set through the filters' indexes and sorts it; left to
 * itself it would rather walk a sort index past every customer to find a rare surname.
 */
function orderFromIndex(filters: CustomerFilters, sort: CustomerSort): boolean {
  const text = filters.text?.trim() ?? '';
  const namePrefix = text !== '' && !isNumberSearch(text);
  const place = Boolean(filters.town || filters.village || filters.managerId || filters.occupation);
  const { ageBand, balanceBand, productHeld } = filters;
  // Area and "not held" alone match large shares: walking the sort index is the plan.
  if (text === '' && !place && !ageBand && !balanceBand && !productHeld) return true;
  if (sort.column === 'name') return namePrefix;
  // A balance band is a range of the deposit index and of each equality filter's index, in deposit order.
  if (sort.column === 'depositBalance')
    return (place || Boolean(balanceBand)) && !namePrefix && !ageBand && !productHeld;
  // An age band alone is a range of the birth index, in age order.
  return sort.column === 'age' && Boolean(ageBand) && text === '' && !place && !balanceBand && !productHeld;
}

function orderBy(sort: CustomerSort, indexed: boolean): string {
  const dir = sort.direction === 'asc' ? 'ASC' : 'DESC';
  const by = (column: string, direction = dir) => `${indexed ? '' : '+'}${column} ${direction}`;
  // The customer number breaks ties: each list index is (sort column, customer_id, …), so the order is
  // total, the same in every index, and still read straight off the index in either direction.
  switch (sort.column) {
    case 'customerId':
      return by('customer_id');
    case 'name':
      return `${by('name')}, ${by('customer_id')}`;
    case 'age': {
      // Older customers have earlier birth dates, so age ascending is birth date descending.
      const birthDir = sort.direction === 'asc' ? 'DESC' : 'ASC';
      return `${by('birth_date', birthDir)}, ${by('customer_id', birthDir)}`;
    }
    case 'depositBalance':
      return `${by('deposit_balance_fen')}, ${by('customer_id')}`;
    case 'loanBalance':
      return `${by('loan_balance_fen')}, ${by('customer_id')}`;
    case 'customerSince':
      return `${by('customer_since')}, ${by('customer_id')}`;
    default:
      return assertNever(sort.column);
  }
}

export function pageRowidsSql(
  filters: CustomerFilters,
  sort: CustomerSort,
  plan: PagePlan = 'filterFirst',
): { sql: string; params: Params } {
  if (plan === 'filterFirst') {
    const where = buildWhere(filters);
    const order = orderBy(sort, orderFromIndex(filters, sort));
    return {
      sql: `SELECT rowid AS id FROM customers ${where.sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
      params: where.params,
    };
  }
  const where = buildWhere(filters, sort.column);
  const reversed: CustomerSort = { column: sort.column, direction: sort.direction === 'asc' ? 'desc' : 'asc' };
  const order = orderBy(plan === 'walkBack' ? reversed : sort, true);
  return {
    sql: `SELECT rowid AS id FROM customers ${where.sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    params: where.params,
  };
}

const rowsByIdSql = `
  SELECT c.rowid AS id, c.customer_id, c.name, c.gender, c.birth_date, c.occupation, c.area_type,
         c.town, c.village, c.manager_id, s.name AS manager_name, c.phone,
         c.deposit_balance_fen, c.loan_balance_fen, c.customer_since, a.tier, a.vetoes
  FROM customers c LEFT JOIN staff s ON s.staff_id = c.manager_id
  LEFT JOIN customer_scores a ON a.run_id = (SELECT max(run_id) FROM analysis_runs) AND a.customer_id = c.customer_id
  WHERE c.rowid IN (SELECT value FROM json_each(@ids))`;

/**
 * Chooses the page's plan from the size of the filtered set, counted through the filters' indexes only
 * as far as the choice needs (`LIMIT`): up to `smallSet`, or twice the rows the page reaches so that a
 * page past the middle knows the exact total and can be read from the far end. A set that is not small
 * is still read through its filter index when that costs less than the walk would (a page in the middle
 * of a set of a few thousand).
 */
function choosePlan(
  db: Database.Database,
  where: Where,
  offset: number,
  limit: number,
): { plan: PagePlan; total?: number } {
  if (where.sql === '') {
    if (offset < smallSet) return { plan: 'walk' };
    // SQLite counts a table from its b-tree pages without decoding rows (~0.2 ms at 1,000,000 when cached).
    const total = prepared(db, 'SELECT count(*) FROM customers').pluck().get() as number;
    return { plan: 2 * offset + limit > total ? 'walkBack' : 'walk', total };
  }
  const cap = Math.max(smallSet, 2 * (offset + limit + 1));
  const total = prepared(db, `SELECT count(*) FROM (SELECT 1 FROM customers ${where.sql} LIMIT @cap)`)
    .pluck()
    .get({ ...where.params, cap }) as number;
  if (total >= cap) return { plan: 'walk' };
  if (total <= smallSet) return { plan: 'filterFirst', total };
  const fromEnd = 2 * offset + limit > total;
  // The table's size only weighs the two plans, so the largest rowid will do: one b-tree descent.
  const customers = prepared(db, 'SELECT max(rowid) FROM customers').pluck().get() as number;
  const walked = ((fromEnd ? total - offset : offset + limit) * customers) / total;
  if (total * rowCostInEntries <= walked) return { plan: 'filterFirst', total };
  return { plan: fromEnd ? 'walkBack' : 'walk', total };
}

/**
 * The filters as the plan's count reads them. "Held" alone lists the product's holders, which a common
 * product (a savings account nearly everyone has) makes a list of most customers, built before the first
 * row is counted. When the holders are a large share, matches are dense, and probing per customer stops
 * at the count's cap soon after it starts, as the walk it leads to does. Counting the holders up to that
 * share reads index entries only (~1.5 ms at 100,000 customers).
 */
function planningWhere(db: Database.Database, filters: CustomerFilters): Where {
  if (!filters.productHeld || hasIndexedFilter(filters)) return buildWhere(filters);
  const customers = prepared(db, 'SELECT max(rowid) FROM customers').pluck().get() as number | null;
  const dense = Math.ceil(denseHolderShare * (customers ?? 0));
  const holders = prepared(
    db,
    `SELECT count(*) FROM (SELECT 1 FROM holdings h WHERE h.product_id = @product AND h.status <> 'closed' LIMIT @dense)`,
  )
    .pluck()
    .get({ product: filters.productHeld, dense }) as number;
  return buildWhere(filters, undefined, undefined, dense > 0 && holders >= dense);
}

function pageRowids(
  db: Database.Database,
  filters: CustomerFilters,
  sort: CustomerSort,
  offset: number,
  limit: number,
): { ids: number[]; hasMore: boolean } {
  const { plan, total } = choosePlan(db, planningWhere(db, filters), offset, limit);
  if (total !== undefined && offset >= total) return { ids: [], hasMore: false };
  const { sql, params } = pageRowidsSql(filters, sort, plan);
  if (plan === 'walkBack' && total !== undefined) {
    // The page's rows counted from the end of the set, in reverse order.
    const count = Math.min(limit, total - offset);
    const ids = prepared(db, sql)
      .pluck()
      .all({ ...params, limit: count, offset: total - offset - count }) as number[];
    return { ids: ids.reverse(), hasMore: offset + count < total };
  }
  const ids = prepared(db, sql)
    .pluck()
    .all({ ...params, limit: limit + 1, offset }) as number[];
  return ids.length > limit ? { ids: ids.slice(0, limit), hasMore: true } : { ids, hasMore: false };
}

export function customerPage(
  db: Database.Database,
  filters: CustomerFilters,
  sort: CustomerSort,
  offset: number,
  limit: number,
): { records: CustomerListRecord[]; hasMore: boolean } {
  const read = () => pageRowids(db, filters, sort, offset, limit);
  // The count that chose the plan and the page must see the same data: one read transaction.
  const { ids: pageIds, hasMore } = db.inTransaction ? read() : db.transaction(read)();
  if (pageIds.length === 0) return { records: [], hasMore: false };
  const found = prepared(db, rowsByIdSql).all({ ids: JSON.stringify(pageIds) }) as (CustomerListRecord & {
    id: number;
  })[];
  const byId = new Map(found.map((record) => [record.id, record]));
  const records = pageIds.flatMap((id) => {
    const record = byId.get(id);
    return record ? [record] : [];
  });
  return { records, hasMore };
}

export function countCustomers(db: Database.Database, filters: CustomerFilters): number {
  const where = buildWhere(filters);
  return prepared(db, `SELECT count(*) FROM customers ${where.sql}`).pluck().get(where.params) as number;
}
