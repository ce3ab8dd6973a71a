// Browser mode: contract calls over HTTP to the local server, with this run's token. Progress arrives
// as NDJSON lines before the result; aborting the fetch cancels the call on the server.
import type { CallOptions, Transport } from '../../electron/api/client.js';
import type { Result } from '../../electron/api/errors.js';
import type { Progress } from '../../electron/api/types.js';

const tokenKey = 'branchloop.token';

/** Takes the token from the URL fragment (#token=…) once, keeps it for reloads of this tab, and hides it. */
export function takeToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(tokenKey, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search + '#/customers');
    return match[1];
  }
  return sessionStorage.getItem(tokenKey);
}

type Line = { type: 'progress'; progress: Progress } | { type: 'result'; result: Result<unknown> };

function failure(message: string): Result<never> {
  return { ok: false, error: { code: 'internal', message } };
}

export function httpTransport(token: string): Transport {
  return async (method, input, options: CallOptions) => {
    let response: Response;
    try {
      response = await fetch(`./api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/x-ndjson',
          Authorization: `Bearer ${token}`,
        },
        body: JSON.stringify(input ?? {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if (options.signal?.aborted)
        return { ok: false, error: { code: 'cancelled', message: `${method} was cancelled.` } };
      return failure(`BranchLoop's local server cannot be reached (${String(error)}). Is it still running?`);
    }
    if (!(response.headers.get('Content-Type') ?? '').includes('ndjson')) {
      return (await response.json()) as Result<unknown>;
    }
    const reader = response.body?.getReader();
    if (!reader) return failure('Empty response from the local server.');
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        return { ok: false, error: { code: 'cancelled', message: `${method} was cancelled.` } };
      }
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = JSON.parse(buffer.slice(0, newline)) as Line;
        buffer = buffer.slice(newline + 1);
        if (line.type === 'result') return line.result;
        options.onProgress?.(line.progress);
        newline = buffer.indexOf('\n');
      }
    }
    return failure(`The local server ended ${method} without a result.`);
  };
}

/**
 * Uploads a file chosen in the browser to the local server (which stores it under the data folder)
 * and resolves with the path to import. XMLHttpRequest, because fetch reports no upload progress.
 */
export function uploadFile(
  file: File,
  onProgress: (sentBytes: number) => void,
  signal?: AbortSignal,
): Promise<Result<{ path: string; bytes: number }>> {
  const token = sessionStorage.getItem(tokenKey) ?? '';
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', `./upload?name=${encodeURIComponent(file.name)}`);
    request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onload = () => {
      try {
        resolve(JSON.parse(request.responseText) as Result<{ path: string; bytes: number }>);
      } catch {
        resolve(failure(`The upload of ${file.name} got an unreadable answer (HTTP ${request.status}).`));
      }
    };
    request.onerror = () => resolve(failure(`The upload of ${file.name} failed.`));
    request.onabort = () => resolve({ ok: false, error: { code: 'cancelled', message: 'The upload was cancelled.' } });
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}
