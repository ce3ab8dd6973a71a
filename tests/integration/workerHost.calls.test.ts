// Every contract call through the real data worker, on a demo branch: what each one answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { latestSchemaVersion } from '../../db/migrate.js';
import type { Progress } from '../../electron/api/types.js';
import { databaseFileName, demoTemplate } from '../helpers/demoDatabase.js';
import { startHost, valueOf } from '../helpers/workerHost.js';
import { tempDirForTest } from '../helpers/tempDir.js';

const packageVersion = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
const demo = demoTemplate({ customers: 200, seed: 21, activityMonths: 14 });

async function demoHost() {
  const { dataDir, databaseFile } = demo.copy();
  const { host, logs } = await startHost(dataDir);
  expect(host.failure).toBeNull();
  return { host, logs, dataDir, databaseFile };
}

describe('WorkerHost calls', () => {
  test('app.info describes the app, the data location and the branch', async () => {
    const { host, dataDir, databaseFile } = await demoHost();
    expect(valueOf(await host.api.call('app.info', {}))).toEqual({
      version: packageVersion,
      dataDir,
      databaseFile,
      schemaVersion: latestSchemaVersion(),
      branch: { branchId: demo.loaded.branchId, name: expect.stringContaining('演示'), isDemo: true },
      customerCount: 200,
    });
  });

  test('a new data folder gets a migrated, empty database', async () => {
    const dataDir = join(tempDirForTest(), 'not-yet-created');
    const { host } = await startHost(dataDir);
    const info = valueOf(await host.api.call('app.info', {}));
    expect(info).toMatchObject({ branch: null, customerCount: 0, schemaVersion: latestSchemaVersion() });
    expect(info.databaseFile).toBe(join(dataDir, databaseFileName));
    expect(valueOf(await host.api.call('customers.list', {}))).toEqual({ offset: 0, rows: [], hasMore: false });
  });

  test('stats.summary counts what demo.load wrote', async () => {
    const { host } = await demoHost();
    const stats = valueOf(await host.api.call('stats.summary', {}));
    expect(stats).toMatchObject({
      schemaVersion: latestSchemaVersion(),
      branches: 1,
      customers: demo.loaded.customers,
      holdings: demo.loaded.holdings,
      activityRows: demo.loaded.activityRows,
      loans: demo.loaded.loans,
      repayments: demo.loaded.repayments,
      isDemo: true,
    });
    expect(Number.isSafeInteger(stats.depositBalanceFen) && stats.depositBalanceFen > 0).toBe(true);
  });

  test('customers.list and customers.count answer with defaults filled in', async () => {
    const { host } = await demoHost();
    const page = valueOf(await host.api.call('customers.list', {}));
    expect(page.offset).toBe(0);
    expect(page.rows).toHaveLength(100);
    expect(page.hasMore).toBe(true);
    expect(valueOf(await host.api.call('customers.count', {}))).toEqual({ total: 200 });
    const rural = valueOf(await host.api.call('customers.count', { filters: { areaType: 'rural' } })).total;
    const urban = valueOf(await host.api.call('customers.count', { filters: { areaType: 'urban' } })).total;
    expect(rural + urban).toBe(200);
  });

  test('customers.get returns the card with masked identifiers, holdings, loans and activity', async () => {
    const { host } = await demoHost();
    // A borrower, so that the card has a loan to show.
    const borrowers = valueOf(
      await host.api.call('customers.list', { sort: { column: 'loanBalance', direction: 'desc' }, limit: 1 }),
    );
    const customerId = borrowers.rows[0]!.customerId;
    const card = valueOf(await host.api.call('customers.get', { customerId }));
    expect(card.customerId).toBe(customerId);
    expect(card.idNumberMasked).toMatch(/^341322\*{8}\d{3}[\dX]$/);
    expect(card.phoneMasked === null || /^1\d{2}\*{4}\d{4}$/.test(card.phoneMasked)).toBe(true);
    expect(JSON.stringify(card)).not.toMatch(/\d{17}[\dX]/);
    expect(card.manager?.staffId).toMatch(/^R\d{3}$/);
    expect(card.holdings.length).toBeGreaterThan(0);
    expect(card.depositBalanceFen).toBe(
      card.holdings.filter((h) => h.category === 'deposit').reduce((sum, h) => sum + h.balanceFen, 0),
    );
    expect(card.loans.length).toBeGreaterThan(0);
    expect(card.loanBalanceFen).toBe(card.loans.reduce((sum, l) => sum + l.balanceFen, 0));
    expect(card.activity.months.length).toBeLessThanOrEqual(12);
    expect(card.activity.months).toEqual([...card.activity.months].sort());
  });

  test('customers.get refuses an unknown customer with not_found', async () => {
    const { host } = await demoHost();
    const result = await host.api.call('customers.get', { customerId: '0999999999999' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: expect.stringContaining('0999999999999'),
        details: { customerId: '0999999999999' },
      },
    });
  });

  test('customers.filterOptions lists the towns, their villages and the active managers', async () => {
    const { host } = await demoHost();
    const options = valueOf(await host.api.call('customers.filterOptions', {}));
    expect(options.towns.length).toBeGreaterThan(1);
    expect(options.towns).toEqual([...options.towns].sort());
    for (const { town, village } of options.villages) {
      expect(options.towns).toContain(town);
      const count = valueOf(await host.api.call('customers.count', { filters: { town, village } })).total;
      expect(count, `${town} ${village}`).toBeGreaterThan(0);
    }
    expect(options.managers.length).toBeGreaterThanOrEqual(3);
    for (const manager of options.managers) expect(manager.staffId).toMatch(/^R\d{3}$/);
  });

  test('settings.set stores a value that settings.get returns', async () => {
    const { host } = await demoHost();
    expect(valueOf(await host.api.call('settings.get', { key: 'ui.locale' }))).toEqual({
      key: 'ui.locale',
      value: null,
    });
    expect(valueOf(await host.api.call('settings.set', { key: 'ui.locale', value: 'en' }))).toEqual({
      key: 'ui.locale',
      value: 'en',
    });
    expect(valueOf(await host.api.call('settings.get', { key: 'ui.locale' }))).toEqual({
      key: 'ui.locale',
      value: 'en',
    });
  });

  test('demo.load streams progress and replaces the branch', async () => {
    const { host } = await demoHost();
    const progress: Progress[] = [];
    const result = valueOf(
      await host.api.call(
        'demo.load',
        { customers: 1500, seed: 8, activityMonths: 1, replace: true },
        { onProgress: (p) => progress.push(p) },
      ),
    );
    expect(result).toMatchObject({ branchId: demo.loaded.branchId, customers: 1500 });
    const customerSteps = progress.filter((p) => p.phase === 'progress.customers');
    expect(customerSteps.length).toBeGreaterThan(0);
    expect(customerSteps.at(-1)).toEqual({ phase: 'progress.customers', done: 1500, total: 1500 });
    const done = customerSteps.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ phase: 'progress.statistics', done: 1, total: 1 });
    // Reads after the load see it, counts included.
    expect(valueOf(await host.api.call('customers.count', {}))).toEqual({ total: 1500 });
    expect(valueOf(await host.api.call('app.info', {})).customerCount).toBe(1500);
    expect(valueOf(await host.api.call('customers.list', { limit: 500 })).rows).toHaveLength(500);
  });

  test('demo.load refuses to overwrite a branch unless told to replace it', async () => {
    const { host } = await demoHost();
    const result = await host.api.call('demo.load', { customers: 10 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('conflict');
    expect(valueOf(await host.api.call('customers.count', {}))).toEqual({ total: 200 });
  });

  test('the boundary refuses unknown calls and bad input with a message naming the field', async () => {
    const { host } = await demoHost();
    expect(await host.call('customers.delete', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const bad = await host.call('customers.list', { limit: 100_000 });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('limit') },
    });
  });
});
