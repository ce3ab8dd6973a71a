// Each test gets its own browser-mode server on a fresh data directory: the real first start,
// the real worker and the real HTTP transport.
import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface BrowserModeServer {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Milliseconds from spawning the server to its printed URL. */
  startMs: number;
}

export async function startServer(dataDir: string): Promise<{ server: BrowserModeServer; child: ChildProcess }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/electron/server/serve.js', '--data-dir', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('http://127.0.0.1:')) resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`browser mode exited with code ${code}: ${stderr}`)));
  });
  const parsed = new URL(url);
  const token = /token=([^&]+)/.exec(parsed.hash)?.[1] ?? '';
  return {
    server: { url, origin: parsed.origin, token, dataDir, startMs: performance.now() - started },
    child,
  };
}

export const test = base.extend<{ server: BrowserModeServer }>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'branchloop-e2e-'));
    const { server, child } = await startServer(dataDir);
    await use(server);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
