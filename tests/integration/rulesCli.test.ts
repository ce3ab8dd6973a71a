// `branchloop rules FILE` as a real child process: the textbook baskets give the itemsets and rules worked
// out by hand; bad flags and unreadable or malformed files fail with one line naming the problem; the
// command never opens (or creates) the branch database.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';
import { tempDirForTest } from '../helpers/tempDir.js';

interface RulesOutput {
  baskets: number;
  items: number;
  minCount: number;
  itemsets: { items: string[]; count: number; support: number }[];
  rules: {
    antecedent: string[];
    consequent: string[];
    count: number;
    support: number;
    confidence: number;
    lift: number;
  }[];
}

// Han, Kamber & Pei's nine transactions, with spaces, an empty line and a repeated item thrown in.
const textbook = [
  'I1, I2, I5',
  'I2,I4',
  'I2,I3',
  'I1,I2,I4',
  'I1,I3',
  'I2,I3',
  'I1,I3',
  'I1,I2,I3,I5',
  ' I1 ,I2,I3,I1',
  '',
].join('\n');

function basketFile(text: string): { dir: string; file: string } {
  const dir = tempDirForTest();
  const file = join(dir, 'baskets.txt');
  writeFileSync(file, text === '' ? '' : text + '\n');
  return { dir, file };
}

function expectOneLineFailure(run: CliRun, reason: RegExp) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^branchloop: /);
  expect(run.stderr).toMatch(reason);
}

describe('branchloop rules', () => {
  test('--json: every frequent itemset and rule, and no database created', async () => {
    const { dir, file } = basketFile(textbook);
    const dataDir = join(dir, 'data');
    const run = await runCli([
      'rules',
      file,
      '--min-support',
      '0.2',
      '--min-confidence',
      '0.7',
      '--data-dir',
      dataDir,
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as RulesOutput;
    // The empty line is a basket of its own: 10 baskets, 0.2 × 10 = 2.
    expect(out).toMatchObject({ baskets: 10, items: 5, minCount: 2 });
    expect(out.itemsets.map((s) => `${s.items.join('+')}:${s.count}`)).toEqual([
      'I1:6',
      'I2:7',
      'I3:6',
      'I4:2',
      'I5:2',
      'I1+I2:4',
      'I1+I3:4',
      'I1+I5:2',
      'I2+I3:4',
      'I2+I4:2',
      'I2+I5:2',
      'I1+I2+I3:2',
      'I1+I2+I5:2',
    ]);
    expect(out.itemsets[0]!.support).toBe(0.6);
    expect(out.rules.map((r) => `${r.antecedent.join('+')}=>${r.consequent.join('+')}`)).toEqual([
      'I5=>I1+I2',
      'I5=>I1',
      'I2+I5=>I1',
      'I4=>I2',
      'I5=>I2',
      'I1+I5=>I2',
    ]);
    expect(out.rules[0]).toMatchObject({ count: 2, support: 0.2, confidence: 1, lift: 2.5 });
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  });

  test('--max-length, and the text output with the strongest rules', async () => {
    const { file } = basketFile(textbook);
    const run = await runCli(['rules', file, '--min-support', '0.2', '--min-confidence', '0.5', '--max-length', '2']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^frequent itemsets\s+11$/m);
    expect(run.stdout).toMatch(/^minimum support\s+0\.2 \(2 baskets\)$/m);
    expect(run.stdout).toContain('  I4 => I2  support 20.00%, confidence 100.00%, lift 1.43');
  });

  test.each([
    [['--min-support', '0', '--min-confidence', '0.5'], /--min-support: "0" is not a fraction in \(0, 1\]/],
    [['--min-support', '1.5', '--min-confidence', '0.5'], /--min-support: "1.5" is not a fraction/],
    [['--min-support', '5%', '--min-confidence', '0.5'], /--min-support: "5%" is not a fraction/],
    [['--min-confidence', '0.5'], /--min-support is required/],
    [['--min-support', '0.1', '--min-confidence=-0.1'], /--min-confidence: "-0.1" is not a fraction in \[0, 1\]/],
    [['--min-support', '0.1', '--min-confidence', '0.5', '--max-length', '0'], /--max-length: "0" is not a whole/],
    [['--min-support', '0.1', '--min-confidence', '0.5', '--min-lift', '2'], /Unknown option '--min-lift'/],
  ])('bad flags %j fail with one line', async (flags, reason) => {
    const { file } = basketFile(textbook);
    expectOneLineFailure(await runCli(['rules', file, ...flags]), reason);
  });

  test('an unreadable file, a missing operand and an empty item fail with one line naming the place', async () => {
    const { dir } = basketFile(textbook);
    const missing = join(dir, 'missing.txt');
    expectOneLineFailure(
      await runCli(['rules', missing, '--min-support', '0.1', '--min-confidence', '0.5']),
      new RegExp(`cannot read the basket file .*missing\\.txt: no such file`),
    );
    expectOneLineFailure(
      await runCli(['rules', dir, '--min-support', '0.1', '--min-confidence', '0.5']),
      /cannot read the basket file .*EISDIR/,
    );
    expectOneLineFailure(
      await runCli(['rules', '--min-support', '0.1', '--min-confidence', '0.5']),
      /rules takes one basket file, not 0/,
    );
    const { file } = basketFile('a,b\nb,,c\n');
    expectOneLineFailure(
      await runCli(['rules', file, '--min-support', '0.1', '--min-confidence', '0.5']),
      /baskets\.txt: line 2, column 3: empty item/,
    );
  });

  test('an empty file: no baskets, no itemsets, no rules', async () => {
    const { file } = basketFile('');
    const run = await runCli(['rules', file, '--min-support', '0.1', '--min-confidence', '0.5', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as RulesOutput;
    expect(out).toMatchObject({ baskets: 0, itemsets: [], rules: [] });
  });
});
