// Page object for the shell and the customer list.
import { expect, type Locator, type Page } from '@playwright/test';

export class CustomersPage {
  readonly grid: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly search: Locator;
  readonly area: Locator;
  readonly moreFilters: Locator;
  readonly occupation: Locator;
  readonly balance: Locator;
  readonly productHeld: Locator;
  readonly detail: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByTestId('customer-grid');
    this.rows = page.getByTestId('customer-row');
    this.count = page.getByTestId('customer-count');
    this.search = page.getByTestId('customer-search');
    this.area = page.getByTestId('filter-area');
    this.moreFilters = page.getByTestId('filter-more-toggle');
    this.occupation = page.getByTestId('filter-occupation');
    this.balance = page.getByTestId('filter-balance');
    this.productHeld = page.getByTestId('filter-product-held');
    this.detail = page.getByTestId('customer-detail');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.rows.first()).toBeVisible();
  }

  /** The number in the count line, once counted. */
  async total(): Promise<number> {
    await expect(this.count).toHaveText(/\d/);
    return Number((await this.count.innerText()).replace(/[^\d]/g, ''));
  }

  async columnTexts(column: number): Promise<string[]> {
    return this.rows.evaluateAll(
      (rows, index) =>
        rows.map((row) => (row.querySelectorAll('[role=cell]')[index] as HTMLElement | undefined)?.innerText ?? ''),
      column,
    );
  }

  async sortBy(columnId: string): Promise<void> {
    await this.page.getByTestId(`col-${columnId}`).getByRole('button').click();
  }

  async waitForListChange(action: () => Promise<void>): Promise<void> {
    const before = await this.rows.first().getAttribute('data-customer-id');
    await action();
    await expect(this.rows.first()).not.toHaveAttribute('data-customer-id', before ?? '');
  }
}
