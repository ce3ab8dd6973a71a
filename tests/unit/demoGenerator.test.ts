// The demo generator: deterministic per seed, and every record as core banking would hold it —
// valid resident IDs, integer fen, balances that add up, repayment schedules that agree with the loan.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DemoGenerator, type GeneratedCustomer, type GeneratorOptions } from '../../electron/services/demo/generate.js';
import { demoAreaCode } from '../../electron/services/demo/places.js';
import { isValidResidentId } from '../../electron/services/validation/residentId.js';

const managerIds = ['R001', 'R002', 'R003', 'R004'];

function generator(seed: number, overrides: Partial<GeneratorOptions> = {}): DemoGenerator {
  return new DemoGenerator({
    seed,
    branchId: '3413',
    managerIds,
    asOf: '2026-11-23',
    activityMonths: 12,
    ...overrides,
  });
}

function generate(seed: number, count: number, overrides: Partial<GeneratorOptions> = {}): GeneratedCustomer[] {
  const g = generator(seed, overrides);
  return Array.from({ length: count }, (_, index) => g.customer(index));
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
}

const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const index = fc.nat({ max: 1_000_000 });

describe('DemoGenerator determinism', () => {
  test('the same seed gives identical records', () => {
    expect(generate(20261123, 200)).toEqual(generate(20261123, 200));
  });

  test('a customer does not depend on how many were generated before it', () => {
    fc.assert(
      fc.property(seed, index, (s, i) => {
        expect(generator(s).customer(i)).toEqual(generator(s).customer(i));
      }),
      { numRuns: 50 },
    );
  });

  test('different seeds give different branches', () => {
    const a = generate(1, 50).map((c) => c.customer);
    const b = generate(2, 50).map((c) => c.customer);
    expect(a.map((c) => c.customer_id)).toEqual(b.map((c) => c.customer_id));
    expect(a.map((c) => c.name + c.id_number)).not.toEqual(b.map((c) => c.name + c.id_number));
    expect(a.map((c) => c.deposit_balance_fen)).not.toEqual(b.map((c) => c.deposit_balance_fen));
  });
});

