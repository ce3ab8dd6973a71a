// Raw HTTP against the browser-mode server: node:http so that tests control every header (Host
// included, which fetch will not let a caller set) and the exact request path.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../electron/server/server.js';
import type { WorkerHost } from '../../electron/worker/host.js';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export function rawRequest(options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: options.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers ?? {},
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/** POST /api/<method> as the renderer sends it: JSON body, bearer token, same-origin headers. */
export function apiRequest(
  port: number,
  token: string | null,
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return rawRequest({
    port,
    method: 'POST',
    path: `/api/${method}`,
    headers: {
      'Content-Type': 'application/json',
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * A renderer folder for browser-mode tests, with files beside it that must never be served:
 * `<root>/renderer/{index.html, assets/app.js}`, `<root>/package.json` and `<root>/secret.txt`.
 */
export function makeRendererDir(root: string): { rendererDir: string; secret: string } {
  const rendererDir = join(root, 'renderer');
  const secret = `secret-${root.length}-do-not-serve`;
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body>BranchLoop test page</body></html>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("BranchLoop");\n');
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'outside', secret }));
  writeFileSync(join(root, 'secret.txt'), secret);
  return { rendererDir, secret };
}

/** Starts browser mode on a random port with a known token; closed when the current test finishes. */
export async function startTestServer(
  host: WorkerHost,
  rendererDir: string,
  token = 'test-token-0123456789abcdef',
): Promise<BrowserServer> {
  const server = await startBrowserServer({
    host,
    rendererDir,
    token,
    incomingDir: join(rendererDir, '..', 'incoming'),
  });
  onTestFinished(() => server.close());
  return server;
}

export interface NdjsonResponse {
  status: number;
  contentType: string;
  lines: unknown[];
  /** True when the caller hung up before the server finished. */
  hungUp: boolean;
}

/**
 * POST /api/<method> accepting NDJSON, collecting each line as it arrives. When `hangUpAfter` returns
 * true for a line, the client closes the connection there, as a browser tab that navigates away does.
 */
export function ndjsonRequest(
  port: number,
  token: string,
  method: string,
  body: unknown,
  hangUpAfter: (line: unknown) => boolean = () => false,
): Promise<NdjsonResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${method}`,
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/x-ndjson',
          Authorization: `Bearer ${token}`,
        },
      },
      (response) => {
        const lines: unknown[] = [];
        let buffered = '';
        let done = false;
        const finish = (hungUp: boolean) => {
          if (done) return;
          done = true;
          resolve({
            status: response.statusCode ?? 0,
            contentType: response.headers['content-type'] ?? '',
            lines,
            hungUp,
          });
        };
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffered += chunk;
          let newline: number;
          while (!done && (newline = buffered.indexOf('\n')) >= 0) {
            const line = JSON.parse(buffered.slice(0, newline)) as unknown;
            buffered = buffered.slice(newline + 1);
            lines.push(line);
            if (hangUpAfter(line)) {
              request.destroy();
              finish(true);
            }
          }
        });
        response.on('end', () => {
          if (buffered.trim() !== '') lines.push(JSON.parse(buffered) as unknown);
          finish(false);
        });
        response.on('error', reject);
      },
    );
    // After a hang-up the promise has already resolved, so the error destroying it may raise is moot.
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}
