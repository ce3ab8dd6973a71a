// `npm run serve -- [--data-dir DIR] [--port P] [--open]`: browser mode from the command line.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppError } from '../api/errors.js';
import { resolveDataLocation } from '../platform/dataDir.js';
import { startDataWorker } from '../platform/startup.js';
import { startBrowserServer } from './server.js';

const rendererDir = fileURLToPath(new URL('../../renderer/', import.meta.url));

function openBrowser(url: string): void {
  const command = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '""', url] : [url];
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      open: { type: 'boolean', default: false },
      'no-demo': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('invalid_input', `--port: "${values.port}" is not a port number (0–65535).`);
  }
  const location = resolveDataLocation(values['data-dir']);
  let lastPhase = '';
  const { host, info } = await startDataWorker({
    ...location,
    seedDemo: !values['no-demo'],
    onLog: (entry) => process.stderr.write(`[worker] ${entry.message}\n`),
    onProgress: (progress) => {
      if (progress.phase !== lastPhase) process.stderr.write(`Preparing the demo branch (${progress.phase})…\n`);
      lastPhase = progress.phase;
    },
  });
  const server = await startBrowserServer({ host, rendererDir, port, incomingDir: join(location.dataDir, 'incoming') });
  process.stderr.write(
    `BranchLoop browser mode: ${info.customerCount.toLocaleString('en')} customers in ${location.databaseFile}\n` +
      "Open this address (it carries this run's access token):\n",
  );
  process.stdout.write(server.url + '\n');
  if (values.open) openBrowser(server.url);
  const stop = () => {
    void server
      .close()
      .then(() => host.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`branchloop serve: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
