// Association analysis in an analysis run over the imported demo branch, through the real data worker. The
// baskets are rebuilt here from the stored scores and the raw tables, and everything the run stored is checked
// against them: the rules are exactly what the miner gives on those baskets, the relation matrix matches counts
// made here, the generator's planted product associations come out as rules with lift above 1, and no latent
// need is a product the customer holds.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import type { AssociationMatrix } from '../../electron/api/associationTypes.js';
import { productsHeldSql } from '../../electron/services/analysis/associations/customerBaskets.js';
import { basketsFromLists } from '../../electron/services/analysis/rules/baskets.js';
import { itemsOf, mineAssociationRules } from '../../electron/services/analysis/rules/mineRules.js';
import type { DemoProductId } from '../../electron/services/demo/catalogue.js';
import { databaseFileName } from '../helpers/demoDatabase.js';
import { demoExportFixture, importPaths } from '../helpers/importFixtures.js';
import { tempDirForTest } from '../helpers/tempDir.js';
import { startHost, valueOf } from '../helpers/workerHost.js';

const demo = demoExportFixture({ dirty: false, customers: 2000, months: 4, asOf: '2026-06-30' });

function query<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const channels = ['branch', 'atm_pos', 'internet', 'mobile', 'phone', 'agent'];
const tiers = ['vip', 'key', 'potential', 'mass'];
const scoreFamilies = [
  ['contribution', 'contribution'],
  ['activity', 'activity'],
  ['channel', 'channelScore'],
  ['credit', 'credit'],
  ['loyalty', 'loyalty'],
] as const;

function band(score: number): string {
  return score < 40 ? 'low' : score < 70 ? 'mid' : 'high';
}

function ageBand(birth: string, on: string): string {
  let age = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  if (on.slice(5) < birth.slice(5)) age -= 1;
  return age <= 17 ? 'under18' : age <= 30 ? '18to30' : age <= 45 ? '31to45' : age <= 60 ? '46to60' : 'over60';
}

interface CustomerRow {
  customer_id: string;
  contribution: number;
  activity: number;
  channel: number;
  credit: number | null;
  loyalty: number;
  tier: number;
  dominant_channel: number;
  area_type: string;
  occupation: string;
  birth_date: string | null;
}

/** Each customer's basket as item keys, built from the stored scores and the raw tables. */
function basketsByHand(dataDir: string, runId: number, asOfDate: string): Map<string, Set<string>> {
  const customers = query<CustomerRow>(
    dataDir,
    `SELECT s.customer_id, s.contribution, s.activity, s.channel, s.credit, s.loyalty, s.tier, s.dominant_channel,
       c.area_type, c.occupation, c.birth_date
     FROM customer_scores s JOIN customers c USING (customer_id) WHERE s.run_id = ? ORDER BY s.customer_id`,
    runId,
  );
  const baskets = new Map<string, Set<string>>();
  for (const c of customers) {
    const items = new Set<string>();
    for (const [column, family] of scoreFamilies) {
      const score = c[column];
      items.add(score === null ? 'credit:none' : `${family}:${band(score)}`);
    }
    if (c.dominant_channel >= 0) items.add(`channel:${channels[c.dominant_channel]}`);
    items.add(`area:${c.area_type}`);
    if (c.birth_date !== null) items.add(`age:${ageBand(c.birth_date, asOfDate)}`);
    items.add(`occupation:${c.occupation}`);
    items.add(`tier:${tiers[c.tier]}`);
    baskets.set(c.customer_id, items);
  }
  const held = query<{ customer_id: string; product_id: string }>(
    dataDir,
    `SELECT customer_id, product_id FROM holdings WHERE status <> 'closed'
     UNION ALL SELECT customer_id, product_id FROM loans WHERE status <> 'repaid'`,
  );
  for (const { customer_id, product_id } of held) baskets.get(customer_id)?.add(`product:${product_id}`);
  return baskets;
}

interface StoredRule {
  rule: number;
  antecedent: string;
  consequent: string;
  support: number;
  confidence: number;
  lift: number;
  product_consequent: number;
}

const side = (json: string) => (JSON.parse(json) as string[]).slice().sort();
const signature = (antecedent: string[], consequent: string[]) => `${antecedent.join('+')} => ${consequent.join('+')}`;

/** Kendall's tau-b over every pair of customers, for a check of the count-based formula. */
function tauByPairs(levels: number[], answers: number[]): number {
  let concordant = 0;
  let discordant = 0;
  let tiesX = 0;
  let tiesY = 0;
  let pairs = 0;
  for (let i = 0; i < levels.length; i++) {
    for (let j = i + 1; j < levels.length; j++) {
      pairs++;
      const dx = Math.sign(levels[i]! - levels[j]!);
      const dy = Math.sign(answers[i]! - answers[j]!);
      if (dx === 0) tiesX++;
      if (dy === 0) tiesY++;
      if (dx * dy > 0) concordant++;
      if (dx * dy < 0) discordant++;
    }
  }
  return (concordant - discordant) / Math.sqrt((pairs - tiesX) * (pairs - tiesY));
}

