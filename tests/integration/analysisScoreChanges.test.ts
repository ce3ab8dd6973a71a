// Scores between two runs, through the real worker: a newer holdings snapshot raises one customer's deposits, and
// the card of the second run reports the rise of their contribution with deposits as the factor that moved it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { parseCsv, toCsv } from '../helpers/csvText.js';
import { databaseFileName } from '../helpers/demoDatabase.js';
import { demoExportFixture, importPaths } from '../helpers/importFixtures.js';
import { tempDirForTest } from '../helpers/tempDir.js';
import { startHost, valueOf } from '../helpers/workerHost.js';

const demo = demoExportFixture({ dirty: false, customers: 400, months: 14, asOf: '2026-06-30' });

function query<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

function table(name: string): { header: string[]; rows: string[][] } {
  const [header, ...rows] = parseCsv(readFileSync(demo.value.path(name), 'utf8'));
  return { header: header?.fields ?? [], rows: rows.map((r) => r.fields) };
}

describe('score changes between runs', () => {
  test("a customer's raised deposits show as a contribution change moved by deposits", async () => {
    const dataDir = tempDirForTest();
    const { host } = await startHost(dataDir);
    await importPaths(host.api, demo.value.paths);
    const first = valueOf(await host.api.call('analysis.run', {}));

    // The first run has no run before it.
    const anyone = query<{ customer_id: string }>(dataDir, 'SELECT customer_id FROM customer_scores LIMIT 1')[0]!;
    const alone = valueOf(await host.api.call('analysis.customer', { customerId: anyone.customer_id })).card!;
    expect(alone.previousRun).toBeNull();
    for (const score of Object.values(alone.scores)) expect(score.sincePrevious).toBeNull();

    // Someone in the lower half of the branch by contribution, holding an open deposit account.
    const products = new Map(table('products.csv').rows.map(([id = '', , , category = '']) => [id, category]));
    const holdings = table('holdings.csv');
    const at = (name: string) => holdings.header.indexOf(name);
    const lowerHalf = new Set(
      query<{ customer_id: string }>(
        dataDir,
        `SELECT customer_id FROM customer_scores WHERE run_id = ? AND contribution BETWEEN 5 AND 45
         ORDER BY customer_id`,
        first.runId,
      ).map((r) => r.customer_id),
    );
    const account = holdings.rows.find(
      (row) =>
        lowerHalf.has(row[at('customer_id')]!) &&
        products.get(row[at('product_id')]!) === 'deposit' &&
        row[at('status')] !== 'closed',
    )!;
    expect(account, 'a lower-half customer with a deposit account').toBeDefined();
    const customerId = account[at('customer_id')]!;
    const raised = [...account];
    raised[at('balance')] = '3,000,000.00';
    const file = join(tempDirForTest(), 'holdings-raised.csv');
    writeFileSync(file, toCsv([holdings.header, raised]));
    await importPaths(host.api, [file]);

    const second = valueOf(await host.api.call('analysis.run', {}));
    expect(second.modelVersion).toBe(first.modelVersion);
    const { card } = valueOf(await host.api.call('analysis.customer', { customerId }));
    const stored = (runId: number) =>
      query<{ contribution: number; composite: number }>(
        dataDir,
        'SELECT contribution, composite FROM customer_scores WHERE run_id = ? AND customer_id = ?',
        runId,
        customerId,
      )[0]!;
    const before = stored(first.runId);
    const after = stored(second.runId);
    expect(after.contribution).toBeGreaterThan(before.contribution);

    expect(card!.runId).toBe(second.runId);
    expect(card!.previousRun).toMatchObject({ runId: first.runId, modelVersion: first.modelVersion });
    expect(card!.previousRun!.composite).toBeCloseTo(before.composite, 6);
    const contribution = card!.scores.contribution.sincePrevious!;
    expect(contribution.previous).toBeCloseTo(before.contribution, 6);
    expect(contribution.change).toBeCloseTo(after.contribution - before.contribution, 6);
    expect(contribution.movedMostBy).toMatchObject({ factor: 'deposits', labelZh: '存款余额×存款利差' });
    expect(contribution.movedMostBy!.change).toBeGreaterThan(0);

    // Nothing else of theirs changed: the other scores stand still, with no factor moving them.
    for (const key of ['activity', 'channel', 'loyalty'] as const) {
      expect(card!.scores[key].sincePrevious, key).toMatchObject({ change: 0, movedMostBy: null });
    }

    // The run kept every customer's factor points, in chunks, under a layout naming them.
    const layout = query<{ factor_layout: string }>(
      dataDir,
      'SELECT factor_layout FROM analysis_runs WHERE run_id = ?',
      second.runId,
    )[0]!;
    const names = JSON.parse(layout.factor_layout) as string[];
    expect(names).toContain('contribution.deposits');
    const chunks = query<{ customers: number; bytes: number }>(
      dataDir,
      'SELECT customers, length(points) AS bytes FROM score_factor_points WHERE run_id = ?',
      second.runId,
    );
    expect(chunks.reduce((sum, c) => sum + c.customers, 0)).toBe(second.customers);
    for (const chunk of chunks) expect(chunk.bytes).toBe(chunk.customers * names.length);
  });
});
