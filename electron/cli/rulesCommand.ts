// `branchloop rules FILE`: frequent itemsets and association rules of a basket file, so that anyone can
// check the miner against another tool. Works on the file alone and never opens the database.
import { readFileSync } from 'node:fs';
import { AppError } from '../api/errors.js';
import { ruleMeasures } from '../services/analysis/rules/associationRules.js';
import { parseBasketText } from '../services/analysis/rules/basketFile.js';
import { itemsOf, mineAssociationRules } from '../services/analysis/rules/mineRules.js';
import type { Command } from './commands.js';
import { table } from './format.js';

const shownRules = 20;

function fractionFlag(flag: string, value: string | boolean | undefined, lowestOpen: boolean): number {
  if (typeof value !== 'string') throw new AppError('invalid_input', `--${flag} is required: a fraction such as 0.05.`);
  const n = Number(value);
  const inRange = lowestOpen ? n > 0 && n <= 1 : n >= 0 && n <= 1;
  if (value.trim() === '' || !Number.isFinite(n) || !inRange) {
    throw new AppError(
      'invalid_input',
      `--${flag}: "${value}" is not a fraction in ${lowestOpen ? '(0, 1]' : '[0, 1]'} (write 0.05 for 5%).`,
    );
  }
  return n;
}

function lengthFlag(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isInteger(n) || n < 1) {
    throw new AppError('invalid_input', `--max-length: "${String(value)}" is not a whole number of items, at least 1.`);
  }
  return n;
}

function readBasketFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new AppError('invalid_input', `cannot read the basket file ${path}: ${reason}.`);
  }
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(2)}%`;
}

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'frequent itemsets and association rules of a basket file (one basket per line, items by commas)',
  usage:
    'branchloop rules FILE --min-support X --min-confidence Y [--max-length L] [--json]\n\n' +
    'FILE holds one basket per line, items separated by commas; an empty line is an empty basket. An itemset\n' +
    'is frequent when it occurs in at least ceil(X × baskets) baskets (X in (0, 1], as Weka counts it); a\n' +
    'rule is kept when its confidence is at least Y (in [0, 1]). --json prints every itemset and rule.',
  options: {
    'min-support': { type: 'string' },
    'min-confidence': { type: 'string' },
    'max-length': { type: 'string' },
  },
  operands: true,
  async run(flags, _session, operands) {
    if (operands.length !== 1) {
      throw new AppError('invalid_input', `rules takes one basket file, not ${operands.length}.`);
    }
    const file = operands[0]!;
    const minSupport = fractionFlag('min-support', flags['min-support'], true);
    const minConfidence = fractionFlag('min-confidence', flags['min-confidence'], false);
    const maxLength = lengthFlag(flags['max-length']);
    const { baskets, names } = parseBasketText(readBasketFile(file), file);
    const started = performance.now();
    const mined = mineAssociationRules(
      baskets,
      maxLength === undefined ? { minSupport, minConfidence } : { minSupport, minConfidence, maxLength },
    );
    const seconds = (performance.now() - started) / 1000;
    const { itemsets: sets, rules, basketCount } = mined;
    const named = (set: number) => itemsOf(sets, set).map((id) => names[id]!);
    const itemsets = Array.from(mined.itemsetOrder, (set) => ({
      items: named(set),
      count: sets.count[set]!,
      support: sets.count[set]! / basketCount,
    }));
    const ruleList = Array.from(mined.ruleOrder, (rule) => ({
      antecedent: named(rules.antecedent[rule]!),
      consequent: named(rules.consequent[rule]!),
      ...ruleMeasures(sets, rules, rule),
    }));
    const summary = [
      ['file', file],
      ['baskets', basketCount.toLocaleString('en')],
      ['distinct items', names.length.toLocaleString('en')],
      ['minimum support', `${minSupport} (${mined.minCount.toLocaleString('en')} baskets)`],
      ['minimum confidence', String(minConfidence)],
      ['frequent itemsets', itemsets.length.toLocaleString('en')],
      ['rules', ruleList.length.toLocaleString('en')],
      ['mining time', `${seconds.toFixed(2)} s`],
    ] satisfies [string, string][];
    const top = ruleList
      .slice(0, shownRules)
      .map(
        (r) =>
          `  ${r.antecedent.join(', ')} => ${r.consequent.join(', ')}  support ${percent(r.support)}, confidence ${percent(r.confidence)}, lift ${r.lift.toFixed(2)}`,
      );
    const text =
      table(summary) +
      (top.length > 0
        ? `\n${ruleList.length > shownRules ? `The first ${shownRules} rules` : 'Rules'} (--json lists all):\n${top.join('\n')}\n`
        : '');
    return {
      json: {
        file,
        baskets: basketCount,
        items: names.length,
        minSupport,
        minCount: mined.minCount,
        minConfidence,
        maxLength: maxLength ?? null,
        seconds,
        itemsets,
        rules: ruleList,
      },
      text,
    };
  },
};
