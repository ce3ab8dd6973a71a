// Page object for the customer card's edit form, change history, loans with their schedules, blacklist
// banner, complaints and score panel.
import { expect, type Locator, type Page } from '@playwright/test';

export class CustomerCard {
  readonly card: Locator;
  readonly form: Locator;
  readonly history: Locator;
  readonly blacklistBanner: Locator;
  readonly complaints: Locator;
  readonly complaintRows: Locator;
  readonly scores: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByTestId('customer-detail');
    this.form = this.card.getByTestId('customer-edit');
    this.history = this.card.getByTestId('history-entry');
    this.blacklistBanner = this.card.getByTestId('blacklist-banner');
    this.complaints = this.card.getByTestId('detail-complaints');
    this.complaintRows = this.complaints.getByTestId('complaint-row');
    this.scores = this.card.getByTestId('score-panel');
  }

  async startEditing(): Promise<void> {
    await this.card.getByTestId('customer-edit-open').click();
    await expect(this.form).toBeVisible();
  }

  input(field: string): Locator {
    return this.form.getByTestId(`edit-${field}`);
  }

  error(field: string): Locator {
    return this.form.getByTestId(`field-error-${field}`);
  }

  async save(): Promise<void> {
    await this.form.getByTestId('edit-save').click();
  }

  loan(loanId: string): Locator {
    return this.card.locator(`[data-testid=loan][data-loan-id="${loanId}"]`);
  }

  /** Opens a loan's schedule by clicking its line and returns the schedule's rows once loaded. */
  async openSchedule(loanId: string): Promise<Locator> {
    const loan = this.loan(loanId);
    await loan.getByTestId('loan-toggle').click();
    await expect(loan.getByTestId('loan-toggle')).toHaveAttribute('aria-expanded', 'true');
    const rows = loan.getByTestId('repayment-row');
    await expect(rows.first()).toBeVisible();
    return rows;
  }

  /** Opens a score's reasons (composite, contribution, activity, …) and returns its factor rows. */
  async openScore(score: string): Promise<Locator> {
    const toggle = this.scores.getByTestId(`score-toggle-${score}`);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    return this.scores.getByTestId(`score-row-${score}`);
  }
}
