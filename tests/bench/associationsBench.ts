// The association step of an analysis run on a built branch database: baskets read from the holdings and
// loans, the relation matrix, the rule mining and the latent needs (analyzeAssociations), then their saving,
// timed apart; the features are loaded and scored once beforehand and not counted. The saving runs in a
// transaction rolled back, so the database is left as it was. Also `node dist/tests/bench/associationsBench.js
// DATABASE_FILE [runs]` on its own.
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../../db/connection.js';
import { analyzeAssociations } from '../../electron/services/analysis/associations/associationStep.js';
import { currentMiningSettings } from '../../electron/services/analysis/associations/miningSettings.js';
import { saveAssociations } from '../../electron/services/analysis/associations/saveAssociations.js';
import { loadFeatures } from '../../electron/services/analysis/loadFeatures.js';
import { currentModel } from '../../electron/services/analysis/run.js';
import { scoreCustomers } from '../../electron/services/analysis/scoring/index.js';
import { idleJob } from '../../electron/services/context.js';
import { emit, note, summarize } from './figures.js';

export interface AssociationsBenchOptions {
  /** A branch database with customers and holdings (demo.load builds one). */
  databaseFile: string;
  runs: number;
}

const round = (seconds: number) => Math.round(seconds * 1000) / 1000;

export async function benchAssociations(options: AssociationsBenchOptions): Promise<void> {
  const db = openDatabase(options.databaseFile);
  try {
    const loaded = await loadFeatures(db, idleJob, () => {});
    const scored = scoreCustomers(loaded.features, currentModel(db));
    const settings = currentMiningSettings(db);
    const n = loaded.ids.length;
    note(`associations: ${n.toLocaleString('en')} customers, ${JSON.stringify(settings)}`);
    const steps: number[] = [];
    const saves: number[] = [];
    let last: { rules: number; itemsets: number; items: number; withNeeds: number } | null = null;
    for (let r = 0; r < options.runs; r++) {
      const started = performance.now();
      const analysis = await analyzeAssociations(db, idleJob, loaded.ids, scored, settings);
      const step = (performance.now() - started) / 1000;
      const runId = Number(
        db
          .prepare(
            `INSERT INTO analysis_runs (started_at, finished_at, actor, model_version, model, parameters, customers,
               seconds, summary) VALUES ('', '', 'bench', '', '{}', '{}', ?, 0, '{}')`,
          )
          .run(n).lastInsertRowid,
      );
      db.exec('BEGIN');
      const saveStarted = performance.now();
      try {
        await saveAssociations(db, idleJob, runId, loaded.ids, analysis);
      } finally {
        saves.push((performance.now() - saveStarted) / 1000);
        db.exec('ROLLBACK');
        db.prepare('DELETE FROM analysis_runs WHERE run_id = ?').run(runId);
      }
      steps.push(step);
      let withNeeds = 0;
      for (let i = 0; i < n; i++) if (analysis.needs.rules[i * analysis.needs.perCustomer]! >= 0) withNeeds++;
      last = {
        rules: analysis.mined.rules.size,
        itemsets: analysis.mined.itemsets.size,
        items: analysis.baskets.items.length,
        withNeeds,
      };
      note(`associations run ${r + 1}: step ${step.toFixed(3)} s, save ${saves.at(-1)!.toFixed(3)} s`);
    }
    const step = summarize([...steps].sort((a, b) => a - b));
    const save = summarize([...saves].sort((a, b) => a - b));
    emit({
      name: 'analysis.associations',
      unit: 's',
      value: round(step.p50),
      n,
      p50: round(step.p50),
      p95: round(step.p95),
      runs: options.runs,
      saveP50: round(save.p50),
      ...settings,
      itemsets: last?.itemsets,
      rules: last?.rules,
      basketItemsPerCustomer: last ? Math.round((last.items / n) * 10) / 10 : undefined,
      customersWithNeeds: last?.withNeeds,
      rssMb: Math.round(process.memoryUsage.rss() / 1e6),
    });
  } finally {
    db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [databaseFile, runs] = process.argv.slice(2);
  if (databaseFile === undefined) throw new Error('usage: associationsBench.js DATABASE_FILE [runs]');
  await benchAssociations({ databaseFile, runs: Number(runs ?? 3) });
}
