// Where the branch database lives: --data-dir, else BRANCHLOOP_DATA_DIR, else the user's data directory.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const dataDirEnv = 'BRANCHLOOP_DATA_DIR';
export const databaseFileName = 'branchloop.sqlite';

/** The per-user application data directory, as each desktop platform names it. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  switch (platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'BranchLoop');
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'BranchLoop');
    default:
      return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'branchloop');
  }
}

export interface DataLocation {
  dataDir: string;
  databaseFile: string;
}

export function resolveDataLocation(explicitDir?: string, env = process.env): DataLocation {
  // An empty value counts as unset, never as "the current directory".
  const fromEnv = env[dataDirEnv]?.trim() || undefined;
  const dataDir = resolve(explicitDir || fromEnv || defaultDataDir(process.platform, env));
  return { dataDir, databaseFile: join(dataDir, databaseFileName) };
}
