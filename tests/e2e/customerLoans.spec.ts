// A manager opens a borrower's card, clicks the loan and reads its instalments: newest first, the
// unpaid ones past due marked, in Chinese and in English.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures.js';
import { CustomerCard } from './pages/CustomerCard.js';
import { CustomersPage } from './pages/CustomersPage.js';
import { saveScreen } from './screens.js';

interface DefaultedLoan {
  loanId: string;
  customerId: string;
  dueDates: string[];
  pastDue: number;
  overNinety: number;
}

/** The demo borrower with the shortest schedule that holds unpaid instalments both under and over 90 days late. */
function defaultedLoan(dataDir: string): DefaultedLoan {
  const db = new Database(join(dataDir, 'branchloop.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const loan = db
      .prepare(
        `SELECT l.loan_id AS loanId, l.customer_id AS customerId,
                sum(r.paid_fen < r.due_fen AND r.days_past_due > 0) AS pastDue,
                sum(r.paid_fen < r.due_fen AND r.days_past_due > 90) AS overNinety
         FROM loans l JOIN repayments r ON r.loan_id = l.loan_id
         WHERE (SELECT count(*) FROM loans o WHERE o.customer_id = l.customer_id) = 1
         GROUP BY l.loan_id HAVING overNinety > 0 AND pastDue > overNinety
         ORDER BY count(*), l.loan_id LIMIT 1`,
      )
      .get() as Omit<DefaultedLoan, 'dueDates'> | undefined;
    if (!loan) throw new Error('the demo branch has no borrower more than 90 days behind');
    const dueDates = db
      .prepare('SELECT due_date FROM repayments WHERE loan_id = ? ORDER BY due_date DESC')
      .pluck()
      .all(loan.loanId) as string[];
    return { ...loan, dueDates };
  } finally {
    db.close();
  }
}

test('opens a loan on the card and reads its instalments, past-due ones marked', async ({ page, server }) => {
  const customers = new CustomersPage(page);
  await customers.open(server.url);
  const loan = defaultedLoan(server.dataDir);
  await customers.search.fill(loan.customerId);
  await expect(customers.rows).toHaveCount(1);
  await customers.rows.first().click();
  const card = new CustomerCard(page);
  await expect(card.card.getByTestId('detail-id-number')).toHaveText(/^\d{6}\*{8}\d{3}[\dX]$/);
  await expect(card.card.getByTestId('detail-phone')).toHaveText(/^\d{3}\*{4}\d{4}$/);
  await expect(card.loan(loan.loanId).getByTestId('loan-repayments')).toHaveCount(0);

  const rows = await card.openSchedule(loan.loanId);
  await expect(rows).toHaveCount(loan.dueDates.length);
  expect(await rows.locator('td:first-child').allInnerTexts()).toEqual(loan.dueDates);
  await expect(rows.and(page.locator('[data-status=defaulted]'))).toHaveCount(loan.overNinety);
  await expect(rows.and(page.locator('[data-status=overdue]'))).toHaveCount(loan.pastDue - loan.overNinety);
  await expect(rows.and(page.locator('[data-status=defaulted]')).first()).toContainText('逾期超90天');
  await expect(card.loan(loan.loanId).getByTestId('loan-arrears')).toContainText(`${loan.pastDue} 期逾期未还`);
  await card.loan(loan.loanId).scrollIntoViewIfNeeded();
  await saveScreen(page, 'customer-loan-schedule');

  await page.getByTestId('locale-switch').click();
  const schedule = card.loan(loan.loanId).getByTestId('loan-repayments');
  await expect(schedule.locator('th')).toHaveText(['Due', 'Amount due', 'Paid on', 'Paid', 'DPD']);
  await expect(rows.and(page.locator('[data-status=defaulted]')).first()).toContainText('90+ DPD');
  await expect(card.loan(loan.loanId).getByTestId('loan-arrears')).toContainText(`${loan.pastDue} past due`);
  await card.loan(loan.loanId).scrollIntoViewIfNeeded();
  await saveScreen(page, 'customer-loan-schedule-en');

  // Clicking the loan again folds the schedule away.
  await card.loan(loan.loanId).getByTestId('loan-toggle').click();
  await expect(schedule).toHaveCount(0);
});
