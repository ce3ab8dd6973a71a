// Runs the compiled `branchloop` CLI as a child process and collects what it printed.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { assertWorkerBuilt } from './workerHost.js';

const cliMain = fileURLToPath(new URL('../../dist/electron/cli/main.js', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the CLI as a child process (stdout and stderr piped), for tests that stop it themselves. */
export function spawnCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): ChildProcessByStdio<null, Readable, Readable> {
  assertWorkerBuilt();
  // The user's own BRANCHLOOP_DATA_DIR must never leak into a test.
  const inherited = { ...process.env };
  delete inherited.BRANCHLOOP_DATA_DIR;
  return spawn(process.execPath, [cliMain, ...args], {
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
