// `node dist/tests/bench/kmeansMain.js [--n N] [--d D] [--k K] [--seed S] [--work-dir DIR] [--keep]`: the
// k-means comparison with scikit-learn alone (figures on stdout, as `npm run bench` prints them).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchKmeans } from './kmeans.js';

function whole(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < min)
    throw new Error(`--${name}: "${text}" is not a whole number of at least ${min}.`);
  return value;
}

const { values } = parseArgs({
  options: {
    n: { type: 'string' },
    d: { type: 'string' },
    k: { type: 'string' },
    seed: { type: 'string' },
    'work-dir': { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
  strict: true,
});
const workDir = values['work-dir'] ?? mkdtempSync(join(tmpdir(), 'branchloop-kmeans-'));
try {
  await benchKmeans({
    n: whole('n', values.n, 1_000_000, 2),
    d: whole('d', values.d, 8, 1),
    k: whole('k', values.k, 8, 1),
    seed: whole('seed', values.seed, 20261123, 0),
    workDir,
  });
} finally {
  if (!values.keep && values['work-dir'] === undefined) rmSync(workDir, { recursive: true, force: true });
}
