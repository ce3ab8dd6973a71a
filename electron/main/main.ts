// Lifecycle of the desktop app: one instance per data directory, the data worker started at once,
// the window once Electron is ready, and the worker stopped before the process exits.
import { app, BrowserWindow, dialog, session } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveDataLocation } from '../platform/dataDir.js';
import { startDataWorker } from '../platform/startup.js';
import type { WorkerHost } from '../worker/host.js';
import { routeIpc } from './ipc.js';
import { installMenu } from './menu.js';
import { registerAppScheme, serveAppProtocol } from './protocol.js';
import { hardenApp, hardenSession } from './security.js';
import { strings } from './strings.js';
import { createMainWindow } from './window.js';

const rendererDir = fileURLToPath(new URL('../../renderer/', import.meta.url));

/** `--data-dir DIR` from the command line; Chromium's own switches and positionals are ignored. */
function dataDirArgument(argv: string[]): string | undefined {
  const { values } = parseArgs({
    args: argv.slice(1),
    options: { 'data-dir': { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const dir = values['data-dir'];
  return typeof dir === 'string' && dir !== '' ? dir : undefined;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function main(): void {
  // Both must happen before the app is ready.
  registerAppScheme();
  hardenApp();

  // resolveDataLocation falls back to BRANCHLOOP_DATA_DIR, then the per-user default.
  const location = resolveDataLocation(dataDirArgument(process.argv));
  // Chromium's profile lives beside the database, so the single-instance lock (which is keyed by
  // it) guards exactly the thing that must have one owner: two windows on one file would contend
  // for its writes, while two data directories can run side by side.
  app.setPath('userData', join(location.dataDir, 'chromium'));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let mainWindow: BrowserWindow | null = null;
  let host: WorkerHost | null = null;
  const nativeBinding = process.env.BRANCHLOOP_SQLITE_BINDING;

  // Started before Electron is ready: opening and migrating the database overlaps Chromium's start.
  const hostReady = startDataWorker({
    ...location,
    seedDemo: true,
    ...(nativeBinding ? { nativeBinding } : {}),
    onLog: (entry) => {
      const log = entry.level === 'error' ? console.error : entry.level === 'warn' ? console.warn : console.log;
      log(`[worker] ${entry.message}`);
    },
  }).then(({ host: started }) => {
    host = started;
    return started;
  });
  hostReady.catch(async (error: unknown) => {
    await app.whenReady();
    dialog.showErrorBox(strings().startFailed, `${message(error)}\n\n${location.databaseFile}`);
    app.exit(1);
  });

  const openWindow = () => {
    const window = createMainWindow();
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };

  // A second launch on the same data directory brings this window forward instead.
  app.on('second-instance', () => {
    if (!mainWindow) {
      if (app.isReady()) openWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  app.on('will-quit', (event) => {
    const running = host;
    if (!running) return;
    // Stop the worker thread (answering its pending calls) before exiting, rather than leaving it to
    // process teardown, then quit again.
    host = null;
    event.preventDefault();
    running
      .close()
      .catch((error: unknown) => console.error(`BranchLoop: stopping the data worker failed: ${message(error)}`))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession);
      serveAppProtocol(rendererDir);
      routeIpc(hostReady);
      installMenu(location.dataDir);
      openWindow();
    })
    .catch((error: unknown) => {
      console.error(`BranchLoop: start-up failed: ${message(error)}`);
      app.exit(1);
    });
}

main();
