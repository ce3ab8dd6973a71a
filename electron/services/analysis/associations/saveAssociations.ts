// Writes a run's association results: the rules in the miner's order (rule number = place, 1-based), the
// relation matrix, and every customer's latent needs, many rows per statement, with progress and cancellation.
import type Database from 'better-sqlite3';
import type { Job } from '../../context.js';
import { itemsOf } from '../rules/mineRules.js';
import type { AssociationAnalysis } from './associationStep.js';

const rowsPerStatement = 500;
const phase = 'progress.analysisSaving';

/** Runs `many` on full batches of `width` values and `one` on what is left; yields between batches. */
class BatchInsert {
  private readonly values: (string | number)[] = [];
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;

  constructor(
    db: Database.Database,
    table: string,
    private readonly columns: readonly string[],
  ) {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const insert = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    this.many = db.prepare(insert + Array.from({ length: rowsPerStatement }, () => tuple).join(', '));
    this.one = db.prepare(insert + tuple);
  }

  /** True when a batch was written. */
  add(...row: (string | number)[]): boolean {
    this.values.push(...row);
    if (this.values.length < rowsPerStatement * this.columns.length) return false;
    this.many.run(this.values);
    this.values.length = 0;
    return true;
  }

  finish(): void {
    const width = this.columns.length;
    for (let k = 0; k < this.values.length; k += width) this.one.run(this.values.slice(k, k + width));
    this.values.length = 0;
  }
}

export async function saveAssociations(
  db: Database.Database,
  job: Job,
  runId: number,
  ids: readonly string[],
  analysis: AssociationAnalysis,
): Promise<void> {
  const { mined, vocabulary, needs } = analysis;
  const { itemsets, rules, ruleOrder, basketCount } = mined;
  const keys = (set: number) => itemsOf(itemsets, set).map((item) => vocabulary.items[item]!.key);

  const ruleRows = new BatchInsert(db, 'analysis_rules', [
    'run_id',
    'rule',
    'antecedent',
    'consequent',
    'support',
    'confidence',
    'lift',
    'product_consequent',
  ]);
  for (let place = 0; place < ruleOrder.length; place++) {
    const r = ruleOrder[place]!;
    const consequent = itemsOf(itemsets, rules.consequent[r]!);
    const written = ruleRows.add(
      runId,
      place + 1,
      JSON.stringify(keys(rules.antecedent[r]!)),
      JSON.stringify(consequent.map((item) => vocabulary.items[item]!.key)),
      itemsets.count[rules.itemset[r]!]! / basketCount,
      rules.confidence[r]!,
      rules.lift[r]!,
      consequent.every((item) => item >= vocabulary.firstProduct) ? 1 : 0,
    );
    if (written) await job.checkpoint();
  }
  ruleRows.finish();

  db.prepare('INSERT INTO analysis_associations (run_id, matrix) VALUES (?, ?)').run(
    runId,
    JSON.stringify(analysis.matrix),
  );

  const needRows = new BatchInsert(db, 'customer_needs', ['run_id', 'customer_id', 'rules']);
  const { perCustomer } = needs;
  for (let i = 0; i < ids.length; i++) {
    const base = i * perCustomer;
    if (needs.rules[base]! < 0) continue;
    let list = String(needs.rules[base]!);
    for (let j = 1; j < perCustomer && needs.rules[base + j]! >= 0; j++) list += `,${needs.rules[base + j]!}`;
    if (needRows.add(runId, ids[i]!, `[${list}]`)) {
      job.progress({ phase, done: i + 1, total: ids.length });
      await job.checkpoint();
    }
  }
  needRows.finish();
  await job.checkpoint();
}
