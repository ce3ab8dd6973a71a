// All or nothing: an import cancelled half way, or one of whose files cannot be opened or read, leaves
// the database exactly as it was — the data, the import records, everything.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Progress } from '../../electron/api/types.js';
import { demoExportFixture, importedTemplate } from '../helpers/importFixtures.js';
import { databaseContent } from '../helpers/sqlite.js';
import { tempDirForTest } from '../helpers/tempDir.js';
import { startHost } from '../helpers/workerHost.js';

// Large enough that activity.csv alone (~107,000 rows, 6 MB) takes a hundred batches.
const demo = demoExportFixture({ customers: 3000, seed: 9, months: 12, dirty: false });
const branchLevel = ['branches.csv', 'staff.csv', 'products.csv'];
// The database already holds the branch, its staff and products.
const template = importedTemplate(() => branchLevel.map((name) => demo.value.path(name)));

const customerLevel = ['customers.csv', 'holdings.csv', 'activity.csv', 'loans.csv', 'repayments.csv'];

async function branchDatabase() {
  const { dataDir, databaseFile } = template.copy();
  const before = databaseContent(databaseFile);
  const { host } = await startHost(dataDir);
  return { host, databaseFile, before };
}

describe('an import that does not finish changes nothing', () => {
  test('cancelled after its first batch is read, it answers "cancelled" and the database is as it was', async () => {
    const { host, databaseFile, before } = await branchDatabase();
    const controller = new AbortController();
    const progress: Progress[] = [];
    const result = await host.api.call(
      'import.run',
      { files: customerLevel.map((name) => ({ path: demo.value.path(name) })) },
      {
        signal: controller.signal,
        onProgress: (p) => {
          progress.push(p);
          if (p.phase === 'progress.reading') controller.abort();
        },
      },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const reading = progress.filter((p) => p.phase === 'progress.reading');
    expect(reading.length).toBeGreaterThan(0);
    // Cancelled well before the end: most of the bytes were never read.
    expect(reading[0]!.done).toBeLessThan((reading[0]!.total ?? 0) / 2);
    expect(progress.some((p) => p.phase === 'progress.applying' && p.done === p.total)).toBe(false);
    expect(databaseContent(databaseFile)).toEqual(before);
    // The worker is fine afterwards, and the same files import in full.
    const again = await host.api.call('import.run', {
      files: customerLevel.map((name) => ({ path: demo.value.path(name) })),
    });
    expect(again).toMatchObject({ ok: true, value: { totals: { added: expect.any(Number) as number } } });
    expect(databaseContent(databaseFile)).not.toEqual(before);
  });

  test('a second file that does not exist: nothing of the first is applied', async () => {
    const { host, databaseFile, before } = await branchDatabase();
    const missing = join(tempDirForTest(), 'holdings.csv');
    const result = await host.api.call('import.run', {
      files: [{ path: demo.value.path('customers.csv') }, { path: missing }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(result.ok ? '' : result.error.message).toContain(missing);
    expect(databaseContent(databaseFile)).toEqual(before);
  });

  test('a second file that is neither UTF-8 nor GBK: refused whole, nothing of the first is applied', async () => {
    const { host, databaseFile, before } = await branchDatabase();
    const garbled = join(tempDirForTest(), 'holdings.csv');
    // A header, then bytes no UTF-8 or GB18030 decoder accepts (0xFF never occurs in either).
    writeFileSync(
      garbled,
      Buffer.concat([
        Buffer.from('account_id,customer_id,product_id,opened_on,closed_on,status,balance\r\n'),
        Buffer.from([0x41, 0xff, 0xfe, 0x80, 0x0d, 0x0a]),
      ]),
    );
    const result = await host.api.call('import.run', {
      files: [{ path: demo.value.path('customers.csv') }, { path: garbled }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(result.ok ? '' : result.error.message).toMatch(/neither UTF-8 nor GBK/);
    expect(databaseContent(databaseFile)).toEqual(before);
  });

  test('bad bytes deep in a later file, after earlier files were applied in the transaction: all rolled back', async () => {
    const { host, databaseFile, before } = await branchDatabase();
    const dir = tempDirForTest();
    // Past the first megabyte, which decides the encoding, and after thousands of good rows.
    const text = readFileSync(demo.value.path('activity.csv'));
    const cut = text.indexOf('\r\n', 5_000_000) + 2;
    writeFileSync(
      join(dir, 'activity.csv'),
      Buffer.concat([text.subarray(0, cut), Buffer.from([0xff, 0x0d, 0x0a]), text.subarray(cut)]),
    );
    const files = customerLevel.map((name) => ({
      path: name === 'activity.csv' ? join(dir, name) : demo.value.path(name),
    }));
    const result = await host.api.call('import.run', { files });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Found tens of thousands of lines into activity.csv, so customers.csv and holdings.csv, applied
    // before it, were already written inside the transaction.
    const line = /activity\.csv, line (\d+)/.exec(result.ok ? '' : result.error.message)?.[1];
    expect(Number(line)).toBe(text.subarray(0, cut).toString('latin1').split('\n').length);
    expect(Number(line)).toBeGreaterThan(50_000);
    expect(databaseContent(databaseFile)).toEqual(before);
  });
});
