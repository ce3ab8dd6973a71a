// SHA-256 of a file's bytes, streamed, so that a file imported before is recognised and skipped.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Job } from '../context.js';

export async function sha256File(path: string, job: Job, onBytes: (bytes: number) => void): Promise<string> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
    onBytes(bytes);
    await job.checkpoint();
  }
  return hash.digest('hex');
}
