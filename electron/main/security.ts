// App-wide hardening: every web contents stays on app://, opens no windows and embeds no webviews;
// the session grants no permissions and reaches no network. No data leaves the device this way.
import { app, type Session, type WebContents } from 'electron';
import { isAppUrl } from './appUrl.js';

function mayNavigateTo(url: string): boolean {
  // DevTools (development builds only) navigates its own frames.
  return isAppUrl(url) || (!app.isPackaged && url.startsWith('devtools://'));
}

function hardenContents(contents: WebContents): void {
  // will-frame-navigate covers the main frame and subframes alike.
  contents.on('will-frame-navigate', (event) => {
    if (!mayNavigateTo(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!mayNavigateTo(event.url)) event.preventDefault();
  });
  // Links are not opened in the system browser either: a URL can carry customer data off the device.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Call before any window exists, so that no web contents is created unhardened. */
export function hardenApp(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}

/** Call once the app is ready (sessions do not exist before). */
export function hardenSession(session: Session): void {
  // Copying a customer number to the clipboard is the one browser capability the UI needs.
  const allowed = (permission: string, url: string) => permission === 'clipboard-sanitized-write' && isAppUrl(url);
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowed(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  session.setSpellCheckerEnabled(false);
  // The CSP already forbids remote content; this also stops anything the CSP does not cover.
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );
}
