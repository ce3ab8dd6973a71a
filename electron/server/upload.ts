// Browser mode's file upload: the browser cannot hand the server a path, so a chosen export is
// streamed into the data folder's incoming/ directory and its path returned for `import.run`.
// (The desktop app passes the paths the native open dialog returns instead.)
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fail, ok, type Result } from '../api/errors.js';

export const maxUploadBytes = 16 * 1024 ** 3;

/** Keeps letters, digits, CJK, dot, dash and underscore: the name is shown back, never trusted as a path. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^\.+/, '')
    .slice(0, 120);
  return cleaned || 'upload.csv';
}

export async function receiveUpload(
  request: IncomingMessage,
  incomingDir: string,
  name: string,
): Promise<Result<{ path: string; bytes: number }>> {
  const length = Number(request.headers['content-length'] ?? NaN);
  if (Number.isFinite(length) && length > maxUploadBytes) {
    request.resume();
    return fail('invalid_input', `The file is larger than ${maxUploadBytes / 1024 ** 3} GB.`);
  }
  mkdirSync(incomingDir, { recursive: true });
  // A fresh folder per upload keeps the original file name, which the import report shows.
  const dir = join(incomingDir, randomUUID());
  mkdirSync(dir);
  const path = join(dir, safeFileName(name));
  let bytes = 0;
  try {
    await pipeline(
      request,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          bytes += chunk.length;
          if (bytes > maxUploadBytes) throw new Error('too large');
          yield chunk;
        }
      },
      createWriteStream(path, { flags: 'wx' }),
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return fail(
      'invalid_input',
      `The upload did not complete (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  return ok({ path, bytes });
}
