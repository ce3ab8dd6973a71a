// What the preload puts on `window.branchloop` in the desktop app, and the Transport built on it.
// Pure TypeScript so the renderer can import it; the preload may only `import type` from here.
//
// The renderer picks its transport once at start-up:
//
//   const bridge = (window as { branchloop?: BranchLoopBridge }).branchloop;
//   const api = createClient(bridge ? bridgeTransport(bridge) : httpTransport(token));
//
// `invoke` never rejects for a failed call: errors come back as `{ ok: false, error }` exactly as
// over HTTP. Progress and cancellation are keyed by a call id the renderer chooses, so a listener can
// be attached before the call starts and no progress message is missed.
import type { Transport } from './client.js';
import type { Method } from './contract.js';
import { toApiError, type Result } from './errors.js';
import type { Progress } from './types.js';

/** The global the preload defines; absent in browser mode. */
export const bridgeGlobal = 'branchloop';

/** IPC channels between the preload and the main process. */
export const ipcChannels = {
  call: 'api:call',
  progress: 'api:progress',
  cancel: 'api:cancel',
  openFiles: 'dialog:openFiles',
} as const;

/** File formats the open dialog can filter on; main maps them to extensions. */
export const fileKinds = ['csv', 'sqlite', 'json'] as const;
export type FileKind = (typeof fileKinds)[number];

export interface OpenFilesOptions {
  title?: string;
  /** Formats offered in the dialog's filter list, first one preselected; "All files" is always added. */
  kinds?: FileKind[];
  multiple?: boolean;
}

export interface BranchLoopBridge {
  /** Runs one contract call. The call id must be unique among this window's running calls. */
  invoke(method: Method, input: unknown, callId: string): Promise<Result<unknown>>;
  /** Receives progress of the call with this id; returns the unsubscribe function. */
  onProgress(callId: string, listener: (progress: Progress) => void): () => void;
  /** Asks the worker to stop the call; it then resolves with a `cancelled` error. */
  cancel(callId: string): void;
  /** Shows the native open dialog; resolves with the chosen absolute paths, empty when cancelled. */
  openFiles(options?: OpenFilesOptions): Promise<string[]>;
}

/** A Transport over the preload bridge, for `createClient` in the renderer. */
export function bridgeTransport(bridge: BranchLoopBridge): Transport {
  // The random prefix keeps ids from a reloaded page distinct from calls still finishing for the old one.
  const prefix = Math.random().toString(36).slice(2, 10);
  let next = 0;
  return async (method, input, { onProgress, signal }) => {
    const callId = `${prefix}-${++next}`;
    const unsubscribe = onProgress ? bridge.onProgress(callId, onProgress) : undefined;
    const cancel = () => bridge.cancel(callId);
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      if (signal?.aborted) return { ok: false, error: { code: 'cancelled', message: `${method} was cancelled.` } };
      return await bridge.invoke(method, input, callId);
    } catch (error) {
      // Only an IPC failure lands here (the main process answers every call with a Result).
      return { ok: false, error: toApiError(error) };
    } finally {
      signal?.removeEventListener('abort', cancel);
      unsubscribe?.();
    }
  };
}
