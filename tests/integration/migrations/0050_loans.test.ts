// Migration 0050: loans and their repayment schedules, added beside everything before them.
import { describe, expect, test } from 'vitest';
import { migrate } from '../../../db/migrate.js';
import { databaseAtVersion, insertRepresentativeRows, isStrict, refusal, snapshot } from '../../helpers/migrations.js';

const insertLoanSql = `
  INSERT INTO loans (loan_id, customer_id, product_id, principal_fen, balance_fen, rate_bp, start_date, maturity_date, status)
  VALUES (@loan_id, '0341300000001', @product_id, @principal_fen, @balance_fen, 560, '2025-03-15', '2027-03-15', @status)`;

const loan = {
  loan_id: 'L034130000000101',
  product_id: 'L01',
  principal_fen: 5_000_000,
  balance_fen: 2_916_666,
  status: 'active',
};

describe('migration 0050_loans', () => {
  test('adds strict loans and repayments that cascade from the customer', () => {
    const db = databaseAtVersion(40);
    insertRepresentativeRows(db, 40);
    const before = snapshot(db);

    expect(migrate(db, 50)).toEqual([50]);
    expect(db.pragma('user_version', { simple: true })).toBe(50);
    expect(snapshot(db)).toEqual({ ...before, loans: [], repayments: [] });
    expect(isStrict(db, 'loans')).toBe(true);
    expect(isStrict(db, 'repayments')).toBe(true);

    db.prepare(insertLoanSql).run(loan);
    expect(db.prepare('SELECT classification FROM loans').pluck().get()).toBe('normal');
    const addRepayment = db.prepare(
      `INSERT INTO repayments (loan_id, due_date, due_fen, paid_date, paid_fen, days_past_due) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    addRepayment.run(loan.loan_id, '2025-04-15', 208_334, '2025-04-15', 208_334, 0);
    addRepayment.run(loan.loan_id, '2025-05-15', 208_333, null, 0, 12);

    const refusedLoan = (overrides: Partial<typeof loan>) =>
      refusal(db, insertLoanSql, { ...loan, loan_id: 'L2', ...overrides });
    expect(refusedLoan({ principal_fen: 0 })).toMatch(/CHECK constraint failed/);
    expect(refusedLoan({ balance_fen: -1 })).toMatch(/CHECK constraint failed/);
    expect(refusedLoan({ status: 'forgiven' })).toMatch(/CHECK constraint failed/);
    expect(refusedLoan({ product_id: 'L99' })).toMatch(/FOREIGN KEY constraint failed/);
    expect(refusal(db, insertLoanSql, { ...loan, loan_id: 'L2', principal_fen: '5 000 000' })).toMatch(
      /cannot store TEXT value/,
    );
    expect(
      refusal(db, `UPDATE loans SET maturity_date = 'next spring' WHERE loan_id = @id`, { id: loan.loan_id }),
    ).toMatch(/CHECK constraint failed/);
    expect(refusal(db, `UPDATE loans SET classification = 'great' WHERE loan_id = @id`, { id: loan.loan_id })).toMatch(
      /CHECK constraint failed/,
    );

    const refusedRepayment = (...values: unknown[]) => {
      try {
        addRepayment.run(...values);
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
      throw new Error('expected the repayment to be refused');
    };
    expect(refusedRepayment(loan.loan_id, '2025-05-15', 1, null, 0, 0)).toMatch(/UNIQUE constraint failed/);
    expect(refusedRepayment(loan.loan_id, '2025-06-31', 1, null, 0, 0)).toMatch(/CHECK constraint failed/);
    expect(refusedRepayment(loan.loan_id, 'soon', 1, null, 0, 0)).toMatch(/CHECK constraint failed/);
    expect(refusedRepayment(loan.loan_id, '2025-06-15', 1, '2025-06-15T10:00', 1, 0)).toMatch(
      /CHECK constraint failed/,
    );
    expect(refusedRepayment(loan.loan_id, '2025-06-15', -1, null, 0, 0)).toMatch(/CHECK constraint failed/);
    expect(refusedRepayment(loan.loan_id, '2025-06-15', 1, null, 0, -3)).toMatch(/CHECK constraint failed/);
    expect(refusedRepayment('L_NONE', '2025-06-15', 1, null, 0, 0)).toMatch(/FOREIGN KEY constraint failed/);

    // Removing the customer removes the loan and its schedule.
    db.prepare(`DELETE FROM customers WHERE customer_id = '0341300000001'`).run();
    expect(db.prepare('SELECT count(*) FROM loans').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM repayments').pluck().get()).toBe(0);
  });
});
