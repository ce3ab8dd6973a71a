// When the data worker fails: it crashes mid-call, a call is slow, the database is from a newer
// version, or the host has been closed.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { latestSchemaVersion } from '../../db/migrate.js';
import { demoTemplate, databaseFileName } from '../helpers/demoDatabase.js';
import { createNewerDatabase, fileSha256, fingerprint } from '../helpers/sqlite.js';
import { tempDirForTest } from '../helpers/tempDir.js';
import { startHost, valueOf } from '../helpers/workerHost.js';

const demo = demoTemplate({ customers: 150, seed: 17 });

describe('WorkerHost failures', () => {
  test('a worker killed mid-call resolves the call with worker_crashed; the next call runs on a new worker', async () => {
    const { dataDir, databaseFile } = demo.copy();
    const { host, logs } = await startHost(dataDir);
    const before = fingerprint(databaseFile);

    let markStarted!: () => void;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const load = host.api.call(
      'demo.load',
      { customers: 20_000, activityMonths: 1, replace: true },
      { onProgress: () => markStarted() },
    );
    await started;
    await host.killWorker();

    const result = await load;
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'worker_crashed', message: expect.stringContaining('demo.load') },
    });
    expect(logs.some((entry) => entry.level === 'warn' && /restarting/.test(entry.message))).toBe(true);

    // The restarted worker answers reads and writes; the killed load left nothing behind.
    expect(valueOf(await host.api.call('customers.count', {}))).toEqual({ total: 150 });
    expect(valueOf(await host.api.call('settings.set', { key: 'ui.locale', value: 'en' }))).toEqual({
      key: 'ui.locale',
      value: 'en',
    });
    const after = fingerprint(databaseFile);
    expect({ ...after, counts: { ...after.counts, settings: 0 } }).toEqual({
      ...before,
      counts: { ...before.counts, settings: 0 },
    });
  });

  test('every pending call, queued writes included, is resolved when the worker dies', async () => {
    const { dataDir } = demo.copy();
    const { host } = await startHost(dataDir);
    let markStarted!: () => void;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const load = host.api.call('demo.load', { customers: 20_000, replace: true }, { onProgress: () => markStarted() });
    await started;
    const queuedWrite = host.api.call('settings.set', { key: 'ui.locale', value: 'en' });
    await host.killWorker();
    const results = await Promise.all([load, queuedWrite]);
    for (const result of results) expect(result).toMatchObject({ ok: false, error: { code: 'worker_crashed' } });
    expect(valueOf(await host.api.call('settings.get', { key: 'ui.locale' })).value).toBeNull();
  });

  test('a worker that keeps dying is not restarted forever', async () => {
    const { dataDir } = demo.copy();
    const { host, logs } = await startHost(dataDir);
    // Five restarts a minute are allowed; the sixth crash stops the worker for good.
    for (let crash = 1; crash <= 5; crash++) {
      await host.killWorker();
      expect(valueOf(await host.api.call('customers.count', {})), `after crash ${crash}`).toEqual({ total: 150 });
    }
    await host.killWorker();
    const result = await host.api.call('customers.count', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'worker_stopped', message: expect.stringMatching(/restart BranchLoop/) },
    });
    expect(host.failure?.code).toBe('worker_stopped');
    expect(logs.filter((entry) => entry.level === 'error').map((entry) => entry.message)).toContain(
      host.failure?.message,
    );
  });

  test('a call slower than slowCallMs is logged with its method name', async () => {
    const { dataDir } = demo.copy();
    const { host, logs } = await startHost(dataDir, { slowCallMs: 0 });
    valueOf(await host.api.call('customers.count', { filters: { areaType: 'rural' } }));
    // The log is posted before the result, so it has arrived by now.
    const entry = logs.find((e) => e.method === 'customers.count');
    expect(entry).toMatchObject({
      type: 'log',
      level: 'warn',
      method: 'customers.count',
      message: expect.stringContaining('customers.count'),
    });
    expect(entry?.ms).toBeGreaterThan(0);
  });

  test('a database from a newer version is reported as the failure, and calls get the same error', async () => {
    const dataDir = tempDirForTest();
    const file = join(dataDir, databaseFileName);
    const { version } = createNewerDatabase(file);
    const hash = fileSha256(file);

    const { host } = await startHost(dataDir);
    expect(host.failure).toMatchObject({
      code: 'db_newer_version',
      message: expect.stringContaining(String(version)),
      details: { current: version, latest: latestSchemaVersion() },
    });
    const result = await host.api.call('app.info', {});
    expect(result).toEqual({ ok: false, error: host.failure });
    expect(fileSha256(file)).toBe(hash);
  });

  test('after close, calls are refused with worker_stopped and pending ones are resolved', async () => {
    const { dataDir } = demo.copy();
    const { host } = await startHost(dataDir);
    let markStarted!: () => void;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const load = host.api.call('demo.load', { customers: 20_000, replace: true }, { onProgress: () => markStarted() });
    await started;
    await host.close();
    expect(await load).toMatchObject({ ok: false, error: { code: 'worker_stopped' } });
    expect(await host.api.call('customers.count', {})).toMatchObject({ ok: false, error: { code: 'worker_stopped' } });
    // Input is still checked first, at the boundary, without a worker.
    expect(await host.call('customers.list', { offset: -5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
