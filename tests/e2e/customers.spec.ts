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
  // "Counting…" also differs from the old count; wait for the new number and the rows it counts.
  await customers.total();
  await expect(customers.rows.first()).toBeVisible();
  const names = await customers.columnTexts(1);
  expect(names.length).toBeGreaterThan(0);
  expect(names.every((name) => name.startsWith(surname))).toBe(true);
  await saveScreen(page, 'customer-list-filtered');
});

test('filters by occupation, deposit band and a product held; the rows and cards agree', async ({ page, server }) => {
  const customers = new CustomersPage(page);
  await customers.open(server.url);
  const all = await customers.total();
  await customers.moreFilters.click();
  await saveScreen(page, 'customer-list-more-filters');

  await customers.occupation.selectOption('farmer');
  await expect(customers.count).not.toHaveText(new RegExp(`共 ${all.toLocaleString('en')} `));
  const farmers = await customers.total();
  await customers.balance.selectOption('10kTo50k');
  await expect(customers.count).not.toHaveText(new RegExp(`共 ${farmers.toLocaleString('en')} `));
  const banded = await customers.total();
  await customers.productHeld.selectOption('A01');
  await expect(customers.count).not.toHaveText(new RegExp(`共 ${banded.toLocaleString('en')} `));
  const shown = await customers.total();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(banded);
  await expect(customers.moreFilters).toHaveText('更多筛选（3）');

  // Occupation and deposit balance are columns; every row shown is a farmer with 1–5万 in deposits.
  const occupations = await customers.columnTexts(3);
  expect(occupations.length).toBe(Math.min(shown, occupations.length));
  expect(new Set(occupations)).toEqual(new Set(['农户']));
  for (const text of await customers.columnTexts(8)) {
    expect(text, text).toMatch(/^\d+\.\d{2}万$/);
    const wan = Number(text.replace('万', ''));
    expect(wan, text).toBeGreaterThanOrEqual(1);
    expect(wan, text).toBeLessThanOrEqual(5);
  }
  await saveScreen(page, 'customer-list-more-filters-set');

  // The product is on each card, in a holding that is not closed.
  for (const index of [0, Math.min(shown, 5) - 1]) {
    await customers.rows.nth(index).click();
    const held = customers.detail.getByTestId('detail-holdings').locator('tbody tr', { hasText: '惠农支付服务' });
    await expect(held.first()).toBeVisible();
    const statuses = await held.locator('.status').allInnerTexts();
    expect(
      statuses.some((status) => status !== '已销户'),
      statuses.join(),
    ).toBe(true);
    await page.keyboard.press('Escape');
    await expect(customers.detail).toBeHidden();
  }

  // In English the bar reads the same filters back.
  await page.getByTestId('locale-switch').click();
  await expect(customers.moreFilters).toHaveText('More filters (3)');
  await expect(customers.productHeld.locator('option:checked')).toHaveText('Rural payment service');
  await saveScreen(page, 'customer-list-more-filters-en');
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
