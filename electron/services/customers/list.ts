// The customer list: a page of rows for the grid, and the count for its scrollbar.
import type { CustomerFilters, ParsedInputOf } from '../../api/contract.js';
import type { CustomerPage, CustomerRow, Occupation, AreaType } from '../../api/types.js';
import { countCustomers, customerPage, type CustomerListRecord } from '../../../db/queries/customerList.js';
import type { ServiceContext } from '../context.js';
import { ageOn, todayIso } from '../dates.js';
import { maskPhone } from '../privacy.js';
import { analysisTiers } from '../../api/analysisTypes.js';
import { vetoReasons } from '../analysis/scoring/index.js';

function toRow(record: CustomerListRecord, today: string): CustomerRow {
  return {
    customerId: record.customer_id,
    name: record.name,
    gender: record.gender,
    age: ageOn(record.birth_date, today),
    occupation: record.occupation as Occupation,
    areaType: record.area_type as AreaType,
    town: record.town,
    village: record.village,
    managerId: record.manager_id,
    managerName: record.manager_name,
    phoneMasked: maskPhone(record.phone),
    depositBalanceFen: record.deposit_balance_fen,
    loanBalanceFen: record.loan_balance_fen,
    customerSince: record.customer_since,
    tier: record.tier === null ? null : (analysisTiers[record.tier] ?? null),
    vetoes: record.vetoes === null ? [] : vetoReasons(record.vetoes),
  };
}

export function listCustomers(ctx: ServiceContext, input: ParsedInputOf<'customers.list'>): CustomerPage {
  const { records, hasMore } = customerPage(ctx.db, input.filters, input.sort, input.offset, input.limit);
  const today = todayIso();
  return { offset: input.offset, rows: records.map((record) => toRow(record, today)), hasMore };
}

// Counting a million rows costs tens of milliseconds, so each filter's count is kept until the data changes.
const countCache = new Map<string, { generation: number; total: number }>();

function filterKey(filters: CustomerFilters): string {
  return JSON.stringify(
    Object.entries(filters)
      .filter(([, value]) => value !== undefined && value !== '')
      .sort(),
  );
}

export function countCustomersCached(ctx: ServiceContext, input: ParsedInputOf<'customers.count'>): { total: number } {
  const key = filterKey(input.filters);
  const generation = ctx.dataGeneration();
  const cached = countCache.get(key);
  if (cached && cached.generation === generation) return { total: cached.total };
  const total = countCustomers(ctx.db, input.filters);
  if (countCache.size > 256) countCache.clear();
  countCache.set(key, { generation, total });
  return { total };
}
