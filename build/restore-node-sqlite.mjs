// electron-builder hook (afterAllArtifactBuild): packaging rebuilt better-sqlite3 in node_modules for
// Electron's ABI; rebuild it for the Node that runs the CLI, the tests and browser mode.
import { execFileSync } from 'node:child_process';

export default function afterAllArtifactBuild() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  process.stderr.write('Restoring the better-sqlite3 build for Node (npm rebuild better-sqlite3)…\n');
  execFileSync(npm, ['rebuild', 'better-sqlite3'], { stdio: 'inherit', shell: process.platform === 'win32' });
  return [];
}
