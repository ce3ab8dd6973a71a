// The values the list's filter menus offer: towns, villages and managers present in the data, and the
// product catalogue for "held / not held".
import type { FilterOptions, FilterProduct } from '../../api/types.js';
import { analysisTiers, type AnalysisSummary } from '../../api/analysisTypes.js';
import { prepared } from '../../../db/queries/prepared.js';
import type { ServiceContext } from '../context.js';

/** The menus of the latest analysis run, from its summary (tiers, persona tags, veto reasons in the run's order). */
function latestAnalysis(ctx: ServiceContext): FilterOptions['analysis'] {
  const run = prepared(
    ctx.db,
    'SELECT run_id AS runId, summary FROM analysis_runs ORDER BY run_id DESC LIMIT 1',
  ).get() as { runId: number; summary: string } | undefined;
  if (!run) return null;
  const summary = JSON.parse(run.summary) as AnalysisSummary;
  return {
    runId: run.runId,
    tiers: analysisTiers.map((key) => ({ key, label: summary.tierLabels[key] })),
    personas: summary.personas.map(({ key, label }) => ({ key, label })),
    vetoes: summary.vetoes.map(({ code, label }) => ({ code, label })),
  };
}

let cached: { generation: number; options: FilterOptions } | null = null;

export function filterOptions(ctx: ServiceContext): FilterOptions {
  const generation = ctx.dataGeneration();
  if (cached && cached.generation === generation) return cached.options;
  const { db } = ctx;
  // The village index is (village, …): walking its distinct values is quick even on a large branch.
  const villages = prepared(
    db,
    `SELECT DISTINCT village, (SELECT town FROM customers t WHERE t.village = v.village LIMIT 1) AS town
     FROM (SELECT DISTINCT village FROM customers WHERE village IS NOT NULL) v ORDER BY town, village`,
  ).all() as { village: string; town: string | null }[];
  const towns = [...new Set(villages.flatMap((v) => (v.town ? [v.town] : [])))].sort();
  const managers = prepared(
    db,
    `SELECT staff_id AS staffId, name FROM staff WHERE role = 'rm' AND active = 1 ORDER BY name`,
  ).all() as { staffId: string; name: string }[];
  const products = prepared(
    db,
    `SELECT product_id AS productId, name, name_en AS nameEn, category FROM products
     WHERE active = 1 ORDER BY category, product_id`,
  ).all() as FilterProduct[];
  const options: FilterOptions = {
    towns,
    villages: villages.map((v) => ({ town: v.town ?? '', village: v.village })),
    managers,
    products,
    analysis: latestAnalysis(ctx),
  };
  cached = { generation, options };
  return options;
}
