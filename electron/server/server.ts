// Browser mode: the renderer and every contract call over HTTP on 127.0.0.1, guarded by a per-run
// token. POST /api/<method> with a JSON body answers {ok, value} | {ok: false, error}; a client that
// accepts application/x-ndjson also receives progress lines, and closing the request cancels the call.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, type ErrorCode, type Result } from '../api/errors.js';
import type { WorkerHost } from '../worker/host.js';
import { checkHostAndOrigin, checkToken } from './guard.js';
import { serveStatic } from './static.js';
import { receiveUpload } from './upload.js';

const maxBodyBytes = 1_000_000;

export interface BrowserServer {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

const statusByCode: Partial<Record<ErrorCode, number>> = {
  invalid_input: 400,
  unknown_method: 404,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  db_newer_version: 409,
  internal: 500,
  db_unavailable: 503,
  worker_crashed: 503,
  worker_stopped: 503,
};

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(text);
}

function sendResult(response: ServerResponse, result: Result<unknown>): void {
  sendJson(response, result.ok ? 200 : (statusByCode[result.error.code] ?? 200), result);
}

function readBody(request: IncomingMessage): Promise<Result<unknown>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the client still gets the answer below.
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > maxBodyBytes)
        return resolve(fail('invalid_input', `Request body is larger than ${maxBodyBytes} bytes.`));
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({ ok: true, value: {} });
      try {
        resolve({ ok: true, value: JSON.parse(text) as unknown });
      } catch {
        resolve(fail('invalid_input', 'Request body is not valid JSON.'));
      }
    });
    request.on('error', () => resolve(fail('invalid_input', 'The request was interrupted.')));
  });
}

async function handleApi(
  host: WorkerHost,
  method: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== 'POST') {
    response.writeHead(405, { Allow: 'POST' }).end();
    return;
  }
  const body = await readBody(request);
  if (!body.ok) return sendResult(response, body);
  const controller = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  const streaming = (request.headers.accept ?? '').includes('application/x-ndjson');
  if (!streaming) {
    sendResult(response, await host.call(method, body.value, { signal: controller.signal }));
    return;
  }
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    response.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' });
  };
  const result = await host.call(method, body.value, {
    signal: controller.signal,
    onProgress: (progress) => {
      start();
      response.write(JSON.stringify({ type: 'progress', progress }) + '\n');
    },
  });
  if (!started && !result.ok) return sendResult(response, result);
  start();
  response.end(JSON.stringify({ type: 'result', result }) + '\n');
}

export interface ServerOptions {
  host: WorkerHost;
  rendererDir: string;
  /** Where uploaded exports are kept until imported (browser mode only). */
  incomingDir: string;
  port?: number;
  token?: string;
}

export async function startBrowserServer(options: ServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = options.port ?? 0;
  const server = createServer((request, response) => {
    const guard = checkHostAndOrigin(request, port);
    if (!guard.ok) return sendJson(response, guard.status, fail(guard.code, guard.message));
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/upload') {
      const auth = checkToken(request, token);
      if (!auth.ok) return sendJson(response, auth.status, fail(auth.code, auth.message));
      if (request.method !== 'POST') {
        response.writeHead(405, { Allow: 'POST' }).end();
        return;
      }
      void receiveUpload(request, options.incomingDir, url.searchParams.get('name') ?? 'upload.csv').then((result) =>
        sendResult(response, result),
      );
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      const auth = checkToken(request, token);
      if (!auth.ok) return sendJson(response, auth.status, fail(auth.code, auth.message));
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        // A malformed %-escape would otherwise throw out of the request handler and stop the server.
        return sendJson(response, 404, fail('unknown_method', 'There is no call by that name.'));
      }
      handleApi(options.host, method, request, response).catch((error: unknown) => {
        if (!response.headersSent) sendJson(response, 500, fail('internal', String(error)));
        else response.end();
      });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    serveStatic(options.rendererDir, url.pathname, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
