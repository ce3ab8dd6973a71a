// The compiled miner on several threads (the worker script exists only in dist/) gives exactly what one
// thread gives, itemset for itemset and in the same order, and what the TypeScript sources give.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { basketsFromLists } from '../../electron/services/analysis/rules/baskets.js';
import { mineFrequentItemsets as mineFromSources } from '../../electron/services/analysis/rules/frequentItemsets.js';
import type * as FrequentItemsetsModule from '../../electron/services/analysis/rules/frequentItemsets.js';
import { Random } from '../../electron/services/demo/random.js';

type Miner = typeof FrequentItemsetsModule;
const compiled = fileURLToPath(
  new URL('../../dist/electron/services/analysis/rules/frequentItemsets.js', import.meta.url),
);

/** Baskets from three overlapping groups over 30 items, so that long itemsets are frequent. */
function groupedBaskets(count: number, seed: number): number[][] {
  const random = new Random(seed);
  const groups = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 15, 16, 17, 18, 19, 20, 21, 22, 23],
  ];
  return Array.from({ length: count }, () => {
    const group = random.pick(groups);
    const basket = group.filter(() => random.chance(0.7));
    for (let item = 0; item < 30; item++) if (random.chance(0.08)) basket.push(item);
    return basket;
  });
}

describe('the miner on worker threads', () => {
  test('1, 2 and 3 threads and the sources find the same itemsets in the same order', async () => {
    if (!existsSync(compiled)) throw new Error(`${compiled} is missing: run \`npm run build:node\` first.`);
    const { mineFrequentItemsets } = (await import(pathToFileURL(compiled).href)) as Miner;
    const baskets = basketsFromLists(groupedBaskets(300_000, 7), 30);
    const minCount = 9_000;
    const one = mineFrequentItemsets(baskets, { minCount, threads: 1 });
    expect(one.size).toBeGreaterThan(500);
    for (const threads of [2, 3]) {
      const many = mineFrequentItemsets(baskets, { minCount, threads });
      expect(many.size).toBe(one.size);
      for (const column of ['parent', 'lastItem', 'count', 'length'] as const) {
        expect(
          Buffer.from(many[column].buffer).equals(Buffer.from(one[column].buffer)),
          `${threads} threads: ${column}`,
        ).toBe(true);
      }
    }
    const sources = mineFromSources(baskets, { minCount });
    expect(Buffer.from(sources.count.buffer).equals(Buffer.from(one.count.buffer))).toBe(true);
    expect(Buffer.from(sources.parent.buffer).equals(Buffer.from(one.parent.buffer))).toBe(true);
  });
});
