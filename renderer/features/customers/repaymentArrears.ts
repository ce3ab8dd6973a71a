// What a loan's schedule says is in arrears: the instalments past their due date and not paid in full,
// and the amount still owed on them, which is what a manager raises first when visiting the borrower.
import type { Repayment } from '../../../electron/api/types.js';

export interface Arrears {
  instalments: number;
  owedFen: number;
}

export function arrearsOf(rows: readonly Repayment[]): Arrears {
  let instalments = 0;
  let owedFen = 0;
  for (const row of rows) {
    if (row.status !== 'overdue' && row.status !== 'defaulted') continue;
    instalments += 1;
    owedFen += Math.max(0, row.dueFen - row.paidFen);
  }
  return { instalments, owedFen };
}
