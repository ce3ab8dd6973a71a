// Runs one import through the data worker in a process of its own, so that its peak memory is the
// import's alone, and prints one JSON line: seconds per phase, counts, peak resident memory.
// Usage: node importChild.js DATA_DIR FILE…
import { join } from 'node:path';
import { databaseFileName } from '../../electron/platform/dataDir.js';
import { WorkerHost } from '../../electron/worker/host.js';

async function main(): Promise<void> {
  const [dataDir, ...files] = process.argv.slice(2);
  if (!dataDir || files.length === 0) throw new Error('usage: importChild DATA_DIR FILE…');
  const host = new WorkerHost({ dataDir, databaseFile: join(dataDir, databaseFileName), onLog: () => {} });
  try {
    await host.ready();
    if (host.failure) throw new Error(host.failure.message);
    const started = performance.now();
    const phases: Record<string, number> = {};
    let phase = '';
    let phaseStarted = started;
    const result = await host.api.call(
      'import.run',
      { files: files.map((path) => ({ path })) },
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
    if (!result.ok) throw new Error(`import.run: ${result.error.message}`);
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(JSON.stringify({ seconds, phases, totals: result.value.totals, maxRssMb }) + '\n');
  } finally {
    await host.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`importChild: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
