// Routes the preload bridge to the data worker: checks every sender, forwards progress, cancels on
// request. No database work happens here; method names and inputs are validated by WorkerHost.call.
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { ipcChannels as channels } from '../api/bridge.js';
import { fail, toApiError, type Result } from '../api/errors.js';
import type { WorkerHost } from '../worker/host.js';
import { showOpenFiles } from './dialogs.js';
import { isAppUrl } from './appUrl.js';

const maxCallIdLength = 64;

/** Only the top frame of a page served from app://branchloop may use the API. */
function isTrustedSender(event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

function isCallId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maxCallIdLength;
}

export function routeIpc(hostReady: Promise<WorkerHost>): void {
  // Keyed by sender as well as call id: one window can neither see nor cancel another's calls.
  const running = new Map<string, AbortController>();
  const watched = new WeakSet<WebContents>();
  const keyOf = (sender: WebContents, callId: string) => `${sender.id}:${callId}`;

  const watch = (sender: WebContents) => {
    if (watched.has(sender)) return;
    watched.add(sender);
    const id = sender.id;
    // A closed window's long calls are abandoned rather than left running to no one.
    sender.once('destroyed', () => {
      for (const [key, controller] of running) if (key.startsWith(`${id}:`)) controller.abort();
    });
  };

  ipcMain.handle(
    channels.call,
    async (event, callId: unknown, method: unknown, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) return fail('forbidden', 'This page may not call the BranchLoop API.');
      if (!isCallId(callId))
        return fail('invalid_input', `The call id must be a string of 1–${maxCallIdLength} characters.`);
      if (typeof method !== 'string') return fail('unknown_method', 'The method name must be a string.');
      const sender = event.sender;
      const key = keyOf(sender, callId);
      if (running.has(key)) return fail('conflict', `Call id "${callId}" is already in use by a running call.`);
      // Registered before the first await, so a cancel sent right after the call is not lost.
      const controller = new AbortController();
      running.set(key, controller);
      watch(sender);
      try {
        const host = await hostReady;
        return await host.call(method, input, {
          signal: controller.signal,
          onProgress: (progress) => {
            if (!sender.isDestroyed()) sender.send(channels.progress, callId, progress);
          },
        });
      } catch (error) {
        return { ok: false, error: toApiError(error) };
      } finally {
        running.delete(key);
      }
    },
  );

  ipcMain.on(channels.cancel, (event, callId: unknown) => {
    if (!isTrustedSender(event) || !isCallId(callId)) return;
    running.get(keyOf(event.sender, callId))?.abort();
  });

  ipcMain.handle(channels.openFiles, (event, options: unknown): Promise<string[]> => {
    if (!isTrustedSender(event)) return Promise.reject(new Error('This page may not open dialogs.'));
    return showOpenFiles(event.sender, options);
  });
}
