// The renderer files in browser mode: served with the strict CSP, and nothing outside their folder.
import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy } from '../../electron/server/static.js';
import { demoTemplate } from '../helpers/demoDatabase.js';
import { makeRendererDir, rawRequest, startTestServer } from '../helpers/http.js';
import { tempDirForTest } from '../helpers/tempDir.js';
import { startHost } from '../helpers/workerHost.js';

const demo = demoTemplate({ customers: 20, seed: 31 });

async function browserMode(withTrailingSlash = false) {
  const { dataDir } = demo.copy();
  const { host } = await startHost(dataDir);
  const { rendererDir, secret } = makeRendererDir(tempDirForTest());
  const server = await startTestServer(host, withTrailingSlash ? `${rendererDir}/` : rendererDir);
  return { server, secret };
}

describe('browser-mode static files', () => {
  test('index.html is served with the strict CSP and no caching', async () => {
    const { server } = await browserMode();
    for (const path of ['/', '/index.html']) {
      const response = await rawRequest({ port: server.port, path });
      expect(response.status, path).toBe(200);
      expect(response.body).toContain('BranchLoop test page');
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-security-policy']).toBe(contentSecurityPolicy);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cache-control']).toBe('no-store');
    }
    expect(contentSecurityPolicy).toMatch(/default-src 'self'/);
    expect(contentSecurityPolicy).toMatch(/script-src 'self'(;|$)/);
    expect(contentSecurityPolicy).toMatch(/frame-ancestors 'none'/);
  });

  test('assets are served with their type', async () => {
    const { server } = await browserMode();
    const response = await rawRequest({ port: server.port, path: '/assets/app.js' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.body).toContain('BranchLoop');
  });

  test('a renderer folder given with a trailing slash is served the same', async () => {
    const { server } = await browserMode(true);
    const response = await rawRequest({ port: server.port, path: '/' });
    expect(response.status).toBe(200);
    expect(response.body).toContain('BranchLoop test page');
  });

  test.each([
    '/../package.json',
    '/../secret.txt',
    '/%2e%2e/package.json',
    '/%2e%2e%2fpackage.json',
    '/..%2fsecret.txt',
    '/..%2f..%2f..%2fetc%2fpasswd',
    '/assets/../../secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/%252e%252e/secret.txt',
    '/..%5csecret.txt',
    '/secret.txt%00.html',
    '//../secret.txt',
  ])('path traversal %s is refused', async (path) => {
    const { server, secret } = await browserMode();
    const response = await rawRequest({ port: server.port, path });
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(secret);
  });

  test('a file that does not exist is 404, and other verbs than GET/HEAD are refused', async () => {
    const { server } = await browserMode();
    expect((await rawRequest({ port: server.port, path: '/missing.js' })).status).toBe(404);
    expect((await rawRequest({ port: server.port, path: '/assets' })).status).toBe(404);
    const post = await rawRequest({ port: server.port, method: 'POST', path: '/index.html', body: 'x' });
    expect(post.status).toBe(405);
  });
});
