// `node dist/tests/bench/rulesMain.js [--baskets N] [--min-support S] [--min-confidence C] [--seed S]
// [--work-dir DIR] [--keep]`: the rule-mining bench alone (figures on stdout, messages on stderr).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchRules } from './rules.js';

function numberFlag(name: string, text: string | undefined, fallback: number, valid: (n: number) => boolean): number {
  if (text === undefined) return fallback;
  const value = Number(text.replaceAll('_', ''));
  if (!valid(value)) throw new Error(`--${name}: "${text}" is out of range.`);
  return value;
}

const { values } = parseArgs({
  options: {
    baskets: { type: 'string' },
    'min-support': { type: 'string' },
    'min-confidence': { type: 'string' },
    seed: { type: 'string' },
    'work-dir': { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
  strict: true,
});
const workDir = values['work-dir'] ?? mkdtempSync(join(tmpdir(), 'branchloop-rules-bench-'));
try {
  await benchRules({
    baskets: numberFlag('baskets', values.baskets, 1_000_000, (n) => Number.isInteger(n) && n >= 1),
    minSupport: numberFlag('min-support', values['min-support'], 0.05, (s) => s > 0 && s <= 1),
    minConfidence: numberFlag('min-confidence', values['min-confidence'], 0.5, (c) => c >= 0 && c <= 1),
    seed: numberFlag('seed', values.seed, 20261123, (s) => Number.isInteger(s) && s >= 0),
    workDir,
  });
} finally {
  if (!values.keep && values['work-dir'] === undefined) rmSync(workDir, { recursive: true, force: true });
}
