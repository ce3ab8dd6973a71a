// `npm start [-- --data-dir DIR]`: runs the built app in Electron when its binary is available on this
// machine, otherwise in browser mode (the same worker behind http://127.0.0.1 with a per-run token).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
const args = process.argv.slice(2);
if (args[0] === '--') args.shift();

/** The Electron executable, or a one-line reason it cannot be used. */
function findElectron() {
  const binary = () => {
    const pathFile = join(electronDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const file = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(file) ? file : null;
  };
  if (!existsSync(join(electronDir, 'package.json'))) return { reason: 'the electron package is not installed' };
  let file = binary();
  if (!file) {
    // The npm install may have skipped or failed the download; one more try, bounded so start stays quick.
    const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
      cwd: electronDir,
      stdio: 'ignore',
      timeout: 15_000,
    });
    file = binary();
    if (!file)
      return {
        reason: `Electron's binary is not available on this machine (download ${install.error ? 'timed out' : 'failed'})`,
      };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'there is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  }
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  return { file, version };
}

/**
 * better-sqlite3 built for Electron's ABI, kept apart from node_modules so the CLI, the tests and browser
 * mode keep the build for Node. Built once per Electron version; null (after one line) when it cannot be.
 */
function electronSqliteBinding(version) {
  const target = join(root, '.native', 'electron', version, 'better_sqlite3.node');
  if (existsSync(target)) return target;
  process.stderr.write(`Building better-sqlite3 for Electron ${version} (first start only)…\n`);
  const work = mkdtempSync(join(tmpdir(), 'branchloop-sqlite-'));
  try {
    const source = join(root, 'node_modules', 'better-sqlite3');
    const pkg = join(work, 'better-sqlite3');
    // Without the Node build in build/, whose presence would let a failed compile look like success.
    cpSync(source, pkg, { recursive: true, filter: (src) => relative(source, src).split(sep)[0] !== 'build' });
    // npm passes its config to scripts as npm_config_*; a nodedir or target from an npmrc would
    // silently build against Node's headers instead of Electron's.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch)$/i.test(key),
      ),
    );
    const run = (script, scriptArgs, timeout) =>
      spawnSync(process.execPath, [join(root, 'node_modules', script), ...scriptArgs], {
        cwd: pkg,
        env,
        stdio: 'ignore',
        timeout,
      }).status === 0;
    // A prebuilt binary when one is published for this Electron, else a compile against its headers.
    const built =
      run('prebuild-install/bin.js', ['--runtime=electron', `--target=${version}`, `--arch=${process.arch}`], 60_000) ||
      run(
        'node-gyp/bin/node-gyp.js',
        ['rebuild', '--release', `--target=${version}`, '--dist-url=https://electronjs.org/headers'],
        600_000,
      );
    const output = join(pkg, 'build', 'Release', 'better_sqlite3.node');
    if (!built || !existsSync(output)) return null;
    mkdirSync(dirname(target), { recursive: true });
    // Copied under a temporary name and renamed, so an interrupted start never leaves half a binary.
    copyFileSync(output, `${target}.tmp`);
    renameSync(`${target}.tmp`, target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (error) => {
    process.stderr.write(`branchloop start: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function browserMode(reason) {
  process.stderr.write(`${reason}; starting BranchLoop in browser mode.\n`);
  run(process.execPath, [join(root, 'dist', 'electron', 'server', 'serve.js'), '--open', ...args]);
}

if (!existsSync(join(root, 'dist', 'electron', 'main', 'main.js'))) {
  process.stderr.write('BranchLoop is not built yet: run `npm run build` first (or use `npm start`).\n');
  process.exit(1);
}

const electron = findElectron();
if (!electron.file) {
  browserMode(electron.reason[0].toUpperCase() + electron.reason.slice(1));
} else {
  const binding = electronSqliteBinding(electron.version);
  if (!binding) {
    browserMode(`Could not build better-sqlite3 for Electron ${electron.version} (no network or no compiler?)`);
  } else {
    const env = { ...process.env, BRANCHLOOP_SQLITE_BINDING: binding };
    // Set in some shells and CI images, it would make the Electron binary behave as plain Node.
    delete env.ELECTRON_RUN_AS_NODE;
    run(electron.file, ['.', ...args], env);
  }
}
