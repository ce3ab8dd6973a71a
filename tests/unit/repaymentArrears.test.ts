// The arrears line above a loan's schedule: only instalments past due count, with what is still owed.
import { describe, expect, test } from 'vitest';
import type { Repayment, RepaymentStatus } from '../../electron/api/types.js';
import { arrearsOf } from '../../renderer/features/customers/repaymentArrears.js';

function row(status: RepaymentStatus, dueFen: number, paidFen: number): Repayment {
  return { dueDate: '2026-01-10', dueFen, paidDate: null, paidFen, daysPastDue: 0, status };
}

describe('arrearsOf', () => {
  test('counts overdue and defaulted instalments and what is still owed on them, part payments deducted', () => {
    const rows = [
      row('due', 100_000, 0),
      row('overdue', 100_010, 0),
      row('defaulted', 100_010, 40_000),
      row('paidLate', 100_010, 100_010),
      row('paid', 100_010, 100_010),
    ];
    expect(arrearsOf(rows)).toEqual({ instalments: 2, owedFen: 160_020 });
  });

  test('a schedule paid up, or an empty one, has no arrears', () => {
    expect(arrearsOf([row('paid', 5, 5), row('due', 5, 0)])).toEqual({ instalments: 0, owedFen: 0 });
    expect(arrearsOf([])).toEqual({ instalments: 0, owedFen: 0 });
  });
});
