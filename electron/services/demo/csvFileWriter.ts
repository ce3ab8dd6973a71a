// Writes one CSV file as a stream: records are buffered into large chunks, encoded (UTF-8 or GBK),
// hashed and written with backpressure to DIR/.partial-<name>, which is renamed only when complete.
import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { csvRecord, recordLines } from './csvValues.js';

export const csvEncodings = ['utf-8', 'gbk'] as const;
export type CsvEncoding = (typeof csvEncodings)[number];

export interface WrittenFile {
  name: string;
  /** Records after the header. */
  rows: number;
  bytes: number;
  sha256: string;
}

/**
 * Characters buffered before a chunk is encoded and handed to the file. Small enough that the record
 * strings die young (holding a megabyte of them made garbage collection half the run time).
 */
const chunkChars = 1 << 15;
const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

function countByte(buffer: Buffer, byte: number): number {
  let count = 0;
  for (let at = buffer.indexOf(byte); at !== -1; at = buffer.indexOf(byte, at + 1)) count++;
  return count;
}

function countChar(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) count++;
  return count;
}

function encode(text: string, encoding: CsvEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const bytes = iconv.encode(text, 'gbk');
  // iconv-lite writes "?" for a character GBK lacks; GBK's trail bytes never take the value of "?",
  // so a count that differs means text was lost, which must not pass silently.
  if (countByte(bytes, 0x3f) !== countChar(text, '?')) throw new Error('text that GBK cannot encode');
  return bytes;
}

export class CsvFileWriter {
  /** The physical line the next record starts on; the header is line 1. */
  nextLine = 1;
  rows = 0;
  private pending: string[] = [];
  private pendingChars = 0;
  private bytes = 0;
  private readonly hash: Hash = createHash('sha256');
  private failure: Error | null = null;

  private constructor(
    readonly name: string,
    private readonly dir: string,
    private readonly encoding: CsvEncoding,
    private readonly stream: WriteStream,
  ) {
    stream.on('error', (error) => (this.failure ??= error));
  }

  static partialName(name: string): string {
    return `.partial-${name}`;
  }

  /** Opens DIR/.partial-<name> and buffers the header (and the BOM, if asked for). */
  static async open(
    dir: string,
    name: string,
    header: readonly string[],
    encoding: CsvEncoding,
    bom: boolean,
  ): Promise<CsvFileWriter> {
    // The stream queues up to a megabyte before asking us to wait, so encoding and disk writes overlap.
    const stream = createWriteStream(join(dir, CsvFileWriter.partialName(name)), { highWaterMark: 1 << 20 });
    await once(stream, 'ready');
    const writer = new CsvFileWriter(name, dir, encoding, stream);
    if (bom) writer.emit(utf8Bom);
    writer.record(header);
    writer.rows = 0;
    return writer;
  }

  /** Buffers one record and returns the line it starts on. */
  record(fields: readonly string[]): number {
    const line = this.nextLine;
    this.nextLine += recordLines(fields);
    this.rows += 1;
    const text = csvRecord(fields);
    this.pending.push(text);
    this.pendingChars += text.length;
    return line;
  }

  /** Whether enough is buffered that the caller should `await flush()` before adding more. */
  get full(): boolean {
    return this.pendingChars >= chunkChars;
  }

  async flush(): Promise<void> {
    if (this.pending.length > 0) {
      const bytes = encode(this.pending.join(''), this.encoding);
      this.pending = [];
      this.pendingChars = 0;
      if (!this.emit(bytes)) await once(this.stream, 'drain');
    }
    if (this.failure) throw this.failure;
  }

  /** Writes what is left, closes the file and gives it its real name. */
  async finish(): Promise<WrittenFile> {
    await this.flush();
    const closed = once(this.stream, 'close');
    this.stream.end();
    await closed;
    if (this.failure) throw this.failure;
    await rename(join(this.dir, CsvFileWriter.partialName(this.name)), join(this.dir, this.name));
    return { name: this.name, rows: this.rows, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }

  /** Stops writing and removes the partial file. */
  async abandon(): Promise<void> {
    if (!this.stream.destroyed) {
      const closed = once(this.stream, 'close').catch(() => undefined);
      this.stream.destroy();
      await closed;
    }
    await rm(join(this.dir, CsvFileWriter.partialName(this.name)), { force: true });
  }

  private emit(bytes: Buffer): boolean {
    this.hash.update(bytes);
    this.bytes += bytes.length;
    return this.stream.write(bytes);
  }
}
