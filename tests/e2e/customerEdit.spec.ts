// A manager corrects a customer's record on the card: a bad value is refused at its field, a good one
// is saved, shown on the card and recorded in the change history.
import { expect, test } from './fixtures.js';
import { CustomerCard } from './pages/CustomerCard.js';
import { CustomersPage } from './pages/CustomersPage.js';
import { saveScreen } from './screens.js';

test('edits a customer: a bad phone is refused at the field, good values are saved and recorded', async ({
  page,
  server,
}) => {
  const customers = new CustomersPage(page);
  await customers.open(server.url);
  const row = customers.rows.first();
  const customerId = (await row.getAttribute('data-customer-id'))!;
  await row.click();
  const card = new CustomerCard(page);
  await expect(card.card.getByTestId('detail-name')).toBeVisible();
  await card.startEditing();
  await expect(card.input('phone')).toHaveValue('');
  await expect(card.input('phone')).toHaveAttribute('placeholder', /不修改请留空/);

  await card.input('phone').fill('12345');
  await card.input('address').fill('幸福村 8 组 12 号');
  await card.save();
  await expect(card.error('phone')).toHaveText('手机号无效：应为 13–19 开头的 11 位数字');
  await expect(card.input('phone')).toHaveAttribute('aria-invalid', 'true');
  await card.input('phone').scrollIntoViewIfNeeded();
  await saveScreen(page, 'customer-edit-error');
  // Nothing was saved: the card still shows the old address.
  await expect(card.card.getByTestId('detail-address')).not.toHaveText('幸福村 8 组 12 号');

  await card.input('phone').fill('139 1234 5678');
  await expect(card.error('phone')).toBeHidden();
  await card.input('needs').fill('孩子明年上大学，想了解教育储蓄');
  await card.input('village').fill('幸福村');
  await card.save();
  await expect(card.form).toBeHidden();
  await expect(card.card.getByTestId('detail-phone')).toHaveText('139****5678');
  await expect(card.card.getByTestId('detail-address')).toHaveText('幸福村 8 组 12 号');
  await expect(card.card.getByTestId('detail-needs')).toHaveText('孩子明年上大学，想了解教育储蓄');
  // The list reloads too: the customer's row shows the new village.
  await expect(customers.rows.and(page.locator(`[data-customer-id="${customerId}"]`))).toContainText('幸福村');

  const phone = card.history.and(page.locator('[data-field=phone]'));
  await expect(phone).toContainText('手机号');
  await expect(phone).toContainText('139****5678');
  await expect(phone).toContainText('手工修改');
  await expect(card.history.and(page.locator('[data-field=address]'))).toContainText('幸福村 8 组 12 号');
  await expect(card.history.and(page.locator('[data-field=needs]'))).toHaveCount(1);
  await card.card.getByTestId('customer-history').scrollIntoViewIfNeeded();
  await saveScreen(page, 'customer-edit-saved');
});

test('in English, errors name the exact problem and required fields cannot be emptied', async ({ browser, server }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const customers = new CustomersPage(page);
  await customers.open(server.url);
  await customers.rows.first().click();
  const card = new CustomerCard(page);
  await card.startEditing();
  await card.input('phone').fill('12345');
  await card.input('name').fill('');
  await card.input('birth_date').fill('2199-01-01');
  await card.save();
  await expect(card.error('phone')).toHaveText('A mainland mobile number has 11 digits, but this one has 5.');
  await expect(card.error('name')).toContainText('required');
  await expect(card.error('birth_date')).toBeVisible();
  await card.input('name').scrollIntoViewIfNeeded();
  await saveScreen(page, 'customer-edit-error-en');
  await card.form.getByTestId('edit-cancel').click();
  await expect(card.form).toBeHidden();
  await expect(card.card.getByTestId('detail-name')).not.toHaveText('');
  await context.close();
});