describe('associations in an analysis run', () => {
  test('rules, relation matrix and latent needs agree with the baskets and find the planted associations', async () => {
    const dataDir = tempDirForTest();
    const { host } = await startHost(dataDir);
    await importPaths(host.api, demo.value.paths);

    const phases = new Set<string>();
    const run = valueOf(await host.api.call('analysis.run', {}, { onProgress: (p) => phases.add(p.phase) }));
    expect(phases.has('progress.analysisMining')).toBe(true);
    const [stored] = query<{ parameters: string; as_of_month: string }>(
      dataDir,
      'SELECT parameters, as_of_month FROM analysis_runs WHERE run_id = ?',
      run.runId,
    );
    const settings = (JSON.parse(stored!.parameters) as { mining: Record<string, number> }).mining;
    expect(settings).toMatchObject({ minSupport: 0.02, minConfidence: 0.4, maxLength: 3, needsPerCustomer: 3 });

    const asOfMonth = stored!.as_of_month;
    const asOfDate = new Date(Date.UTC(Number(asOfMonth.slice(0, 4)), Number(asOfMonth.slice(5, 7)), 0))
      .toISOString()
      .slice(0, 10);
    const baskets = basketsByHand(dataDir, run.runId, asOfDate);
    const n = baskets.size;
    expect(n).toBe(run.customers);

    // The rules are exactly the miner's on the same baskets, measures to the last bit.
    const keys = [...new Set([...baskets.values()].flatMap((items) => [...items]))].sort();
    const idOf = new Map(keys.map((key, id) => [key, id]));
    const mined = mineAssociationRules(
      basketsFromLists([...baskets.values()].map((items) => [...items].map((key) => idOf.get(key)!))),
      { minSupport: settings.minSupport!, minConfidence: settings.minConfidence!, maxLength: settings.maxLength! },
    );
    const expected = new Map<string, { support: number; confidence: number; lift: number }>();
    for (let r = 0; r < mined.rules.size; r++) {
      const names = (set: number) => itemsOf(mined.itemsets, set).map((id) => keys[id]!);
      expected.set(signature(names(mined.rules.antecedent[r]!).sort(), names(mined.rules.consequent[r]!).sort()), {
        support: mined.itemsets.count[mined.rules.itemset[r]!]! / n,
        confidence: mined.rules.confidence[r]!,
        lift: mined.rules.lift[r]!,
      });
    }
    const rules = query<StoredRule>(dataDir, 'SELECT * FROM analysis_rules WHERE run_id = ? ORDER BY rule', run.runId);
    expect(rules.length).toBeGreaterThan(100);
    expect(rules.map((r) => r.rule)).toEqual(rules.map((_, k) => k + 1));
    const actual = new Map(
      rules.map((r) => [
        signature(side(r.antecedent), side(r.consequent)),
        { support: r.support, confidence: r.confidence, lift: r.lift },
      ]),
    );
    expect(actual).toEqual(expected);
    for (const r of rules) {
      expect(r.product_consequent).toBe(side(r.consequent).every((key) => key.startsWith('product:')) ? 1 : 0);
    }

    // The planted associations: within each latent group some products go together; over the whole branch a
    // pair expected with enough support and confidence must come out as a rule with lift above 1.
    const { groups, productAssociations } = demo.value.manifest.latent;
    const size = new Map(groups.map((g) => [g.group, g.customers]));
    const share = (products: DemoProductId[]) =>
      productAssociations.reduce(
        (sum, a) => sum + size.get(a.group)! * products.reduce((p, id) => p * (a.products[id] ?? 0), 1),
        0,
      ) / n;
    const byKey = new Map(rules.map((r) => [signature(side(r.antecedent), side(r.consequent)), r]));
    let planted = 0;
    for (const association of productAssociations) {
      for (const a of association.highProbability) {
        for (const b of association.highProbability) {
          if (a === b) continue;
          const support = share([a, b]);
          const confidence = support / share([a]);
          const lift = confidence / share([b]);
          if (support < 0.05 || confidence < 0.6 || lift < 1.3) continue;
          planted++;
          const rule = byKey.get(signature([`product:${a}`], [`product:${b}`]));
          expect(rule, `${a} => ${b} (${association.group})`).toBeDefined();
          expect(rule!.lift, `${a} => ${b}`).toBeGreaterThan(1);
        }
      }
    }
    expect(planted).toBeGreaterThanOrEqual(5);
    expect(byKey.get(signature(['product:D04'], ['product:E01']))?.lift).toBeGreaterThan(1.3);
    expect(byKey.get(signature(['product:D05'], ['product:D02']))?.lift).toBeGreaterThan(1.3);

    // The relation matrix: counts made here, lift from them, and Kendall's tau-b against a count over pairs.
    const { matrix } = valueOf(await host.api.call('analysis.associations', {}));
    expect(matrix).not.toBeNull();
    const m = matrix as AssociationMatrix;
    expect(m.runId).toBe(run.runId);
    expect(m.baskets).toBe(n);
    const count = (...items: string[]) => [...baskets.values()].filter((b) => items.every((i) => b.has(i))).length;
    m.traits.forEach((trait, t) => {
      expect(trait.count, trait.key).toBe(count(trait.key));
      m.products.forEach((product, p) => {
        const both = count(trait.key, product.key);
        expect(m.together[t]![p], `${trait.key} × ${product.key}`).toBe(both);
        const expectedLift = trait.count * product.count > 0 ? (both * n) / (trait.count * product.count) : null;
        if (expectedLift === null) expect(m.lift[t]![p]).toBeNull();
        else expect(m.lift[t]![p]).toBeCloseTo(expectedLift, 5);
      });
    });
    expect(m.products.map((p) => p.key)).toContain('product:D04');
    for (const [family, levels] of [
      ['contribution', ['low', 'mid', 'high']],
      ['age', ['under18', '18to30', '31to45', '46to60', 'over60']],
    ] as const) {
      for (const productKey of ['product:D05', 'product:W01']) {
        const rated = [...baskets.values()]
          .map((b) => ({ level: levels.findIndex((l) => b.has(`${family}:${l}`)), holds: b.has(productKey) ? 1 : 0 }))
          .filter((c) => c.level >= 0);
        const byPairs = tauByPairs(
          rated.map((c) => c.level),
          rated.map((c) => c.holds),
        );
        const correlation = m.correlations.find((c) => c.family === family)!;
        const p = m.products.findIndex((x) => x.key === productKey);
        expect(correlation.tau[p], `${family} × ${productKey}`).toBeCloseTo(byPairs, 5);
      }
    }
    // Pension accounts go with age.
    const ageTau = m.correlations.find((c) => c.family === 'age')!.tau;
    expect(ageTau[m.products.findIndex((x) => x.key === 'product:D05')]).toBeGreaterThan(0.3);

    // Latent needs: never a product held, each from a rule whose antecedent the customer matches, best first.
    const needs = query<{ customer_id: string; rules: string }>(
      dataDir,
      'SELECT customer_id, rules FROM customer_needs WHERE run_id = ?',
      run.runId,
    );
    expect(needs.length).toBeGreaterThan(n / 2);
    const ruleByNumber = new Map(rules.map((r) => [r.rule, r]));
    for (const row of needs) {
      const basket = baskets.get(row.customer_id)!;
      const numbers = JSON.parse(row.rules) as number[];
      expect(numbers.length).toBeGreaterThan(0);
      expect(numbers.length).toBeLessThanOrEqual(3);
      expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
      const products = numbers.map((k) => {
        const rule = ruleByNumber.get(k)!;
        const [product, ...rest] = side(rule.consequent);
        expect(rest).toEqual([]);
        expect(product).toMatch(/^product:/);
        expect(basket.has(product!), `${row.customer_id} holds ${product}`).toBe(false);
        for (const item of side(rule.antecedent)) expect(basket.has(item)).toBe(true);
        expect(rule.lift).toBeGreaterThan(1);
        return product;
      });
      expect(new Set(products).size).toBe(products.length);
    }
    const someone = needs[0]!;
    const served = valueOf(await host.api.call('analysis.customerNeeds', { customerId: someone.customer_id }));
    expect(served.runId).toBe(run.runId);
    expect(served.needs.map((need) => need.rule)).toEqual(JSON.parse(someone.rules));
    for (const need of served.needs) {
      expect(baskets.get(someone.customer_id)!.has(`product:${need.productId}`)).toBe(false);
      expect(need.label.zh.length).toBeGreaterThan(0);
      expect(need.confidence).toBe(ruleByNumber.get(need.rule)!.confidence);
    }
    expect(valueOf(await host.api.call('analysis.customerNeeds', { customerId: 'nobody' }))).toEqual({
      runId: run.runId,
      needs: [],
    });

    // The baskets read products held through the indexes, by customer range; needs and rules by their keys.
    const plan = (sql: string) =>
      query<{ detail: string }>(dataDir, `EXPLAIN QUERY PLAN ${sql}`, { first: '0', last: '9', runId: 1 })
        .map((row) => row.detail)
        .join('; ');
    expect(plan(productsHeldSql[0]!)).toMatch(/SEARCH holdings USING COVERING INDEX holdings_customer_product/);
    expect(plan(productsHeldSql[1]!)).toMatch(/SEARCH loans USING INDEX loans_customer/);
    expect(plan(`SELECT rules FROM customer_needs WHERE run_id = @runId AND customer_id = @first`)).toMatch(
      /SEARCH customer_needs USING PRIMARY KEY/,
    );

    // The rules table: filters, sort and pages over the stored rules.
    const productRules = rules.filter((r) => r.product_consequent === 1 && r.lift >= 1.5);
    const page = valueOf(
      await host.api.call('analysis.rules', {
        productOnly: true,
        minLift: 1.5,
        sort: { column: 'lift', direction: 'desc' },
        offset: 5,
        limit: 10,
      }),
    );
    expect(page.total).toBe(productRules.length);
    const byLift = [...productRules].sort((a, b) => b.lift - a.lift || a.rule - b.rule);
    expect(page.rows.map((r) => r.rule)).toEqual(byLift.slice(5, 15).map((r) => r.rule));
    const mobile = valueOf(await host.api.call('analysis.rules', { search: '手机银行', limit: 500 }));
    const mentionsMobile = rules.filter((r) =>
      [...side(r.antecedent), ...side(r.consequent)].some((k) => k === 'product:E01' || k === 'channel:mobile'),
    );
    expect(mobile.total).toBe(mentionsMobile.length);
    expect(mobile.rows[0]!.antecedent[0]!.label.zh.length).toBeGreaterThan(0);
    expect(valueOf(await host.api.call('analysis.rules', { search: 'no such item' })).total).toBe(0);
  }, 120_000);

  test('mining settings are checked, kept, and used by the next run', async () => {
    const dataDir = tempDirForTest();
    const { host } = await startHost(dataDir);
    expect(valueOf(await host.api.call('analysis.rules', {}))).toEqual({ runId: null, total: 0, rows: [] });
    expect(valueOf(await host.api.call('analysis.associations', {}))).toEqual({ matrix: null });
    await importPaths(host.api, demo.value.paths);
    // Before anything is saved, the settings read as the defaults a run would use.
    expect(valueOf(await host.api.call('settings.get', { key: 'analysis.mining' })).value).toEqual({
      minSupport: 0.02,
      minConfidence: 0.4,
      maxLength: 3,
    });

    const bad = await host.api.call('settings.set', { key: 'analysis.mining', value: { minSupport: 0, maxLength: 1 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/minSupport: minimum support must be above 0.*maxLength/);
    const saved = valueOf(await host.api.call('settings.set', { key: 'analysis.mining', value: { minSupport: 0.1 } }));
    expect(saved.value).toEqual({ minSupport: 0.1, minConfidence: 0.4, maxLength: 3 });
    expect(valueOf(await host.api.call('settings.get', { key: 'analysis.mining' })).value).toEqual(saved.value);

    const run = valueOf(await host.api.call('analysis.run', {}));
    const rules = query<{ support: number; confidence: number; items: number }>(
      dataDir,
      `SELECT support, confidence, json_array_length(antecedent) + json_array_length(consequent) AS items
       FROM analysis_rules WHERE run_id = ?`,
      run.runId,
    );
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.support).toBeGreaterThanOrEqual(0.1);
      expect(rule.confidence).toBeGreaterThanOrEqual(0.4);
      expect(rule.items).toBeLessThanOrEqual(3);
    }
    // The same data and settings give the same rules, matrix and needs.
    const again = valueOf(await host.api.call('analysis.run', {}));
    const stored = (runId: number) => ({
      rules: query(
        dataDir,
        'SELECT rule, antecedent, consequent, support, confidence, lift, product_consequent FROM analysis_rules WHERE run_id = ? ORDER BY rule',
        runId,
      ),
      matrix: query(dataDir, 'SELECT matrix FROM analysis_associations WHERE run_id = ?', runId),
      needs: query(
        dataDir,
        'SELECT customer_id, rules FROM customer_needs WHERE run_id = ? ORDER BY customer_id',
        runId,
      ),
    });
    expect(stored(again.runId)).toEqual(stored(run.runId));
    await expect(host.api.call('analysis.rules', { runId: again.runId + 1 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  }, 120_000);

  test('a run cancelled while mining stores nothing', async () => {
    const dataDir = tempDirForTest();
    const { host } = await startHost(dataDir);
    await importPaths(host.api, demo.value.paths);
    const controller = new AbortController();
    const result = await host.api.call(
      'analysis.run',
      {},
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'progress.analysisMining') controller.abort();
        },
      },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    for (const table of ['analysis_runs', 'analysis_rules', 'analysis_associations', 'customer_needs']) {
      expect(query(dataDir, `SELECT * FROM ${table}`), table).toEqual([]);
    }
  });
});
