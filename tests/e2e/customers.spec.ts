// The customer list: sorting and filtering run in SQL, rows are virtualized, a customer's card opens.
import { expect, test } from './fixtures.js';
import { CustomersPage } from './pages/CustomersPage.js';
import { saveScreen } from './screens.js';

/** Compares as SQLite's BINARY collation does: by UTF-8 bytes, i.e. by code point. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

test('sorts by a column in either direction', async ({ page, server }) => {
  const customers = new CustomersPage(page);
  await customers.open(server.url);
  const header = page.getByTestId('col-name');
  await customers.waitForListChange(() => customers.sortBy('name'));
  const firstDirection = await header.getAttribute('aria-sort');
  const names = await customers.columnTexts(1);
  const ascending = [...names].sort(byCodePoint);
  expect(names).toEqual(firstDirection === 'ascending' ? ascending : ascending.reverse());

  await customers.waitForListChange(() => customers.sortBy('name'));
  const secondDirection = await header.getAttribute('aria-sort');
  expect(secondDirection).not.toBe(firstDirection);
  const reversed = await customers.columnTexts(1);
  const sorted = [...reversed].sort(byCodePoint);
  expect(reversed).toEqual(secondDirection === 'ascending' ? sorted : sorted.reverse());
});

test('sorts by customer number, matching the server order', async ({ page, server }) => {
  const customers = new CustomersPage(page);
  await customers.open(server.url);
  await customers.waitForListChange(() => customers.sortBy('customerId'));
  const direction = await page.getByTestId('col-customerId').getAttribute('aria-sort');
  const ids = await customers.columnTexts(0);
  const expected = direction === 'ascending' ? '0341300000001' : '0341300002000';
  expect(ids[0]).toBe(expected);
});

test('filters by area and by name prefix, and counts what matches', async ({ page, server }) => {
  const customers = new CustomersPage(page);
  await customers.open(server.url);
  const all = await customers.total();

  await customers.area.selectOption('rural');
  await expect(customers.count).not.toHaveText(/2,000/);
  const rural = await customers.total();
  expect(rural).toBeGreaterThan(0);
  expect(rural).toBeLessThan(all);
  const areas = await customers.columnTexts(4);
  expect(areas.every((text) => text.startsWith('农村'))).toBe(true);

  const surname = (await customers.columnTexts(1))[0]!.slice(0, 1);
  await customers.search.fill(surname);
  await expect(customers.count).not.toHaveText(new RegExp(`共 ${rural.toLocaleString('en')} `));
  const names = await customers.columnTexts(1);
  expect(names.length).toBeGreaterThan(0);
  expect(names.every((name) => name.startsWith(surname))).toBe(true);
  await saveScreen(page, 'customer-list-filtered');
});

test('finds one customer by exact customer number', async ({ page, server }) => {
  const customers = new CustomersPage(page);
  await customers.open(server.url);
  await customers.search.fill('0341300000042');
  await expect(customers.count).toHaveText('共 1 位客户');
  await expect(customers.rows).toHaveCount(1);
  await expect(customers.rows.first()).toHaveAttribute('data-customer-id', '0341300000042');
});

test('renders only visible rows and loads the end of the list on scroll', async ({ page, server }) => {
  const customers = new CustomersPage(page);
  await customers.open(server.url);
  const rendered = await customers.rows.count();
  expect(rendered).toBeGreaterThan(10);
  expect(rendered).toBeLessThan(100);
  await page.locator('.grid-body').evaluate((body) => body.scrollTo({ top: body.scrollHeight }));
  await expect(page.locator('[role=row][aria-rowindex="2000"][data-testid=customer-row]')).toBeVisible();
});

test('opens a customer card with masked identifiers', async ({ page, server }) => {
  const customers = new CustomersPage(page);
  await customers.open(server.url);
  const row = customers.rows.nth(1);
  const name = (await customers.columnTexts(1))[1]!;
  await row.click();
  await expect(customers.detail.getByTestId('detail-name')).toHaveText(name);
  await expect(customers.detail.getByTestId('detail-id-number')).toHaveText(/^\d{6}\*{8}\d{3}[\dX]$/);
  await expect(customers.detail.getByTestId('detail-holdings')).toBeVisible();
  await expect(page).toHaveURL(/#\/customers\/\d+$/);
  await saveScreen(page, 'customer-card');
  await page.keyboard.press('Escape');
  await expect(customers.detail).toBeHidden();
});
