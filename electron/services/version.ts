// The app's version, read once from the package.json above this file (source or compiled tree).
import { existsSync, readFileSync } from 'node:fs';

function findPackageJson(): string {
  let dir = new URL('./', import.meta.url);
  for (let depth = 0; depth < 6; depth++) {
    const candidate = new URL('package.json', dir);
    if (existsSync(candidate)) {
      const parsed = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'branchloop' && parsed.version) return parsed.version;
    }
    dir = new URL('../', dir);
  }
  return '0.0.0';
}

export const appVersion = findPackageJson();
