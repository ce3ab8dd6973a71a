// The rule-mining bench: synthetic customer baskets with planted associations, mined by BranchLoop and by
// Weka's FPGrowth in the same run. Figures: rules.seconds (BranchLoop against Weka), rules.itemsets and
// rules.rules (counts, and whether both found exactly the same ones with the same counts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleMeasures } from '../../electron/services/analysis/rules/associationRules.js';
import { parseBasketText } from '../../electron/services/analysis/rules/basketFile.js';
import {
  itemsOf,
  mineAssociationRules,
  type RuleMiningResult,
} from '../../electron/services/analysis/rules/mineRules.js';
import { emit, note, ratio } from './figures.js';
import { basketVocabulary, generateBaskets, plantedAssociations } from './rulesBaskets.js';
import { runWeka, wekaMissing, writeArff, type WekaResult } from './weka.js';

export interface RulesBenchOptions {
  baskets: number;
  minSupport: number;
  minConfidence: number;
  seed: number;
  workDir: string;
}

/** BranchLoop's runs; the figure is their median. */
const runs = 3;

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

interface Comparison {
  identical: boolean;
  onlyBranchLoop: number;
  onlyWeka: number;
  countsDiffer: number;
  example: string | null;
}

function compare<T>(ours: Map<string, T>, theirs: Map<string, T>, same: (a: T, b: T) => boolean): Comparison {
  let onlyBranchLoop = 0;
  let countsDiffer = 0;
  let example: string | null = null;
  for (const [key, value] of ours) {
    const other = theirs.get(key);
    if (other === undefined) {
      onlyBranchLoop++;
      example ??= `only BranchLoop: ${key}`;
    } else if (!same(value, other)) {
      countsDiffer++;
      example ??= `${key}: ${JSON.stringify(value)} against Weka's ${JSON.stringify(other)}`;
    }
  }
  let onlyWeka = 0;
  for (const key of theirs.keys()) {
    if (!ours.has(key)) {
      onlyWeka++;
      example ??= `only Weka: ${key}`;
    }
  }
  return { identical: onlyBranchLoop + onlyWeka + countsDiffer === 0, onlyBranchLoop, onlyWeka, countsDiffer, example };
}

function ourItemsets(mined: RuleMiningResult, names: readonly string[]): Map<string, number> {
  const sets = mined.itemsets;
  const found = new Map<string, number>();
  for (const set of mined.itemsetOrder)
    found.set(
      itemsOf(sets, set)
        .map((id) => names[id]!)
        .join(','),
      sets.count[set]!,
    );
  return found;
}

/** Rules as Weka keeps them: confidence strictly above the minimum (BranchLoop keeps those at it, too). */
function ourRules(mined: RuleMiningResult, names: readonly string[], minConfidence: number) {
  const { itemsets: sets, rules } = mined;
  const above = new Map<string, [number, number, number]>();
  let atThreshold = 0;
  const named = (set: number) =>
    itemsOf(sets, set)
      .map((id) => names[id]!)
      .join(',');
  for (const rule of mined.ruleOrder) {
    const m = ruleMeasures(sets, rules, rule);
    if (m.confidence === minConfidence) {
      atThreshold++;
      continue;
    }
    above.set(`${named(rules.antecedent[rule]!)} => ${named(rules.consequent[rule]!)}`, [
      m.count,
      m.antecedentCount,
      m.consequentCount,
    ]);
  }
  return { above, atThreshold };
}

function plantedFound(mined: RuleMiningResult, names: readonly string[]) {
  const { itemsets: sets, rules } = mined;
  return plantedAssociations.map(([from, to]) => {
    const rule = mined.ruleOrder.find(
      (r) =>
        itemsOf(sets, rules.antecedent[r]!)
          .map((id) => names[id])
          .join(',') === from &&
        itemsOf(sets, rules.consequent[r]!)
          .map((id) => names[id])
          .join(',') === to,
    );
    return {
      rule: `${from} => ${to}`,
      found: rule !== undefined,
      confidence: rule === undefined ? null : round(rules.confidence[rule]!),
      lift: rule === undefined ? null : round(rules.lift[rule]!),
    };
  });
}

