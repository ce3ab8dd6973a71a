// The same export in GBK, in UTF-8 with a byte order mark, and with semicolons or tabs between fields
// imports to exactly the same database as plain comma-separated UTF-8 — rejections included.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ImportResult } from '../../electron/api/importTypes.js';
import { parseCsv, toCsv } from '../helpers/csvText.js';
import { databaseFileName } from '../helpers/demoDatabase.js';
import { demoExportFixture, importPaths, withWorker, type DemoExport } from '../helpers/importFixtures.js';
import { databaseContent, writeTimes } from '../helpers/sqlite.js';
import { tempDirForTest } from '../helpers/tempDir.js';

const utf8 = demoExportFixture();
const gbk = demoExportFixture({ encoding: 'gbk' });
const bom = demoExportFixture({ bom: true });

/** Everything but what describes the files themselves (their hashes, encodings and delimiters). */
const sameData = { ignoreTables: ['import_runs', 'import_files'], ignoreColumns: writeTimes };

async function importInto(
  paths: readonly string[],
): Promise<{ result: ImportResult; content: Record<string, string> }> {
  const dataDir = tempDirForTest();
  const result = await withWorker(dataDir, (api) => importPaths(api, paths));
  return { result, content: databaseContent(join(dataDir, databaseFileName), sameData) };
}

/** Each file's name, kind and counts, without how it was encoded or delimited. */
function counts(result: ImportResult) {
  return result.files.map((f) => [f.fileName, f.kind, f.rows, f.added, f.updated, f.unchanged, f.rejected, f.skipped]);
}

function hasNonAscii(path: string): boolean {
  return readFileSync(path).some((byte) => byte > 0x7f);
}

/** The export's files rewritten with another delimiter (quoting where a field needs it). */
function withDelimiter(source: DemoExport, delimiter: ';' | '\t'): string[] {
  const dir = tempDirForTest();
  return source.manifest.files.map((file) => {
    const records = parseCsv(readFileSync(source.path(file.name), 'utf8')).map((r) => r.fields);
    const path = join(dir, file.name);
    writeFileSync(path, toCsv(records, { delimiter }));
    return path;
  });
}

describe('encodings and delimiters', () => {
  test('a GBK export imports to the same data as the UTF-8 one; its non-ASCII files read as GB18030', async () => {
    const [plain, chinese] = await Promise.all([importInto(utf8.value.paths), importInto(gbk.value.paths)]);
    expect(chinese.content).toEqual(plain.content);
    expect(plain.content.customers).toMatch(/^302 rows /);
    // Files of nothing but ASCII read the same either way, and say UTF-8.
    for (const [i, file] of chinese.result.files.entries()) {
      expect(file.encoding, file.fileName).toBe(hasNonAscii(gbk.value.paths[i]!) ? 'gb18030' : 'utf-8');
    }
    expect(chinese.result.files.filter((f) => f.encoding === 'gb18030').map((f) => f.fileName)).toEqual(
      expect.arrayContaining(['branches.csv', 'staff.csv', 'products.csv', 'customers.csv']),
    );
    expect(counts(chinese.result)).toEqual(counts(plain.result));
  });

  test('a UTF-8 export with a byte order mark imports to the same data, lines counted alike', async () => {
    const [plain, marked] = await Promise.all([importInto(utf8.value.paths), importInto(bom.value.paths)]);
    expect(readFileSync(bom.value.paths[0]!).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(marked.content).toEqual(plain.content);
    expect(marked.result.files).toEqual(plain.result.files);
  });

  test('semicolon- and tab-separated files import to the same data as the comma-separated ones', async () => {
    const [plain, semicolons, tabs] = await Promise.all([
      importInto(utf8.value.paths),
      importInto(withDelimiter(utf8.value, ';')),
      importInto(withDelimiter(utf8.value, '\t')),
    ]);
    expect(semicolons.content).toEqual(plain.content);
    expect(tabs.content).toEqual(plain.content);
    expect(new Set(semicolons.result.files.map((f) => f.delimiter))).toEqual(new Set([';']));
    expect(new Set(tabs.result.files.map((f) => f.delimiter))).toEqual(new Set(['\t']));
    expect(counts(semicolons.result)).toEqual(counts(plain.result));
    expect(counts(tabs.result)).toEqual(counts(plain.result));
  });
});
