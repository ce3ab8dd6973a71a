// Contract calls over browser-mode HTTP: errors as statuses with the same result values, and long
// calls streamed as NDJSON that a hang-up cancels.
import { describe, expect, test } from 'vitest';
import type { Progress } from '../../electron/api/types.js';
import { demoTemplate } from '../helpers/demoDatabase.js';
import { apiRequest, makeRendererDir, ndjsonRequest, rawRequest, startTestServer } from '../helpers/http.js';
import { fingerprint } from '../helpers/sqlite.js';
import { tempDirForTest } from '../helpers/tempDir.js';
import { startHost } from '../helpers/workerHost.js';

const demo = demoTemplate({ customers: 120, seed: 29 });

async function browserMode() {
  const { dataDir, databaseFile } = demo.copy();
  const { host } = await startHost(dataDir);
  const { rendererDir } = makeRendererDir(tempDirForTest());
  const server = await startTestServer(host, rendererDir);
  return { host, server, databaseFile };
}

type StreamLine =
  | { type: 'progress'; progress: Progress }
  | { type: 'result'; result: { ok: boolean; value?: unknown; error?: { code: string } } };

describe('browser-mode API', () => {
  test('answers a call with its result value', async () => {
    const { server } = await browserMode();
    const response = await apiRequest(server.port, server.token, 'customers.list', {
      limit: 3,
      sort: { column: 'customerId', direction: 'asc' },
    });
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body) as { ok: true; value: { rows: { customerId: string }[]; hasMore: boolean } };
    expect(body.value.rows.map((r) => r.customerId)).toEqual(['0341300000001', '0341300000002', '0341300000003']);
    expect(body.value.hasMore).toBe(true);
  });

  test('an empty body is an empty input', async () => {
    const { server } = await browserMode();
    const response = await apiRequest(server.port, server.token, 'customers.count', '');
    expect(JSON.parse(response.body)).toEqual({ ok: true, value: { total: 120 } });
  });

  test('a body that is not JSON is refused with 400 invalid_input', async () => {
    const { server } = await browserMode();
    const response = await apiRequest(server.port, server.token, 'customers.count', '{"filters": {');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/JSON/) },
    });
  });

  test('a body over the size limit is answered with 400 invalid_input, not a reset connection', async () => {
    const { server } = await browserMode();
    const text = JSON.stringify({ filters: { text: 'x'.repeat(1_200_000) } });
    const response = await apiRequest(server.port, server.token, 'customers.count', text);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('larger than') },
    });
  });

  test('an unknown customer is 404 not_found with the result value', async () => {
    const { server } = await browserMode();
    const response = await apiRequest(server.port, server.token, 'customers.get', { customerId: '999' });
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  test('bad input is refused with 400 and a message naming the field', async () => {
    const { server } = await browserMode();
    const response = await apiRequest(server.port, server.token, 'customers.list', { limit: 501 });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('limit') },
    });
  });

  test('an unknown method is refused with 404 unknown_method', async () => {
    const { server } = await browserMode();
    for (const method of ['customers.drop', 'constructor', '%E0%A4%A', '']) {
      const response = await apiRequest(server.port, server.token, method, {});
      expect(response.status, method).toBe(404);
      expect(JSON.parse(response.body), method).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    // …and the server is still there.
    expect((await apiRequest(server.port, server.token, 'customers.count', {})).status).toBe(200);
  });

  test('calls are POST only', async () => {
    const { server } = await browserMode();
    const response = await rawRequest({
      port: server.port,
      method: 'GET',
      path: '/api/customers.count',
      headers: { Authorization: `Bearer ${server.token}` },
    });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
  });

  test('a service error travels as a value', async () => {
    const { server } = await browserMode();
    const response = await apiRequest(server.port, server.token, 'customers.get', { customerId: '0999999999999' });
    expect(JSON.parse(response.body)).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('0999999999999') },
    });
  });

  test('NDJSON streaming sends progress lines, then the result', async () => {
    const { server } = await browserMode();
    const response = await ndjsonRequest(server.port, server.token, 'demo.load', {
      customers: 1500,
      seed: 3,
      activityMonths: 1,
      replace: true,
    });
    expect(response.status).toBe(200);
    expect(response.contentType).toMatch(/^application\/x-ndjson/);
    const lines = response.lines as StreamLine[];
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(0, -1).every((line) => line.type === 'progress')).toBe(true);
    expect(lines.some((line) => line.type === 'progress' && line.progress.phase === 'progress.customers')).toBe(true);
    expect(lines.at(-1)).toEqual({
      type: 'result',
      result: { ok: true, value: expect.objectContaining({ customers: 1500 }) },
    });
    const count = await apiRequest(server.port, server.token, 'customers.count', {});
    expect(JSON.parse(count.body)).toEqual({ ok: true, value: { total: 1500 } });
  });

  test('a streamed call that fails before any progress answers with a plain JSON error', async () => {
    const { server } = await browserMode();
    const response = await ndjsonRequest(server.port, server.token, 'demo.load', { customers: 10 });
    expect(response.contentType).toMatch(/^application\/json/);
    expect(response.lines).toEqual([{ ok: false, error: expect.objectContaining({ code: 'conflict' }) }]);
  });

  test('hanging up on a streaming demo.load cancels it and leaves the database unchanged', async () => {
    const { server, databaseFile } = await browserMode();
    const before = fingerprint(databaseFile);
    const response = await ndjsonRequest(
      server.port,
      server.token,
      'demo.load',
      { customers: 20_000, activityMonths: 1, replace: true },
      (line) => (line as StreamLine).type === 'progress',
    );
    expect(response.hungUp).toBe(true);
    expect(response.lines).toHaveLength(1);

    // Writes run one at a time, so this one answers only once the abandoned load has ended; it finds
    // the old customers still there (conflict), which a finished load would have replaced as well.
    const after = await apiRequest(server.port, server.token, 'demo.load', { customers: 10 });
    expect(JSON.parse(after.body)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(fingerprint(databaseFile)).toEqual(before);
  });
});