export async function benchRules(options: RulesBenchOptions): Promise<void> {
  const { baskets: n, minSupport, minConfidence, seed, workDir } = options;
  mkdirSync(workDir, { recursive: true });
  note(`rules: generating ${n.toLocaleString('en')} baskets (seed ${seed})`);
  const lists = generateBaskets(n, seed);
  const basketFile = join(workDir, 'baskets.txt');
  writeFileSync(
    basketFile,
    lists.map((basket) => basket.map((id) => basketVocabulary[id]).join(',')).join('\n') + '\n',
  );
  const arffFile = join(workDir, 'baskets.arff');
  await writeArff(arffFile, basketVocabulary, lists);
  lists.length = 0;

  // What `branchloop rules` does: parse the file, then mine (timed on its own, as Weka's figure is).
  const parseStarted = performance.now();
  const { baskets, names } = parseBasketText(readFileSync(basketFile, 'utf8'), basketFile);
  const parseSeconds = (performance.now() - parseStarted) / 1000;
  const samples: number[] = [];
  let mined: RuleMiningResult | null = null;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    mined = mineAssociationRules(baskets, { minSupport, minConfidence });
    samples.push((performance.now() - started) / 1000);
    note(
      `rules: BranchLoop mined ${mined.itemsets.size} itemsets, ${mined.rules.size} rules in ${samples.at(-1)!.toFixed(2)} s`,
    );
  }
  const ours = mined!;
  const seconds = [...samples].sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  const common = { n, minSupport, minConfidence, seed };

  const missing = wekaMissing();
  let weka: WekaResult | null = null;
  if (missing) {
    note(`rules: skipping the comparison with Weka, ${missing}`);
  } else {
    note(`rules: running Weka's FPGrowth on ${arffFile}`);
    weka = await runWeka(arffFile, workDir, { minSupport, minConfidence });
    note(`rules: Weka mined ${weka.itemsets.size} itemsets, ${weka.rules.size} rules in ${weka.seconds.toFixed(1)} s`);
  }

  emit({
    name: 'rules.seconds',
    unit: 's',
    value: round(seconds),
    ...common,
    ...(weka
      ? {
          baseline: round(weka.seconds),
          ratio: ratio(seconds, weka.seconds),
          timesFaster: Math.round((weka.seconds / seconds) * 10) / 10,
        }
      : {}),
    runs: samples.map(round),
    parseSeconds: round(parseSeconds),
    wekaProcessSeconds: weka ? round(weka.processSeconds) : null,
    algorithm: 'Eclat on tid-bitsets',
    baselineAlgorithm: weka ? 'Weka 3.6 FPGrowth' : null,
  });
  const itemsets = ourItemsets(ours, names);
  const itemsetComparison = weka ? compare(itemsets, weka.itemsets, (a, b) => a === b) : null;
  emit({
    name: 'rules.itemsets',
    unit: 'itemsets',
    value: itemsets.size,
    ...common,
    minCount: ours.minCount,
    ...(weka ? { baseline: weka.itemsets.size, ...itemsetComparison, basketsAgree: weka.baskets === n } : {}),
  });
  const rules = ourRules(ours, names, minConfidence);
  const ruleComparison = weka
    ? compare(rules.above, weka.rules, (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2])
    : null;
  emit({
    name: 'rules.rules',
    unit: 'rules',
    value: ours.rules.size,
    ...common,
    // Weka 3.6 keeps a rule only when its confidence is strictly above the minimum.
    atMinConfidence: rules.atThreshold,
    ...(weka ? { baseline: weka.rules.size, ...ruleComparison } : {}),
    planted: plantedFound(ours, names),
  });
}
