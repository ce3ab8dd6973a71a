// The main window: a sandboxed guest that sees only the preload bridge and app:// content.
import { app, BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import { appEntryUrl } from './appUrl.js';

const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    title: 'BranchLoop',
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#f5f7f9',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(appEntryUrl).catch((error: unknown) => {
    // Without the renderer build the page cannot paint; show the window anyway rather than none.
    console.error(
      `BranchLoop: could not load ${appEntryUrl}: ${error instanceof Error ? error.message : String(error)}`,
    );
    if (!window.isDestroyed()) window.show();
  });
  return window;
}
