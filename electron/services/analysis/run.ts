// `analysis.run`: one numbered analysis of the current data — vetoes, the five scores, tiers and persona tags
// — stored with the model version and every parameter, so that any run can be reproduced and compared later.
import type Database from 'better-sqlite3';
import type { ParsedInputOf } from '../../api/contract.js';
import { AppError } from '../../api/errors.js';
import type { AnalysisRunSummary } from '../../api/analysisTypes.js';
import { inAsyncTransaction } from '../../../db/queries/bulk.js';
import type { ServiceContext } from '../context.js';
import { analyzeAssociations, miningParameters } from './associations/associationStep.js';
import { currentMiningSettings } from './associations/miningSettings.js';
import { saveAssociations } from './associations/saveAssociations.js';
import { loadFeatures } from './loadFeatures.js';
import {
  canonicalModelJson,
  defaultScoringModel,
  parseScoringModel,
  scoreCustomers,
  type ScoringModel,
} from './scoring/index.js';
import { saveCustomerScores } from './saveScores.js';
import { segmentStep } from './segments/segmentStep.js';
import { personaThreshold, summarizeRun } from './summary.js';

export const modelSettingKey = 'analysis.model';

/** The model in settings, or the standard one; a saved model that no longer parses is reported, not ignored. */
export function currentModel(db: Database.Database): ScoringModel {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(modelSettingKey) as string | undefined;
  if (raw === undefined) return defaultScoringModel();
  const parsed = parseScoringModel(JSON.parse(raw));
  if (!parsed.ok) {
    throw new AppError('invalid_input', `The saved scoring model is not valid: ${parsed.problems.join('; ')}`, {
      problems: parsed.problems,
    });
  }
  return parsed.model;
}

export async function runAnalysis(
  ctx: ServiceContext,
  input: ParsedInputOf<'analysis.run'>,
): Promise<AnalysisRunSummary> {
  const { db, job } = ctx;
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const model = currentModel(db);
  const mining = currentMiningSettings(db);
  const loaded = await loadFeatures(
    db,
    job,
    (done, total) => job.progress({ phase: 'progress.analysisLoading', done, total }),
    ctx.paths.sqliteBinding === undefined ? {} : { sqliteBinding: ctx.paths.sqliteBinding },
  );
  const { n } = loaded.features;
  job.progress({ phase: 'progress.analysisScoring', done: 0, total: 100 });
  const scored = scoreCustomers(loaded.features, model, {
    onProgress: (share) =>
      job.progress({ phase: 'progress.analysisScoring', done: Math.round(share * 100), total: 100 }),
  });
  await job.checkpoint();
  const associations = await analyzeAssociations(db, job, loaded.ids, scored, mining);
  const summary = summarizeRun(scored);
  const segments = await segmentStep(db, job, scored);
  const parameters = { personaThreshold, segmentation: segments.parameters, mining: miningParameters(mining) };
  const runId = await inAsyncTransaction(db, async () => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO analysis_runs (started_at, finished_at, actor, model_version, model, parameters, as_of_month,
             customers, seconds, summary)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, '{}')`,
        )
        .run(
          startedAt,
          startedAt,
          input.actor,
          scored.modelVersion,
          canonicalModelJson(model),
          JSON.stringify(parameters),
          loaded.windows.asOfMonth,
          n,
        ).lastInsertRowid,
    );
    await saveCustomerScores(db, job, id, loaded.ids, scored, parameters.personaThreshold, segments.labels);
    await segments.save(id, loaded.ids);
    await saveAssociations(db, job, id, loaded.ids, associations);
    const seconds = (performance.now() - started) / 1000;
    db.prepare(`UPDATE analysis_runs SET finished_at = ?, seconds = ?, summary = ? WHERE run_id = ?`).run(
      new Date().toISOString(),
      seconds,
      JSON.stringify(summary),
      id,
    );
    return id;
  });
  ctx.dataChanged();
  return {
    runId,
    startedAt,
    actor: input.actor,
    modelVersion: scored.modelVersion,
    asOfMonth: loaded.windows.asOfMonth,
    customers: n,
    seconds: (performance.now() - started) / 1000,
    summary,
    mining: { minSupport: mining.minSupport, minConfidence: mining.minConfidence, maxLength: mining.maxLength },
  };
}
