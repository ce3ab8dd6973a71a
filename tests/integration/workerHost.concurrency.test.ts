// Long writes in the data worker: cancelling one rolls it back whole, other writes queue behind it,
// and reads meanwhile see the last committed data.
import { describe, expect, test } from 'vitest';
import type { Result } from '../../electron/api/errors.js';
import type { DemoLoadResult } from '../../electron/api/types.js';
import { demoTemplate } from '../helpers/demoDatabase.js';
import { fingerprint } from '../helpers/sqlite.js';
import { startHost, valueOf } from '../helpers/workerHost.js';

const demo = demoTemplate({ customers: 300, seed: 13 });

/** Starts a demo.load big enough to be caught in the middle; resolves `started` on its first progress. */
function longLoad(
  host: Awaited<ReturnType<typeof startHost>>['host'],
  options: { signal?: AbortSignal; customers?: number } = {},
) {
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  let settled = false;
  const result: Promise<Result<DemoLoadResult>> = host.api
    .call(
      'demo.load',
      { customers: options.customers ?? 20_000, seed: 77, activityMonths: 1, replace: true },
      { onProgress: () => markStarted(), ...(options.signal ? { signal: options.signal } : {}) },
    )
    .finally(() => {
      settled = true;
    });
  return { started, result, isSettled: () => settled };
}

describe('WorkerHost long writes', () => {
  test('cancelling demo.load half-way returns cancelled and leaves the database exactly as it was', async () => {
    const { dataDir, databaseFile } = demo.copy();
    const { host } = await startHost(dataDir);
    const before = fingerprint(databaseFile);
    const firstPage = valueOf(await host.api.call('customers.list', {}));

    const controller = new AbortController();
    const load = longLoad(host, { signal: controller.signal });
    await load.started;
    controller.abort();
    const result = await load.result;
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'cancelled', message: expect.stringMatching(/cancel/i) },
    });

    expect(fingerprint(databaseFile)).toEqual(before);
    expect(valueOf(await host.api.call('customers.count', {}))).toEqual({ total: 300 });
    expect(valueOf(await host.api.call('customers.list', {}))).toEqual(firstPage);
    // The writer is free again: the next write goes through.
    expect((await host.api.call('settings.set', { key: 'ui.locale', value: 'zh-CN' })).ok).toBe(true);
  });

  test('a call whose signal is already aborted never starts', async () => {
    const { dataDir, databaseFile } = demo.copy();
    const { host } = await startHost(dataDir);
    const before = fingerprint(databaseFile);
    const result = await host.api.call('demo.load', { customers: 50, replace: true }, { signal: AbortSignal.abort() });
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(fingerprint(databaseFile)).toEqual(before);
  });

  test('a write sent during a long write runs after it', async () => {
    const { dataDir } = demo.copy();
    const { host } = await startHost(dataDir);
    const finished: string[] = [];
    const load = longLoad(host, { customers: 4000 });
    void load.result.then(() => finished.push('demo.load'));
    await load.started;
    const setting = host.api.call('settings.set', { key: 'ui.locale', value: 'en' }).then((result) => {
      finished.push('settings.set');
      return result;
    });

    expect(valueOf(await load.result).customers).toBe(4000);
    expect(valueOf(await setting)).toEqual({ key: 'ui.locale', value: 'en' });
    expect(finished).toEqual(['demo.load', 'settings.set']);
    expect(valueOf(await host.api.call('settings.get', { key: 'ui.locale' })).value).toBe('en');
  });

  test('reads during a long write see the last committed data, then the new data once it commits', async () => {
    const { dataDir } = demo.copy();
    const { host } = await startHost(dataDir);
    const before = {
      count: valueOf(await host.api.call('customers.count', {})),
      page: valueOf(await host.api.call('customers.list', { sort: { column: 'customerId', direction: 'desc' } })),
      stats: valueOf(await host.api.call('stats.summary', {})),
    };
    expect(before.count.total).toBe(300);

    const load = longLoad(host, { customers: 4000 });
    await load.started;
    const during = {
      count: valueOf(await host.api.call('customers.count', {})),
      page: valueOf(await host.api.call('customers.list', { sort: { column: 'customerId', direction: 'desc' } })),
      stats: valueOf(await host.api.call('stats.summary', {})),
    };
    // The reads really ran while the load was still writing.
    expect(load.isSettled()).toBe(false);
    expect(during).toEqual(before);

    expect(valueOf(await load.result).customers).toBe(4000);
    expect(valueOf(await host.api.call('customers.count', {}))).toEqual({ total: 4000 });
    expect(valueOf(await host.api.call('stats.summary', {})).customers).toBe(4000);
  });
});
