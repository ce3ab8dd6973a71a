// Runs one long contract call in a fresh data worker of this process and times it phase by phase, for the
// child processes whose peak memory is the call's alone (importChild, analysisChild).
import { join } from 'node:path';
import type { InputOf, Method, ResultOf } from '../../electron/api/contract.js';
import { databaseFileName } from '../../electron/platform/dataDir.js';
import { WorkerHost } from '../../electron/worker/host.js';

export interface PhasedResult<M extends Method> {
  seconds: number;
  /** Seconds from each phase's first progress report to the next phase's. */
  phases: Record<string, number>;
  value: ResultOf<M>;
  maxRssMb: number;
}

export async function phasedCall<M extends Method>(
  dataDir: string,
  method: M,
  input: InputOf<M>,
): Promise<PhasedResult<M>> {
  const host = new WorkerHost({ dataDir, databaseFile: join(dataDir, databaseFileName), onLog: () => {} });
  try {
    await host.ready();
    if (host.failure) throw new Error(host.failure.message);
    const started = performance.now();
    const phases: Record<string, number> = {};
    let phase = '';
    let phaseStarted = started;
    const close = (now: number) => {
      if (phase !== '') phases[phase] = (phases[phase] ?? 0) + (now - phaseStarted) / 1000;
    };
    const result = await host.api.call(method, input, {
      onProgress: (progress) => {
        if (progress.phase === phase) return;
        const now = performance.now();
        close(now);
        phase = progress.phase;
        phaseStarted = now;
      },
    });
    const now = performance.now();
    close(now);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return {
      seconds: (now - started) / 1000,
      phases,
      value: result.value,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await host.close();
  }
}

/** The entry of a child process: prints the call's JSON line, or its error on stderr with exit code 1. */
export function runChild(name: string, body: () => Promise<unknown>): void {
  body().then(
    (line) => process.stdout.write(JSON.stringify(line) + '\n'),
    (error: unknown) => {
      process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
