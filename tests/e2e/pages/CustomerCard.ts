// Page object for the customer card's edit form and change history.
import { expect, type Locator, type Page } from '@playwright/test';

export class CustomerCard {
  readonly card: Locator;
  readonly form: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByTestId('customer-detail');
    this.form = this.card.getByTestId('customer-edit');
    this.history = this.card.getByTestId('history-entry');
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
}
