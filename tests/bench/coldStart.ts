// Browser-mode cold start: spawn the real server on an existing database and time its printed URL and
// the first customers.list + customers.count answered over HTTP, the calls the grid makes on opening.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { emit, ms, note, summarize } from './figures.js';

export const coldStartTargetMs = 2000;
const serveScript = fileURLToPath(new URL('../../electron/server/serve.js', import.meta.url));

interface ColdStart {
  toUrlMs: number;
  toFirstPageMs: number;
}

async function post(url: URL, token: string, method: string, body: unknown): Promise<void> {
  const response = await fetch(new URL(`/api/${method}`, url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const result = (await response.json()) as { ok: boolean; error?: { message: string } };
  if (!result.ok) throw new Error(`${method} over HTTP: ${result.error?.message ?? response.status}`);
}

async function coldStartOnce(dataDir: string): Promise<ColdStart> {
  const started = performance.now();
  const child = spawn(process.execPath, [serveScript, '--data-dir', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const printed = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        if (line.startsWith('http')) resolve(line.trim());
      });
      void exited.then((code) => reject(new Error(`serve exited (code ${code}) before printing its URL:\n${stderr}`)));
    });
    const toUrlMs = performance.now() - started;
    const url = new URL(printed);
    const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
    // The grid asks for its first page and its row count together.
    await Promise.all([
      post(url, token, 'customers.list', { offset: 0, limit: 100 }),
      post(url, token, 'customers.count', { filters: {} }),
    ]);
    return { toUrlMs, toFirstPageMs: performance.now() - started };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

export async function measureColdStart(dataDir: string, customers: number, runs: number): Promise<void> {
  note(`Timing browser-mode cold start (${runs} runs)…`);
  const results: ColdStart[] = [];
  for (let i = 0; i < runs; i++) results.push(await coldStartOnce(dataDir));
  const toUrl = summarize(results.map((r) => r.toUrlMs));
  const toFirstPage = summarize(results.map((r) => r.toFirstPageMs));
  emit({
    name: 'browser.coldStart',
    unit: 'ms',
    value: ms(toFirstPage.p50),
    n: customers,
    p50: ms(toFirstPage.p50),
    p95: ms(toFirstPage.p95),
    toUrlP50: ms(toUrl.p50),
    toUrlP95: ms(toUrl.p95),
    runs,
    // Every run, in order: the first start after the load can differ from the later ones.
    toFirstPageMsRuns: results.map((r) => ms(r.toFirstPageMs)),
    target: coldStartTargetMs,
    met: toFirstPage.p95 <= coldStartTargetMs,
  });
}
