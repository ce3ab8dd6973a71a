// The app:// origin the UI is served from, and the pure checks on its URLs: which pages are trusted
// and which file a path maps to. No Electron import, so the checks can be unit-tested under Node.
import nodePath, { type PlatformPath } from 'node:path';

export const appScheme = 'app';
export const appHost = 'branchloop';
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** True for URLs of the app's own pages (app://branchloop/…), the only origin trusted with the API. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${appScheme}:` &&
    parsed.hostname === appHost &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Maps the path of an app:// URL to a file under `root`, or null when it would leave `root`
 * (`..` segments, encoded separators, absolute or drive paths, NUL bytes). `path` is injectable so
 * the Windows rules can be tested on any platform.
 */
export function resolveAppFile(root: string, urlPath: string, path: PlatformPath = nodePath): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded.replace(/^[/\\]+/, '');
  const base = path.resolve(root);
  const full = path.resolve(base, relative === '' ? 'index.html' : relative);
  const inside = path.relative(base, full);
  if (inside === '' || inside === '..' || inside.startsWith('..' + path.sep) || path.isAbsolute(inside)) return null;
  return full;
}

export function contentTypeOf(file: string): string {
  return contentTypes[nodePath.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
