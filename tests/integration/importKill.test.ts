// `branchloop import` killed with SIGKILL at random moments: the database it leaves is always either
// exactly as before the import or exactly as after a complete one — never in between — and sound.
import { once } from 'node:events';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';
import { demoExportFixture, importedTemplate } from '../helpers/importFixtures.js';
import { databaseContent, writeTimes } from '../helpers/sqlite.js';

// An earlier snapshot of the branch is in the database; the import is a later one of the same branch:
// more customers, six months on, so it adds, updates and records customer changes.
const earlier = demoExportFixture({ customers: 2500, seed: 9, months: 12, asOf: '2025-12-31', dirty: false });
const later = demoExportFixture({ customers: 3000, seed: 9, months: 12, asOf: '2026-06-30', dirty: false });
const template = importedTemplate(() => earlier.value.paths);

const iterations = 8;

/** Everything but the times rows were written at, which differ between two runs of one import. */
const sameImport = { ignoreColumns: writeTimes };

/** A small seeded generator (mulberry32), so that a failure can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Opens the database as the app would after a crash (recovering the WAL) and checks it. */
function integrity(file: string): string {
  const db = new Database(file, { fileMustExist: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

function importArgs(dataDir: string): string[] {
  return ['import', ...later.value.paths, '--data-dir', dataDir, '--json'];
}

describe('branchloop import killed part way', () => {
  // About 20 s on an idle machine; the margin is for a busy one.
  test('leaves the database before or after the import, never in between', { timeout: 120_000 }, async () => {
    const untouched = template.copy();
    const before = databaseContent(untouched.databaseFile, sameImport);

    // One complete import on a copy: how long it takes, and what it leaves.
    const complete = template.copy();
    const started = performance.now();
    const run = await runCli(importArgs(complete.dataDir));
    const duration = performance.now() - started;
    expect(run.code, run.stderr).toBe(0);
    const totals = (JSON.parse(run.stdout) as { totals: { added: number; updated: number } }).totals;
    expect(totals.added).toBeGreaterThan(0);
    expect(totals.updated).toBeGreaterThan(0);
    expect(integrity(complete.databaseFile)).toBe('ok');
    const after = databaseContent(complete.databaseFile, sameImport);
    expect(after).not.toEqual(before);

    const random = seededRandom(20261123);
    const outcomes: string[] = [];
    for (let i = 0; i < iterations; i++) {
      const { dataDir, databaseFile } = template.copy();
      const killAt = random() * duration;
      const child = spawnCli(importArgs(dataDir));
      child.stdout.resume();
      child.stderr.resume();
      const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
      const timer = setTimeout(() => child.kill('SIGKILL'), killAt);
      const [code, signal] = await exited;
      clearTimeout(timer);
      const where = `iteration ${i}, SIGKILL after ${killAt.toFixed(0)} ms of ${duration.toFixed(0)} ms`;
      expect(integrity(databaseFile), where).toBe('ok');
      const content = databaseContent(databaseFile, sameImport);
      const outcome = JSON.stringify(content) === JSON.stringify(before) ? 'before' : 'after';
      if (signal === null) {
        // It finished before the kill: a complete import.
        expect(code, where).toBe(0);
        expect(content, where).toEqual(after);
      } else if (outcome === 'after') {
        // Killed after its commit, on the way out.
        expect(content, where).toEqual(after);
      }
      outcomes.push(`${outcome}${signal ? ' (killed)' : ' (finished)'}`);
    }
    // Kill times spread over the import's duration: some fall inside it, before its single commit.
    expect(outcomes, outcomes.join(', ')).toContain('before (killed)');
  });
});
