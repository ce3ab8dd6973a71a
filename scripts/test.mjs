// `npm test`: type checks, lint and formatting, the build, unit and integration tests (Vitest,
// real SQLite files and the real worker), then end-to-end tests in a real Chromium (Playwright).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromiumCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const chromium = process.env.CHROMIUM_PATH ?? chromiumCandidates.find((path) => existsSync(path));
if (!chromium || !existsSync(chromium)) {
  process.stderr.write(
    [
      'npm test needs Chromium for the end-to-end tests, and none was found',
      `(looked at ${process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH}` : chromiumCandidates.join(', ')}).`,
      "Install Debian's package:   sudo apt-get install -y chromium",
      'or point CHROMIUM_PATH at a Chromium or Chrome executable:   CHROMIUM_PATH=/path/to/chrome npm test',
      '("npx playwright install" downloads its own browser and does not work offline.)',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const steps = [
  ['type check', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['formatting', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['unit and integration tests', 'npx', ['vitest', 'run']],
  ['end-to-end tests', 'npx', ['playwright', 'test']],
];

for (const [name, command, args] of steps) {
  process.stderr.write(`\n▶ ${name}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
  if (result.status !== 0) {
    process.stderr.write(`\n✖ ${name} failed (exit code ${result.status ?? result.signal}).\n`);
    process.exit(result.status ?? 1);
  }
  process.stderr.write(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
process.stderr.write('\nAll checks passed.\n');
