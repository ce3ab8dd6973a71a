// Who browser mode answers: only requests for this machine's address, from its own pages, with the token.
import { describe, expect, test } from 'vitest';
import { demoTemplate } from '../helpers/demoDatabase.js';
import { apiRequest, makeRendererDir, rawRequest, startTestServer } from '../helpers/http.js';
import { tempDirForTest } from '../helpers/tempDir.js';
import { startHost } from '../helpers/workerHost.js';

const demo = demoTemplate({ customers: 50, seed: 23 });

async function browserMode() {
  const { dataDir } = demo.copy();
  const { host } = await startHost(dataDir);
  const { rendererDir } = makeRendererDir(tempDirForTest());
  const server = await startTestServer(host, rendererDir);
  return { host, server };
}

describe('browser-mode guard', () => {
  test('a call with the token answers', async () => {
    const { server } = await browserMode();
    const response = await apiRequest(server.port, server.token, 'customers.count', {});
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(response.body)).toEqual({ ok: true, value: { total: 50 } });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
  });

  test('localhost and a same-origin Origin are accepted', async () => {
    const { server } = await browserMode();
    const viaLocalhost = await apiRequest(
      server.port,
      server.token,
      'customers.count',
      {},
      { Host: `localhost:${server.port}` },
    );
    expect(viaLocalhost.status).toBe(200);
    const sameOrigin = await apiRequest(
      server.port,
      server.token,
      'customers.count',
      {},
      {
        Origin: `http://127.0.0.1:${server.port}`,
      },
    );
    expect(sameOrigin.status).toBe(200);
  });

  test('a missing token is refused with 401 unauthorized', async () => {
    const { server } = await browserMode();
    const response = await apiRequest(server.port, null, 'customers.count', {});
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: expect.any(String) },
    });
  });

  test('a wrong token is refused with 401, whatever its length or scheme', async () => {
    const { server } = await browserMode();
    const sameLength = server.token.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x'));
    for (const authorization of [
      `Bearer ${sameLength}`,
      'Bearer short',
      `Basic ${server.token}`,
      server.token,
      'Bearer ',
    ]) {
      const response = await apiRequest(server.port, null, 'customers.count', {}, { Authorization: authorization });
      expect(response.status, authorization).toBe(401);
      expect(JSON.parse(response.body), authorization).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  test('a foreign Origin is refused with 403 even with the token, and the call does not run', async () => {
    const { server } = await browserMode();
    for (const origin of [
      'http://evil.example',
      'null',
      `https://127.0.0.1:${server.port}`,
      `http://127.0.0.1:${server.port + 1}`,
    ]) {
      const response = await apiRequest(
        server.port,
        server.token,
        'settings.set',
        { key: 'ui.locale', value: 'en' },
        { Origin: origin },
      );
      expect(response.status, origin).toBe(403);
      expect(JSON.parse(response.body), origin).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const setting = await apiRequest(server.port, server.token, 'settings.get', { key: 'ui.locale' });
    expect(JSON.parse(setting.body)).toEqual({ ok: true, value: { key: 'ui.locale', value: null } });
  });

  test('a foreign Host header (DNS rebinding) is refused with 403, for calls and for pages', async () => {
    const { server } = await browserMode();
    for (const host of [
      `evil.example:${server.port}`,
      'evil.example',
      `127.0.0.1.evil.example:${server.port}`,
      `127.0.0.1:${server.port + 1}`,
    ]) {
      const call = await apiRequest(server.port, server.token, 'customers.count', {}, { Host: host });
      expect(call.status, host).toBe(403);
      expect(JSON.parse(call.body), host).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringContaining('host') },
      });
      const page = await rawRequest({ port: server.port, path: '/', headers: { Host: host } });
      expect(page.status, host).toBe(403);
      expect(page.body).not.toContain('BranchLoop test page');
    }
  });
});
