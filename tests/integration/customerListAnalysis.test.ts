// The customer list's filters from the latest analysis run — tier, persona tag, marketing allowed or vetoed —
// match exactly the customers the run stored so, alone and with other filters; every row shows its tier and
// veto reasons; before any run, the filters match nobody and the rows show none.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import type { CustomerFilters } from '../../electron/api/contract.js';
import type { CustomerRow } from '../../electron/api/types.js';
import { databaseFileName } from '../helpers/demoDatabase.js';
import { tempDirForTest } from '../helpers/tempDir.js';
import { startHost, valueOf } from '../helpers/workerHost.js';

function ids(dataDir: string, sql: string, ...params: unknown[]): string[] {
  const db = new Database(join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
  try {
    return (
      db
        .prepare(sql)
        .pluck()
        .all(...params) as string[]
    ).sort();
  } finally {
    db.close();
  }
}

describe('customer list filters from the latest analysis run', () => {
  test('match the stored tier, persona and vetoes of the latest run', async () => {
    const dataDir = tempDirForTest();
    const { host } = await startHost(dataDir);
    valueOf(await host.api.call('demo.load', { customers: 1500, seed: 5 }));
    const everyone = async (filters: CustomerFilters) => {
      const rows: CustomerRow[] = [];
      for (;;) {
        const page = valueOf(
          await host.api.call('customers.list', {
            filters,
            sort: { column: 'customerId', direction: 'asc' },
            offset: rows.length,
            limit: 500,
          }),
        );
        rows.push(...page.rows);
        if (!page.hasMore) break;
      }
      const { total } = valueOf(await host.api.call('customers.count', { filters }));
      expect(rows).toHaveLength(total);
      return rows;
    };

    expect(await everyone({ tier: 'vip' })).toEqual([]);
    expect(valueOf(await host.api.call('customers.filterOptions', {})).analysis).toBeNull();
    expect((await everyone({ areaType: 'rural' }))[0]).toMatchObject({ tier: null, vetoes: [] });

    valueOf(await host.api.call('analysis.run', {}));
    const run = valueOf(await host.api.call('analysis.run', {}));
    const options = valueOf(await host.api.call('customers.filterOptions', {})).analysis!;
    expect(options.runId).toBe(run.runId);
    expect(options.tiers.map((t) => t.key)).toEqual(['vip', 'key', 'potential', 'mass']);

    const latest = `SELECT customer_id FROM customer_scores WHERE run_id = ${run.runId}`;
    const key = (await everyone({ tier: 'key' })).map((r) => r.customerId).sort();
    expect(key.length).toBeGreaterThan(0);
    expect(key).toEqual(ids(dataDir, `${latest} AND tier = 1`));

    const rural = (await everyone({ tier: 'potential', areaType: 'rural' })).map((r) => r.customerId).sort();
    expect(rural).toEqual(
      ids(
        dataDir,
        `${latest} AND tier = 2 AND customer_id IN (SELECT customer_id FROM customers WHERE area_type = 'rural')`,
      ),
    );

    const vetoed = await everyone({ marketable: 'no' });
    expect(vetoed.map((r) => r.customerId).sort()).toEqual(ids(dataDir, `${latest} AND vetoes <> 0`));
    for (const row of vetoed) expect(row.vetoes.length).toBeGreaterThan(0);
    const allowed = await everyone({ marketable: 'yes' });
    expect(allowed.length + vetoed.length).toBe(1500);
    for (const row of allowed) expect(row.vetoes).toEqual([]);

    // A persona tag: the bit it has in the run's summary.
    const bit = run.summary.personas.findIndex((p) => p.key === 'farmer_household');
    expect(bit).toBeGreaterThanOrEqual(0);
    const farmers = (await everyone({ persona: 'farmer_household' })).map((r) => r.customerId).sort();
    expect(farmers.length).toBe(run.summary.personas[bit]!.count);
    expect(farmers).toEqual(ids(dataDir, `${latest} AND (personas & ?) <> 0`, 1 << bit));
    expect(await everyone({ persona: 'no_such_tag' })).toEqual([]);
  });
});
