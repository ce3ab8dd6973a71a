// SQL for the customer list: filters and sorts that run on indexes, pages fetched in two steps
// (ordered rowids from an index, then the rows themselves) so deep pages do not read whole rows.
import type Database from 'better-sqlite3';
import type { CustomerFilters } from '../../electron/api/contract.js';
import { assertNever } from '../../electron/api/errors.js';
import { prepared } from './prepared.js';

export type CustomerSortColumn =
  | 'customerId'
  | 'name'
  | 'age'
  | 'depositBalance'
  | 'loanBalance'
  | 'customerSince';

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
}

interface Where {
  sql: string;
  params: Record<string, string>;
}

/** Numbers are matched exactly (customer number, phone, ID number); anything else is a name prefix. */
export function buildWhere(filters: CustomerFilters): Where {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  const text = filters.text?.trim();
  if (text) {
    if (/^[0-9]+[0-9Xx]?$/.test(text)) {
      params.number = text.toUpperCase();
      clauses.push('(customer_id = @number OR phone = @number OR id_number = @number)');
    } else {
      params.namePrefix = text;
      params.nameEnd = text + '\u{10FFFF}';
      clauses.push('(name >= @namePrefix AND name < @nameEnd)');
    }
  }
  if (filters.areaType) {
    params.areaType = filters.areaType;
    clauses.push('area_type = @areaType');
  }
  if (filters.town) {
    params.town = filters.town;
    clauses.push('town = @town');
  }
  if (filters.village) {
    params.village = filters.village;
    clauses.push('village = @village');
  }
  if (filters.managerId) {
    params.managerId = filters.managerId;
    clauses.push('manager_id = @managerId');
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

function orderBy(sort: CustomerSort): string {
  const dir = sort.direction === 'asc' ? 'ASC' : 'DESC';
  // rowid breaks ties: every sort index ends in rowid, so the order is total and still indexed.
  switch (sort.column) {
    case 'customerId':
      return `customer_id ${dir}`;
    case 'name':
      return `name ${dir}, rowid ${dir}`;
    case 'age': {
      // Older customers have earlier birth dates, so age ascending is birth date descending.
      const birthDir = sort.direction === 'asc' ? 'DESC' : 'ASC';
      return `birth_date ${birthDir}, rowid ${birthDir}`;
    }
    case 'depositBalance':
      return `deposit_balance_fen ${dir}, rowid ${dir}`;
    case 'loanBalance':
      return `loan_balance_fen ${dir}, rowid ${dir}`;
    case 'customerSince':
      return `customer_since ${dir}, rowid ${dir}`;
    default:
      return assertNever(sort.column);
  }
}

export function pageRowidsSql(filters: CustomerFilters, sort: CustomerSort): { sql: string; params: Record<string, string> } {
  const where = buildWhere(filters);
  return {
    sql: `SELECT rowid AS id FROM customers ${where.sql} ORDER BY ${orderBy(sort)} LIMIT @limit OFFSET @offset`,
    params: where.params,
  };
}

const rowsByIdSql = `
  SELECT c.rowid AS id, c.customer_id, c.name, c.gender, c.birth_date, c.occupation, c.area_type,
         c.town, c.village, c.manager_id, s.name AS manager_name, c.phone,
         c.deposit_balance_fen, c.loan_balance_fen, c.customer_since
  FROM customers c LEFT JOIN staff s ON s.staff_id = c.manager_id
  WHERE c.rowid IN (SELECT value FROM json_each(@ids))`;

export function customerPage(
  db: Database.Database,
  filters: CustomerFilters,
  sort: CustomerSort,
  offset: number,
  limit: number,
): { records: CustomerListRecord[]; hasMore: boolean } {
  const { sql, params } = pageRowidsSql(filters, sort);
  const ids = prepared(db, sql)
    .pluck()
    .all({ ...params, limit: limit + 1, offset }) as number[];
  const hasMore = ids.length > limit;
  const pageIds = hasMore ? ids.slice(0, limit) : ids;
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
