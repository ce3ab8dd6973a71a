// Reading a run's association results: the relation matrix, a page of rules, and one customer's latent needs.
// Item labels come from the run's stored matrix, so a rule reads as the run saw the catalogue.
import type Database from 'better-sqlite3';
import type { ParsedInputOf } from '../../../api/contract.js';
import type { Label } from '../../../api/analysisTypes.js';
import type {
  AssociationMatrix,
  AssociationRuleView,
  CustomerNeeds,
  LatentNeed,
  RuleItem,
  RulePage,
} from '../../../api/associationTypes.js';
import { AppError } from '../../../api/errors.js';
import { prepared } from '../../../../db/queries/prepared.js';
import type { ServiceContext } from '../../context.js';
import type { StoredMatrix } from './relationMatrix.js';

/** The run named, or the latest; null when none is named and there are no runs yet. */
function runNumber(db: Database.Database, runId: number | undefined): number | null {
  if (runId === undefined) {
    return (prepared(db, 'SELECT max(run_id) FROM analysis_runs').pluck().get() as number | null) ?? null;
  }
  if (prepared(db, 'SELECT 1 FROM analysis_runs WHERE run_id = ?').get(runId) === undefined) {
    throw new AppError('not_found', `There is no analysis run number ${runId}.`);
  }
  return runId;
}

function storedMatrix(db: Database.Database, runId: number): StoredMatrix | null {
  const raw = prepared(db, 'SELECT matrix FROM analysis_associations WHERE run_id = ?').pluck().get(runId) as
    string | undefined;
  return raw === undefined ? null : (JSON.parse(raw) as StoredMatrix);
}

function itemLabels(matrix: StoredMatrix | null): Map<string, Label> {
  const labels = new Map<string, Label>();
  for (const item of [...(matrix?.traits ?? []), ...(matrix?.products ?? [])]) labels.set(item.key, item.label);
  return labels;
}

function ruleItems(json: string, labels: Map<string, Label>): RuleItem[] {
  return (JSON.parse(json) as string[]).map((key) => ({ key, label: labels.get(key) ?? { zh: key, en: key } }));
}

export function analysisAssociations(
  ctx: ServiceContext,
  input: ParsedInputOf<'analysis.associations'>,
): { matrix: AssociationMatrix | null } {
  const runId = runNumber(ctx.db, input.runId);
  const matrix = runId === null ? null : storedMatrix(ctx.db, runId);
  return { matrix: matrix === null || runId === null ? null : { runId, ...matrix } };
}

interface RuleRow {
  rule: number;
  antecedent: string;
  consequent: string;
  support: number;
  confidence: number;
  lift: number;
}

const ruleFilter = `FROM analysis_rules r
  WHERE r.run_id = @runId
    AND (@productOnly = 0 OR r.product_consequent = 1)
    AND (@minLift IS NULL OR r.lift >= @minLift)
    AND (@keys IS NULL OR EXISTS (
      SELECT 1 FROM json_each(@keys) k
      WHERE instr(r.antecedent, '"' || k.value || '"') > 0 OR instr(r.consequent, '"' || k.value || '"') > 0))`;

/** Keys of the items whose key or label holds the text, case aside. */
function keysMatching(labels: Map<string, Label>, text: string): string[] {
  const needle = text.toLowerCase();
  const keys: string[] = [];
  for (const [key, label] of labels) {
    if ([key, label.zh, label.en].some((s) => s.toLowerCase().includes(needle))) keys.push(key);
  }
  return keys;
}

export function analysisRules(ctx: ServiceContext, input: ParsedInputOf<'analysis.rules'>): RulePage {
  const { db } = ctx;
  const runId = runNumber(db, input.runId);
  if (runId === null) return { runId: null, total: 0, rows: [] };
  const labels = itemLabels(storedMatrix(db, runId));
  const search = input.search === undefined || input.search === '' ? null : keysMatching(labels, input.search);
  const params = {
    runId,
    productOnly: input.productOnly ? 1 : 0,
    minLift: input.minLift ?? null,
    keys: search === null ? null : JSON.stringify(search),
  };
  const total = prepared(db, `SELECT count(*) ${ruleFilter}`).pluck().get(params) as number;
  // Column and direction come from the contract's enums, never from free text.
  const { column, direction } = input.sort;
  const rows = prepared(
    db,
    `SELECT rule, antecedent, consequent, support, confidence, lift ${ruleFilter}
     ORDER BY ${column} ${direction === 'asc' ? 'ASC' : 'DESC'}, rule LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: input.limit, offset: input.offset }) as RuleRow[];
  return {
    runId,
    total,
    rows: rows.map((row): AssociationRuleView => ({
      rule: row.rule,
      antecedent: ruleItems(row.antecedent, labels),
      consequent: ruleItems(row.consequent, labels),
      support: row.support,
      confidence: row.confidence,
      lift: row.lift,
    })),
  };
}

export function customerNeeds(ctx: ServiceContext, input: ParsedInputOf<'analysis.customerNeeds'>): CustomerNeeds {
  const { db } = ctx;
  const runId = runNumber(db, input.runId);
  if (runId === null) return { runId: null, needs: [] };
  const raw = prepared(db, 'SELECT rules FROM customer_needs WHERE run_id = ? AND customer_id = ?')
    .pluck()
    .get(runId, input.customerId) as string | undefined;
  if (raw === undefined) return { runId, needs: [] };
  const labels = itemLabels(storedMatrix(db, runId));
  const rule = prepared(
    db,
    'SELECT rule, antecedent, consequent, support, confidence, lift FROM analysis_rules WHERE run_id = ? AND rule = ?',
  );
  const needs = (JSON.parse(raw) as number[]).map((number): LatentNeed => {
    const row = rule.get(runId, number) as RuleRow | undefined;
    if (!row) throw new AppError('internal', `Run ${runId} names rule ${number} as a need but does not hold it.`);
    const [product] = ruleItems(row.consequent, labels);
    if (!product?.key.startsWith('product:')) {
      throw new AppError('internal', `Rule ${number} of run ${runId} does not propose a product.`);
    }
    return {
      productId: product.key.slice('product:'.length),
      label: product.label,
      rule: row.rule,
      because: ruleItems(row.antecedent, labels),
      confidence: row.confidence,
      lift: row.lift,
    };
  });
  return { runId, needs };
}
