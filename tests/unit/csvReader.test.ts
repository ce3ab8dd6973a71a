// The streaming CSV reader against real files: encodings, delimiters, RFC 4180 quoting, line numbers,
// records split across reads, refusals and cancellation.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AppError } from '../../electron/api/errors.js';
import { openCsv, standaloneCopy } from '../../electron/services/import/csv/index.js';
import type { CsvRecord, OpenCsvOptions } from '../../electron/services/import/csv/index.js';
import { tempDirForTest } from '../helpers/tempDir.js';

function writeTemp(content: string | Uint8Array, name = 'export.csv'): string {
  const path = join(tempDirForTest('branchloop-csv-'), name);
  writeFileSync(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  return path;
}

async function readAll(path: string, options: OpenCsvOptions = {}, batchSize = 1000) {
  const reader = await openCsv(path, options);
  const records: CsvRecord[] = [];
  for await (const batch of reader.batches(batchSize)) records.push(...batch);
  return { info: reader.info, records, bytesRead: reader.bytesRead };
}

/** The fields of each record, for tests that do not look at line numbers. */
async function rows(path: string, options: OpenCsvOptions = {}): Promise<string[][]> {
  return (await readAll(path, options)).records.map((record) => record.fields);
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

function bytes(...parts: (string | number[])[]): Uint8Array {
  const chunks = parts.map((part) =>
    typeof part === 'string' ? new TextEncoder().encode(part) : Uint8Array.from(part),
  );
  const all = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

// GB18030 bytes written by hand, checked against Node's decoder below.
const nihao = [0xc4, 0xe3, 0xba, 0xc3]; // 你好
const zhangsan = [0xd5, 0xc5, 0xc8, 0xfd]; // 张三
const u20000 = [0x95, 0x32, 0x82, 0x36]; // 𠀀, a four-byte GB18030 sequence

let gbkTable: Map<string, number[]> | undefined;

/** GBK bytes for text, from the inverse of the decoder's two-byte table (no encoder ships with Node). */
function gbk(text: string): number[] {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(Uint8Array.from([lead, trail]));
        if (!gbkTable.has(char)) gbkTable.set(char, [lead, trail]);
      }
    }
  }
  const table = gbkTable;
  return Array.from(text).flatMap((char) => {
    const code = char.codePointAt(0)!;
    if (code < 0x80) return [code];
    const encoded = table.get(char);
    if (!encoded) throw new Error(`no GBK bytes for ${char}`);
    return encoded;
  });
}

