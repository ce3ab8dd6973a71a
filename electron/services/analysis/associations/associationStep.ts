// The association step of an analysis run (关联分析): baskets of traits and products per customer, the trait ×
// product relation matrix, frequent itemsets and rules by the exact miner, and the latent needs the rules give.
// Reads and computes only; saveAssociations writes the result inside the run's transaction.
import type Database from 'better-sqlite3';
import type { MiningSettings } from '../../../api/associationTypes.js';
import type { Job } from '../../context.js';
import type { Baskets } from '../rules/baskets.js';
import { mineAssociationRules, type RuleMiningResult } from '../rules/mineRules.js';
import type { ScoringRun } from '../scoring/index.js';
import { buildCustomerBaskets } from './customerBaskets.js';
import { latentNeeds, needsPerCustomer, type LatentNeeds } from './latentNeeds.js';
import { countItems, relationMatrix, type StoredMatrix } from './relationMatrix.js';
import { buildVocabulary, scoreBandLimits, type CatalogueProduct, type Vocabulary } from './vocabulary.js';

export interface AssociationAnalysis {
  settings: MiningSettings;
  vocabulary: Vocabulary;
  baskets: Baskets;
  matrix: StoredMatrix;
  mined: RuleMiningResult;
  needs: LatentNeeds;
}

/** What the run records in its `parameters` JSON about the mining. */
export function miningParameters(settings: MiningSettings) {
  return {
    ...settings,
    needsPerCustomer,
    scoreBandLimits: [...scoreBandLimits],
    productsHeld: 'holdings not closed, loans not repaid',
  };
}

export function catalogueProducts(db: Database.Database): CatalogueProduct[] {
  return db
    .prepare('SELECT product_id AS productId, name, name_en AS nameEn FROM products ORDER BY product_id')
    .all() as CatalogueProduct[];
}

const phase = 'progress.analysisMining';

/** Runs the step on the customers of a scored run (`ids` in the run's order); progress in percent. */
export async function analyzeAssociations(
  db: Database.Database,
  job: Job,
  ids: readonly string[],
  run: ScoringRun,
  settings: MiningSettings,
): Promise<AssociationAnalysis> {
  job.progress({ phase, done: 0, total: 100 });
  const vocabulary = buildVocabulary(catalogueProducts(db));
  const baskets = await buildCustomerBaskets(db, job, ids, run, vocabulary, (done, total) =>
    job.progress({ phase, done: Math.floor((done / total) * 50), total: 100 }),
  );
  const matrix = relationMatrix(baskets, vocabulary, countItems(baskets, vocabulary));
  job.progress({ phase, done: 55, total: 100 });
  await job.checkpoint();
  const mined = mineAssociationRules(baskets, settings);
  job.progress({ phase, done: 80, total: 100 });
  await job.checkpoint();
  const needs = await latentNeeds(baskets, vocabulary, mined, job);
  job.progress({ phase, done: 100, total: 100 });
  return { settings, vocabulary, baskets, matrix, mined, needs };
}
