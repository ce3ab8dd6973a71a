// The sandboxed preload: puts the typed bridge on window.branchloop, nothing else. CommonJS and
// self-contained because sandboxed preloads can require only 'electron'; project files are types only.
// ESM import syntax is not allowed in a .cts under verbatimModuleSyntax; this is its typed CommonJS form.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import electron = require('electron');
import type { BranchLoopBridge, bridgeGlobal, ipcChannels } from '../api/bridge.js';
import type { Result } from '../api/errors.js';
import type { Progress } from '../api/types.js';

const { contextBridge, ipcRenderer } = electron;

// Typed by the shared constants, so a renamed channel fails to compile here rather than at run time.
const channels: typeof ipcChannels = {
  call: 'api:call',
  progress: 'api:progress',
  cancel: 'api:cancel',
  openFiles: 'dialog:openFiles',
};
const globalName: typeof bridgeGlobal = 'branchloop';

// One IPC listener for all calls, dispatching by call id; the IPC event itself never reaches the page.
const progressListeners = new Map<string, Set<(progress: Progress) => void>>();
ipcRenderer.on(channels.progress, (_event, callId: unknown, progress: unknown) => {
  if (typeof callId !== 'string') return;
  for (const listener of progressListeners.get(callId) ?? []) listener(progress as Progress);
});

const bridge = {
  invoke: (method, input, callId) =>
    ipcRenderer.invoke(channels.call, callId, method, input) as Promise<Result<unknown>>,
  onProgress: (callId, listener) => {
    const listeners = progressListeners.get(callId) ?? new Set();
    listeners.add(listener);
    progressListeners.set(callId, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && progressListeners.get(callId) === listeners) progressListeners.delete(callId);
    };
  },
  cancel: (callId) => ipcRenderer.send(channels.cancel, callId),
  openFiles: (options = {}) => ipcRenderer.invoke(channels.openFiles, options) as Promise<string[]>,
} satisfies BranchLoopBridge;

contextBridge.exposeInMainWorld(globalName, bridge);
