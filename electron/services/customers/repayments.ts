// One loan's instalment schedule for the customer card, newest due date first, each instalment
// marked paid, paid late, still due, past due or non-performing.
import type { ParsedInputOf } from '../../api/contract.js';
import { AppError } from '../../api/errors.js';
import type { Repayment, RepaymentStatus } from '../../api/types.js';
import { prepared } from '../../../db/queries/prepared.js';
import type { ServiceContext } from '../context.js';

/** More than 90 days past due makes a loan non-performing (次级 or worse in the five categories). */
export const nonPerformingAfterDays = 90;

interface RepaymentRecord {
  dueDate: string;
  dueFen: number;
  paidDate: string | null;
  paidFen: number;
  daysPastDue: number;
}

const loanExistsSql = 'SELECT 1 FROM loans WHERE loan_id = ?';

// The primary key (loan_id, due_date) serves both the lookup and the order.
const repaymentsSql = `
  SELECT due_date AS dueDate, due_fen AS dueFen, paid_date AS paidDate, paid_fen AS paidFen,
         days_past_due AS daysPastDue
  FROM repayments WHERE loan_id = ? ORDER BY due_date DESC`;

/** Days past due are core banking's figure as of its snapshot; the card does not recount them against today. */
export function repaymentStatus(record: RepaymentRecord): RepaymentStatus {
  if (record.paidFen >= record.dueFen) return record.daysPastDue > 0 ? 'paidLate' : 'paid';
  if (record.daysPastDue > nonPerformingAfterDays) return 'defaulted';
  return record.daysPastDue > 0 ? 'overdue' : 'due';
}

export function loanRepayments(ctx: ServiceContext, input: ParsedInputOf<'customers.repayments'>): Repayment[] {
  const { db } = ctx;
  if (prepared(db, loanExistsSql).get(input.loanId) === undefined) {
    throw new AppError('not_found', `No loan with number ${input.loanId} in this branch.`, { loanId: input.loanId });
  }
  const records = prepared(db, repaymentsSql).all(input.loanId) as RepaymentRecord[];
  return records.map((record) => ({ ...record, status: repaymentStatus(record) }));
}
