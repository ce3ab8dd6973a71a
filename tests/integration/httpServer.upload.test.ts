// Browser mode's upload: the token is required, the file lands under incoming/ with a safe name.
import { readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { safeFileName } from '../../electron/server/upload.js';
import { makeRendererDir, rawRequest, startTestServer } from '../helpers/http.js';
import { tempDirForTest } from '../helpers/tempDir.js';
import { startHost } from '../helpers/workerHost.js';

async function browserMode() {
  const { host } = await startHost(tempDirForTest());
  const { rendererDir } = makeRendererDir(tempDirForTest());
  return startTestServer(host, rendererDir);
}

describe('browser-mode upload', () => {
  test('stores the body under incoming/ and answers its path', async () => {
    const server = await browserMode();
    const content = 'customer_id,name\n0001,王伟\n';
    const response = await rawRequest({
      port: server.port,
      method: 'POST',
      path: `/upload?name=${encodeURIComponent('客户 清单.csv')}`,
      headers: { Authorization: `Bearer ${server.token}` },
      body: content,
    });
    expect(response.status).toBe(200);
    const result = JSON.parse(response.body) as { ok: true; value: { path: string; bytes: number } };
    expect(result.value.path).toContain(`${sep}incoming${sep}`);
    expect(result.value.path.endsWith(`${sep}客户_清单.csv`)).toBe(true);
    expect(result.value.bytes).toBe(Buffer.byteLength(content));
    expect(readFileSync(result.value.path, 'utf8')).toBe(content);
  });

  test('refuses an upload without the token', async () => {
    const server = await browserMode();
    const response = await rawRequest({ port: server.port, method: 'POST', path: '/upload?name=a.csv', body: 'x' });
    expect(response.status).toBe(401);
  });

  test('file names cannot climb out of the folder', () => {
    expect(safeFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeFileName('...')).toBe('upload.csv');
    expect(safeFileName('贷款 明细.csv')).toBe('贷款_明细.csv');
  });
});