describe('DemoGenerator records', () => {
  test('customer numbers are text with the branch code and leading zeros, unique per index', () => {
    const customers = generate(5, 300).map((c) => c.customer);
    for (const customer of customers) expect(customer.customer_id).toMatch(/^03413\d{8}$/);
    expect(new Set(customers.map((c) => c.customer_id)).size).toBe(300);
    expect(customers[0]?.customer_id).toBe('0341300000001');
  });

  test('resident IDs pass the GB 11643 checksum and agree with birth date, gender and county', () => {
    fc.assert(
      fc.property(seed, index, (s, i) => {
        const { customer } = generator(s).customer(i);
        expect(isValidResidentId(customer.id_number)).toBe(true);
        expect(customer.id_number.slice(0, 6)).toBe(demoAreaCode);
        expect(customer.id_number.slice(6, 14)).toBe(customer.birth_date.replaceAll('-', ''));
        expect(Number(customer.id_number[16]) % 2).toBe(customer.gender === 'M' ? 1 : 0);
      }),
      { numRuns: 300 },
    );
  });

  test('some generated IDs end in the check character X', () => {
    const ids = generate(9, 400).map((c) => c.customer.id_number);
    expect(ids.some((id) => id.endsWith('X'))).toBe(true);
  });

  test('every amount is a whole number of fen', () => {
    fc.assert(
      fc.property(seed, index, (s, i) => {
        const g = generator(s).customer(i);
        const amounts = [
          g.customer.deposit_balance_fen,
          g.customer.loan_balance_fen,
          ...g.holdings.map((h) => h.balance_fen),
          ...g.activity.flatMap((a) => [a.amount_fen, a.avg_balance_fen, a.fee_income_fen]),
          ...g.loans.flatMap((l) => [l.principal_fen, l.balance_fen]),
          ...g.repayments.flatMap((r) => [r.due_fen, r.paid_fen]),
        ];
        for (const amount of amounts) expect(Number.isSafeInteger(amount), `${amount}`).toBe(true);
        for (const amount of amounts) expect(amount).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });

  test('the deposit balance is the sum over deposit holdings; the loan balance the sum over loans', () => {
    fc.assert(
      fc.property(seed, index, (s, i) => {
        const g = generator(s).customer(i);
        const deposits = g.holdings.filter((h) => h.product_id.startsWith('D'));
        expect(g.customer.deposit_balance_fen).toBe(deposits.reduce((sum, h) => sum + h.balance_fen, 0));
        expect(g.customer.loan_balance_fen).toBe(g.loans.reduce((sum, l) => sum + l.balance_fen, 0));
        for (const holding of g.holdings) {
          expect(holding.customer_id).toBe(g.customer.customer_id);
          expect(holding.opened_on >= g.customer.customer_since).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('activity covers only the months before the reference date, for known channels', () => {
    const asOf = '2026-11-23';
    for (const g of generate(3, 100, { asOf, activityMonths: 12 })) {
      for (const row of g.activity) {
        expect(row.month >= '2025-11' && row.month <= '2026-10', row.month).toBe(true);
        expect(row.deposit_count + row.withdrawal_count + row.card_swipes).toBeGreaterThan(0);
        if (g.customer.area_type === 'urban') expect(row.channel).not.toBe('agent');
      }
      const keys = g.activity.map((row) => `${row.month}/${row.channel}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  test("every loan's repayment rows agree with the loan", () => {
    fc.assert(
      fc.property(seed, index, fc.constantFrom('2025-01-31', '2026-06-15', '2026-11-23'), (s, i, asOf) => {
        const g = generator(s, { asOf }).customer(i);
        for (const loan of g.loans) {
          const rows = g.repayments.filter((r) => r.loan_id === loan.loan_id);
          expect(loan.customer_id).toBe(g.customer.customer_id);
          expect(loan.start_date < loan.maturity_date).toBe(true);
          // Instalments fall due one after another, after the start, by maturity and before today.
          const dueDates = rows.map((r) => r.due_date);
          expect([...dueDates].sort()).toEqual(dueDates);
          expect(new Set(dueDates).size).toBe(dueDates.length);
          for (const row of rows) {
            expect(row.due_date > loan.start_date && row.due_date <= loan.maturity_date).toBe(true);
            expect(row.due_date < asOf).toBe(true);
            expect(row.due_fen).toBeGreaterThan(0);
            if (row.paid_date === null) {
              // Open: nothing paid, overdue by the days since it fell due.
              expect(row.paid_fen).toBe(0);
              expect(row.days_past_due).toBe(Math.round((Date.parse(asOf) - Date.parse(row.due_date)) / 86_400_000));
            } else {
              expect(row.paid_fen).toBe(row.due_fen);
              expect(row.paid_date).toBe(addDays(row.due_date, row.days_past_due));
              expect(row.paid_date < asOf).toBe(true);
            }
          }
          // Nothing is paid beyond the principal, and the balance is what remains of it.
          const paid = rows.reduce((sum, r) => sum + r.paid_fen, 0);
          const due = rows.reduce((sum, r) => sum + r.due_fen, 0);
          expect(due).toBeLessThanOrEqual(loan.principal_fen);
          expect(loan.balance_fen).toBe(loan.principal_fen - paid);
          if (rows.length > 0 && rows.at(-1)?.due_date === loan.maturity_date) expect(due).toBe(loan.principal_fen);
          // Status and classification follow the worst open arrears.
          const worstOpen = Math.max(0, ...rows.filter((r) => r.paid_date === null).map((r) => r.days_past_due));
          const expectedStatus =
            loan.balance_fen === 0 ? 'repaid' : worstOpen > 90 ? 'defaulted' : worstOpen > 0 ? 'overdue' : 'active';
          expect(loan.status).toBe(expectedStatus);
          expect(loan.classification === 'normal').toBe(worstOpen === 0);
        }
        expect(g.repayments.every((r) => g.loans.some((l) => l.loan_id === r.loan_id))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
