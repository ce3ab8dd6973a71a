// The shell: first start loads the demo branch, the navigation shows the working steps only, and
// the language follows the OS locale with a switch that is remembered.
import { expect, test } from './fixtures.js';
import { CustomersPage } from './pages/CustomersPage.js';
import { saveScreen } from './screens.js';

test('first start opens the demo branch in Chinese with the customer list', async ({ page, server }) => {
  const customers = new CustomersPage(page);
  await customers.open(server.url);
  await expect(page.getByTestId('branch-name')).toContainText('演示');
  await expect(page.getByTestId('demo-badge')).toHaveText('演示数据');
  await expect(page.getByRole('navigation').getByRole('link')).toHaveText(['客户名单', '导入核心数据', '数据分析']);
  expect(await customers.total()).toBe(2000);
  await expect(page).not.toHaveURL(/token=/);
  await saveScreen(page, 'customer-list-zh');
});

test('the language switch changes the UI and is remembered across reloads', async ({ page, server }) => {
  const customers = new CustomersPage(page);
  await customers.open(server.url);
  await page.getByTestId('locale-switch').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customers');
  await expect(page.getByTestId('demo-badge')).toHaveText('Demo data');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customers');
  await expect(customers.rows.first()).toBeVisible();
  await saveScreen(page, 'customer-list-en');
});

test('English is chosen when the OS locale is English', async ({ browser, server }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await new CustomersPage(page).open(server.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customers');
  await context.close();
});

test('without the token the app explains how to open it', async ({ page, server }) => {
  await page.goto(server.origin + '/');
  await expect(page.locator('.boot-error')).toContainText('#token=');
});