describe('openCsv: encodings', () => {
  test('the hand-written GB18030 bytes are what the decoder reads', () => {
    const decoder = new TextDecoder('gb18030', { fatal: true });
    expect(decoder.decode(Uint8Array.from([...nihao, ...zhangsan, ...u20000]))).toBe('你好张三𠀀');
    expect(gbk('你好张三')).toEqual([...nihao, ...zhangsan]);
  });

  test('reads UTF-8 without a BOM', async () => {
    const path = writeTemp('customer_id,name\nC001,张三\nC002,李四\n');
    const { info, records, bytesRead } = await readAll(path);
    expect(info).toEqual({
      path,
      encoding: 'utf-8',
      bom: false,
      delimiter: ',',
      header: ['customer_id', 'name'],
      sizeBytes: 41,
    });
    expect(records).toEqual([
      { line: 2, fields: ['C001', '张三'] },
      { line: 3, fields: ['C002', '李四'] },
    ]);
    expect(bytesRead).toBe(41);
  });

  test('reads UTF-8 with a BOM and strips it from the first header name', async () => {
    const path = writeTemp(bytes([0xef, 0xbb, 0xbf], 'customer_id,name\r\nC001,张三\r\n'));
    const { info, records } = await readAll(path);
    expect(info.encoding).toBe('utf-8');
    expect(info.bom).toBe(true);
    expect(info.header).toEqual(['customer_id', 'name']);
    expect(records).toEqual([{ line: 2, fields: ['C001', '张三'] }]);
  });

  test('reads GBK, GB18030 four-byte sequences included, at any read size', async () => {
    const path = writeTemp(bytes('id,name\n', '1,', nihao, '\n', '2,', zhangsan, '\n', '3,', u20000, '\n'));
    for (const chunkSize of [1, 2, 3, 5, 1 << 20]) {
      const { info, records } = await readAll(path, { chunkSize });
      expect(info.encoding).toBe('gb18030');
      expect(records.map((record) => record.fields)).toEqual([
        ['1', '你好'],
        ['2', '张三'],
        ['3', '𠀀'],
      ]);
    }
  });

  test('round-trips Chinese text written as GBK', async () => {
    const text = '客户号,姓名,地址\n0001,王秀英,"河北省石家庄市正定县城关镇东风村12号"\n0002,"赵""小""明",农村\n';
    expect(await rows(writeTemp(Uint8Array.from(gbk(text))))).toEqual(await rows(writeTemp(text)));
  });

  test('refuses a file that is neither UTF-8 nor GB18030, naming the file and the offset', async () => {
    const path = writeTemp(bytes('id,name\n1,ok\n2,', [0xff, 0x41], '\n'));
    const error = await refusal(openCsv(path));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(`${path} is neither UTF-8 nor GBK/GB18030 (invalid bytes at offset 15)`);
  });

  test('names the offset where the more plausible encoding failed', async () => {
    // Valid GB18030 up to byte 21, where a lead byte is followed by a line feed; UTF-8 fails at 8.
    const path = writeTemp(bytes('id,name\n', nihao, ',', zhangsan, ',abc', [0xc4], '\n'));
    expect((await refusal(openCsv(path))).message).toContain('(invalid bytes at offset 21)');
  });

  test('recognises UTF-16 and says how to save the file instead', async () => {
    const path = writeTemp(bytes([0xff, 0xfe, 0x69, 0x00, 0x64, 0x00]));
    expect((await refusal(openCsv(path))).message).toBe(
      `${path} is neither UTF-8 nor GBK/GB18030 (invalid bytes at offset 0); it looks like UTF-16 ("Unicode Text" in Excel): save it as "CSV UTF-8" instead`,
    );
  });

  test('refuses an invalid byte after the sample, naming the file, line and offset', async () => {
    const path = writeTemp(bytes('id,name\n1,张三\n2,李四\n3,bad', [0xe5, 0x41], '\n4,ok\n'));
    const error = await refusal(readAll(path, { sampleSize: 16, chunkSize: 8 }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(
      `${path}, line 4: invalid UTF-8 bytes at offset 31; the file mixes encodings or is damaged — save it again as UTF-8`,
    );
    expect(error.details).toEqual({ line: 4, offset: 31 });
  });

  test('switches to GB18030 when GBK text follows a sample that was plain ASCII', async () => {
    const path = writeTemp(bytes('id,name\n1,plain\n2,ascii\n3,', zhangsan, '\n4,', nihao, '\n'));
    const reader = await openCsv(path, { sampleSize: 8, chunkSize: 4 });
    expect(reader.info.encoding).toBe('utf-8');
    const records: CsvRecord[] = [];
    for await (const batch of reader.batches(10)) records.push(...batch);
    expect(reader.info.encoding).toBe('gb18030');
    expect(records.map((record) => record.fields[1])).toEqual(['plain', 'ascii', '张三', '你好']);
  });

  test('does not switch once UTF-8 text was read, and refuses bytes invalid in both later on', async () => {
    const utf8First = writeTemp(bytes('id,name\n1,张三\n2,', zhangsan, '\n'));
    expect((await refusal(readAll(utf8First, { sampleSize: 16 }))).message).toContain('line 3: invalid UTF-8 bytes');
    const neither = writeTemp(bytes('id,name\n1,plain\n2,', [0x81, 0x0a]));
    expect((await refusal(readAll(neither, { sampleSize: 8 }))).message).toBe(
      `${neither}, line 3: neither UTF-8 nor GBK/GB18030 (invalid bytes at offset 18)`,
    );
  });

  test('follows a given encoding instead of detecting one', async () => {
    const path = writeTemp(bytes('id,name\n1,', nihao, '\n'));
    expect((await readAll(path, { encoding: 'gb18030' })).records[0]?.fields).toEqual(['1', '你好']);
    expect((await refusal(readAll(path, { encoding: 'utf-8' }))).message).toContain('line 2: invalid UTF-8 bytes');
  });

  test('refuses a character cut off by the end of the file', async () => {
    const path = writeTemp(bytes('id,名\n1,', [0xe5, 0xbc]));
    expect((await refusal(readAll(path, { sampleSize: 8 }))).message).toContain(
      'line 2: invalid UTF-8 bytes at offset 9',
    );
  });
});

describe('openCsv: delimiters and quoting', () => {
  test('sniffs semicolons and tabs from the header, ignoring quoted ones', async () => {
    expect((await readAll(writeTemp('a;b;c\n1;2,5;3\n'))).info.delimiter).toBe(';');
    expect(await rows(writeTemp('a;b;c\n1;2,5;3\n'))).toEqual([['1', '2,5', '3']]);
    const tabbed = await readAll(writeTemp('"x,y,z"\tb\n1\t2\n'));
    expect(tabbed.info.delimiter).toBe('\t');
    expect(tabbed.info.header).toEqual(['x,y,z', 'b']);
    expect((await readAll(writeTemp('only\nvalue\n'))).info.delimiter).toBe(',');
  });

  test('reads quoted delimiters, doubled quotes and empty fields', async () => {
    const path = writeTemp('id,name,remark\n1,"Wang, Fang","said ""hi"""\n2,,""\n3,"",\n');
    expect(await rows(path)).toEqual([
      ['1', 'Wang, Fang', 'said "hi"'],
      ['2', '', ''],
      ['3', '', ''],
    ]);
  });

  test('keeps line breaks inside quotes and numbers each record by its first line', async () => {
    const path = writeTemp('id,address\r\n1,"Line one\r\nline two"\r\n2,"a\nb\nc"\r\n3,"cr\ronly"\r\n4,plain\r\n');
    expect((await readAll(path)).records).toEqual([
      { line: 2, fields: ['1', 'Line one\r\nline two'] },
      { line: 4, fields: ['2', 'a\nb\nc'] },
      { line: 7, fields: ['3', 'cr\ronly'] },
      { line: 8, fields: ['4', 'plain'] },
    ]);
  });

  test('reads CRLF and LF line ends and a last line without one', async () => {
    expect(await rows(writeTemp('a,b\r\n1,2\n3,4\r\n5,6'))).toEqual([
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
    expect(await rows(writeTemp('a,b\n1,"quoted at the end"'))).toEqual([['1', 'quoted at the end']]);
  });

  test('skips blank lines, keeping the line numbers of the records after them', async () => {
    const { records } = await readAll(writeTemp('\na,b\n1,2\n\r\n\n3,4\n\n\r\n\n'));
    expect(records).toEqual([
      { line: 3, fields: ['1', '2'] },
      { line: 6, fields: ['3', '4'] },
    ]);
  });

  test('keeps stray quotes inside unquoted fields and text after a closing quote, as spreadsheets do', async () => {
    expect(await rows(writeTemp('a,b\n5" screen,x\n"ab"c,d\n'))).toEqual([
      ['5" screen', 'x'],
      ['abc', 'd'],
    ]);
  });

  test('refuses an unterminated quote, naming the line where the field started', async () => {
    const path = writeTemp('id,remark\n1,fine\n2,"never\nclosed\n3,more\n');
    const error = await refusal(readAll(path));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(`${path}, line 3: a quoted field starts here but its closing quote is missing`);
  });

  test('refuses a quote left open for more than a million characters without reading on', async () => {
    const path = writeTemp(`id,remark\n1,"open\n${'x'.repeat(1_100_000)}\n2,ok\n`);
    expect((await refusal(readAll(path))).message).toMatch(
      /line 2: the record starting here runs past .* never closed/,
    );
  });
});

describe('openCsv: records split across reads', () => {
  const char = fc.constantFrom('a', 'Z', '7', ' ', ',', ';', '\t', '"', '\n', '\r', '张', '三', '€', '𠀀');
  const field = fc.string({ unit: char, maxLength: 6 });
  const record = fc.array(field, { minLength: 2, maxLength: 5 });

  function csvText(records: string[][], lineEnds: boolean[], finalLineEnd: boolean): string {
    return records
      .map((fields, i) => {
        const text = fields.map((value) => (/[",;\t\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value));
        const end = i < records.length - 1 || finalLineEnd ? (lineEnds[i] ? '\r\n' : '\n') : '';
        return text.join(',') + end;
      })
      .join('');
  }

  /** The records after the header, each numbered by the line it starts on. */
  function expectedRecords(records: string[][]): CsvRecord[] {
    const expected: CsvRecord[] = [];
    let line = 1;
    records.forEach((fields, i) => {
      if (i > 0) expected.push({ line, fields });
      line += fields.join('').split('\n').length;
    });
    return expected;
  }

  test('gives the same records and line numbers at every read size, in UTF-8 and GBK', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        async (records, lineEnds, finalLineEnd, chunkSize) => {
          const utf8 = await readAll(writeTemp(csvText(records, lineEnds, finalLineEnd)), { chunkSize }, 3);
          expect(utf8.info.header).toEqual(records[0]);
          expect(utf8.records).toEqual(expectedRecords(records));
          // GBK has no four-byte characters; GB18030 has, but this encoder only knows two-byte ones.
          const gbkRecords = records.map((fields) => fields.map((value) => value.replaceAll('𠀀', '好')));
          const gbkFile = Uint8Array.from(gbk(csvText(gbkRecords, lineEnds, finalLineEnd)));
          const gb18030 = await readAll(writeTemp(gbkFile), { chunkSize, encoding: 'gb18030' }, 2);
          expect(gb18030.records).toEqual(expectedRecords(gbkRecords));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('standaloneCopy', () => {
  test('gives the same text', () => {
    for (const text of ['', 'a', '11010519491231002X', '河北省石家庄市正定县城关镇东风村12号']) {
      expect(standaloneCopy(text)).toBe(text);
    }
  });
});

describe('openCsv: batches, progress and cancellation', () => {
  const text = 'id,n\n' + Array.from({ length: 25 }, (_, i) => `${i},${i * i}\n`).join('');

  test('hands out batches of at most maxRecords and reports bytes read', async () => {
    const path = writeTemp(text);
    const reader = await openCsv(path, { chunkSize: 16 });
    const sizes: number[] = [];
    for await (const batch of reader.batches(10)) sizes.push(batch.length);
    expect(sizes).toEqual([10, 10, 5]);
    expect(reader.bytesRead).toBe(reader.info.sizeBytes);
    await expect(async () => {
      for await (const batch of reader.batches(10)) expect(batch).toBeUndefined();
    }).rejects.toThrow(/only once/);
  });

  test('yields nothing for a file with only a header, and refuses an empty file', async () => {
    expect((await readAll(writeTemp('id,name\r\n'))).records).toEqual([]);
    const empty = writeTemp('\n\r\n');
    expect((await refusal(openCsv(empty))).message).toBe(`${empty} is empty: it has no header line`);
  });

  test('refuses a file with no line break for megabytes, and a folder', async () => {
    const path = writeTemp(`id,remark\n1,${'x'.repeat(5 << 20)}`);
    expect((await refusal(readAll(path))).message).toMatch(/line 2: no line break within \d+ bytes/);
    const folder = tempDirForTest();
    expect((await refusal(openCsv(folder))).message).toBe(`${folder} is not a file`);
  });

  test('asks for at least one record a batch', async () => {
    const reader = await openCsv(writeTemp(text));
    await expect(async () => {
      for await (const batch of reader.batches(0)) expect(batch).toBeUndefined();
    }).rejects.toThrow(RangeError);
    await reader.close();
  });

  test('refuses a missing file as not_found', async () => {
    const error = await refusal(openCsv(join(tempDirForTest(), 'missing.csv')));
    expect(error.code).toBe('not_found');
  });

  test('stops with cancelled when the signal aborts between chunks', async () => {
    const path = writeTemp(text);
    const controller = new AbortController();
    const reader = await openCsv(path, { chunkSize: 8, signal: controller.signal });
    const seen: CsvRecord[] = [];
    const error = await refusal(
      (async () => {
        for await (const batch of reader.batches(2)) {
          seen.push(...batch);
          controller.abort();
        }
      })(),
    );
    expect(error.code).toBe('cancelled');
    expect(error.message).toBe(`Reading ${path} was cancelled`);
    expect(seen).toHaveLength(2);
    await reader.close();
  });

  test('refuses to start when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await refusal(openCsv(writeTemp(text), { signal: controller.signal }))).code).toBe('cancelled');
  });

  test('closes the file when the consumer stops early', async () => {
    const reader = await openCsv(writeTemp(text), { chunkSize: 8 });
    for await (const batch of reader.batches(1)) if (batch[0]?.fields[0] === '3') break;
    await reader.close();
    expect(reader.bytesRead).toBeLessThan(reader.info.sizeBytes);
  });
});
