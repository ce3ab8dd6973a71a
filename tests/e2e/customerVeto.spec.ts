// A manager opens the card of a blacklisted customer and of one who complained: the red banner names
// the reason and the day of listing, and the complaints read newest first, each open or resolved.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures.js';
import { CustomerCard } from './pages/CustomerCard.js';
import { CustomersPage } from './pages/CustomersPage.js';
import { saveScreen } from './screens.js';

interface Listing {
  customerId: string;
  listedOn: string;
  reason: string;
}

interface ComplaintRow {
  complaint_id: string;
  received_on: string;
  summary: string;
  resolved_on: string | null;
}

function withDatabase<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'branchloop.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** A listing that still counts, preferring a customer who also complained. */
function activeListing(db: Database.Database): Listing {
  const listing = db
    .prepare(
      `SELECT b.customer_id AS customerId, b.listed_on AS listedOn, b.reason
       FROM blacklist b WHERE b.lifted_on IS NULL
       ORDER BY (SELECT count(*) FROM complaints c WHERE c.customer_id = b.customer_id) DESC, b.customer_id
       LIMIT 1`,
    )
    .get() as Listing | undefined;
  if (!listing) throw new Error('the demo branch has no customer on the blacklist');
  return listing;
}

/** The customer with the most complaints, an open one first among equals, and those complaints newest first. */
function complainer(db: Database.Database): { customerId: string; complaints: ComplaintRow[] } {
  const customerId = db
    .prepare(
      `SELECT customer_id FROM complaints GROUP BY customer_id
       ORDER BY count(*) DESC, sum(resolved_on IS NULL) DESC, customer_id LIMIT 1`,
    )
    .pluck()
    .get() as string | undefined;
  if (!customerId) throw new Error('the demo branch has no complaints');
  const complaints = db
    .prepare(
      `SELECT complaint_id, received_on, summary, resolved_on FROM complaints WHERE customer_id = ?
       ORDER BY received_on DESC, complaint_id DESC`,
    )
    .all(customerId) as ComplaintRow[];
  return { customerId, complaints };
}

async function openCard(customers: CustomersPage, customerId: string): Promise<CustomerCard> {
  await customers.search.fill(customerId);
  await expect(customers.rows).toHaveCount(1);
  await expect(customers.rows.first()).toHaveAttribute('data-customer-id', customerId);
  await customers.rows.first().click();
  const card = new CustomerCard(customers.page);
  await expect(card.card.locator('.detail-header .mono')).toHaveText(customerId);
  return card;
}

test('a blacklisted customer carries a banner with reason and date; complaints read open or resolved', async ({
  page,
  server,
}) => {
  const customers = new CustomersPage(page);
  await customers.open(server.url);
  const listing = withDatabase(server.dataDir, activeListing);
  const complained = withDatabase(server.dataDir, complainer);

  const listed = await openCard(customers, listing.customerId);
  await expect(listed.blacklistBanner).toBeVisible();
  await expect(listed.blacklistBanner).toContainText('黑名单客户');
  await expect(listed.blacklistBanner.getByTestId('blacklist-reason')).toHaveText(listing.reason);
  await expect(listed.blacklistBanner.getByTestId('blacklist-listed-on')).toContainText(listing.listedOn);
  await expect(listed.complaints).toBeVisible();
  await saveScreen(page, 'customer-card-blacklist');

  const card = await openCard(customers, complained.customerId);
  if (complained.customerId !== listing.customerId) {
    const stillListed = withDatabase(server.dataDir, (db) =>
      db.prepare(`SELECT 1 FROM blacklist WHERE customer_id = ? AND lifted_on IS NULL`).get(complained.customerId),
    );
    await expect(card.blacklistBanner).toHaveCount(stillListed ? 1 : 0);
  }
  const shown = complained.complaints.slice(0, 5);
  await expect(card.complaints.locator('h3')).toHaveText(`投诉记录（${complained.complaints.length}）`);
  await expect(card.complaintRows).toHaveCount(shown.length);
  expect(await card.complaintRows.locator('td:first-child').allInnerTexts()).toEqual(shown.map((c) => c.received_on));
  expect(await card.complaintRows.locator('td:nth-child(4)').allInnerTexts()).toEqual(shown.map((c) => c.summary));
  for (const [i, complaint] of shown.entries()) {
    const state = card.complaintRows.nth(i).locator('[data-state]');
    if (complaint.resolved_on === null) {
      await expect(state).toHaveAttribute('data-state', 'open');
      await expect(state).toHaveText('未办结');
    } else {
      await expect(state).toHaveAttribute('data-state', 'resolved');
      await expect(state).toHaveText(`${complaint.resolved_on} 办结`);
    }
  }
  await card.complaints.scrollIntoViewIfNeeded();
  await saveScreen(page, 'customer-card-complaints');
});

test('a customer neither listed nor complaining shows no banner and says there are no complaints', async ({
  page,
  server,
}) => {
  const customers = new CustomersPage(page);
  await customers.open(server.url);
  const customerId = withDatabase(
    server.dataDir,
    (db) =>
      db
        .prepare(
          `SELECT customer_id FROM customers c
           WHERE NOT EXISTS (SELECT 1 FROM blacklist b WHERE b.customer_id = c.customer_id)
             AND NOT EXISTS (SELECT 1 FROM complaints p WHERE p.customer_id = c.customer_id)
           ORDER BY customer_id LIMIT 1`,
        )
        .pluck()
        .get() as string,
  );
  const card = await openCard(customers, customerId);
  await expect(card.blacklistBanner).toHaveCount(0);
  await expect(card.complaints).toContainText('无投诉记录');
  await expect(card.complaintRows).toHaveCount(0);
});
