// `node dist/tests/bench/scoringSpeed.js [customers] [runs]`: times a full scoring run (vetoes, five scores,
// tiers, personas) on a synthetic feature table and prints one JSON figure per run, the table build excluded.
import { defaultScoringModel, scoreCustomers } from '../../electron/services/analysis/scoring/index.js';
import { emit, note, summarize } from './figures.js';
import { syntheticFeatures } from './syntheticFeatures.js';

const customers = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 5);
note(`scoring: building ${customers} synthetic customers`);
const features = syntheticFeatures(customers, 7, 8);
const model = defaultScoringModel();
const samples: number[] = [];
for (let r = 0; r < runs; r++) {
  const started = performance.now();
  const run = scoreCustomers(features, model);
  const seconds = (performance.now() - started) / 1000;
  samples.push(seconds);
  note(`scoring run ${r + 1}: ${seconds.toFixed(3)} s, composite[0] = ${run.composite[0]?.toFixed(2)}`);
}
const sorted = [...samples].sort((a, b) => a - b);
const summary = summarize(sorted);
emit({
  name: 'scoring.full_run',
  unit: 's',
  value: summary.p50,
  n: customers,
  p50: summary.p50,
  p95: summary.p95,
  runs,
  heapMb: Math.round(process.memoryUsage().rss / 1e6),
});
