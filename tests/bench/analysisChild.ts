// Runs one analysis through the data worker in a process of its own, so that its peak memory is the run's
// alone, and prints one JSON line: seconds per phase, customers, peak resident memory.
// Usage: node analysisChild.js DATA_DIR
import { join } from 'node:path';
import { databaseFileName } from '../../electron/platform/dataDir.js';
import { WorkerHost } from '../../electron/worker/host.js';

async function main(): Promise<void> {
  const [dataDir] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: analysisChild DATA_DIR');
  const host = new WorkerHost({ dataDir, databaseFile: join(dataDir, databaseFileName), onLog: () => {} });
  try {
    await host.ready();
    if (host.failure) throw new Error(host.failure.message);
    const started = performance.now();
    const phases: Record<string, number> = {};
    let phase = '';
    let phaseStarted = started;
    const result = await host.api.call(
      'analysis.run',
      {},
      {
        onProgress: (progress) => {
          if (progress.phase === phase) return;
          const now = performance.now();
          if (phase !== '') phases[phase] = (phases[phase] ?? 0) + (now - phaseStarted) / 1000;
          phase = progress.phase;
          phaseStarted = now;
        },
      },
    );
    const seconds = (performance.now() - started) / 1000;
    if (phase !== '') phases[phase] = (phases[phase] ?? 0) + (performance.now() - phaseStarted) / 1000;
    if (!result.ok) throw new Error(`analysis.run: ${result.error.message}`);
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(JSON.stringify({ seconds, phases, customers: result.value.customers, maxRssMb }) + '\n');
  } finally {
    await host.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`analysisChild: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
