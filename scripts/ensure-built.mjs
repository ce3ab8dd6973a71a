// Builds before `serve`, `cli` and `bench` when a source file is newer than the last build.
import { execSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function builtAt(file) {
  return statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
}

const nodeSources = Math.max(newest('electron'), newest('db'), newest('tests/bench'));
const rendererSources = Math.max(newest('renderer'), newest('electron/api'));
if (nodeSources > builtAt('dist/.node-build')) execSync('npm run --silent build:node', { stdio: ['ignore', 2, 2] });
if (rendererSources > builtAt('dist/renderer/index.html'))
  execSync('npm run --silent build:renderer', { stdio: ['ignore', 2, 2] });
