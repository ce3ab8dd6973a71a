// The import screen in browser mode: upload core-banking exports, watch the progress, read the report.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { saveScreen } from './screens.js';

const files = [
  'branches',
  'staff',
  'products',
  'customers',
  'blacklist',
  'complaints',
  'holdings',
  'activity',
  'loans',
  'repayments',
];

test('imports a dirty export through the import screen and reports every rejected row', async ({ page, server }) => {
  const exportDir = mkdtempSync(join(tmpdir(), 'branchloop-e2e-export-'));
  try {
    execFileSync(process.execPath, [
      'dist/electron/cli/main.js',
      'demo',
      '--out',
      exportDir,
      '--customers',
      '2500',
      '--seed',
      '11',
      '--as-of',
      '2026-10-01',
      '--dirty',
    ]);
    const expected = readFileSync(join(exportDir, 'expected_rejections.csv'), 'utf8').trim().split(/\r?\n/).length - 1;

    await page.goto(server.url);
    await page.getByRole('link', { name: '导入核心数据' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('导入核心系统数据');
    await page.getByTestId('import-file-input').setInputFiles(files.map((name) => join(exportDir, `${name}.csv`)));
    await expect(page.getByTestId('import-file')).toHaveCount(files.length);
    await expect(page.getByTestId('import-kind').first()).not.toHaveValue('');
    await saveScreen(page, 'import-files');

    await page.getByTestId('import-run').click();
    await expect(page.getByTestId('import-progress')).toBeVisible();
    await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('import-report-row')).toHaveCount(files.length);
    await expect(page.getByText(`被拒绝的行：${expected.toLocaleString('en')}`)).toBeVisible();
    await expect(page.getByTestId('import-rejections').locator('tbody tr')).toHaveCount(expected);
    await saveScreen(page, 'import-report');

    const download = page.waitForEvent('download');
    await page.getByTestId('import-save-report').click();
    const report = readFileSync(await (await download).path(), 'utf8');
    expect(report.trim().split(/\r?\n/)).toHaveLength(expected + 1);
  } finally {
    rmSync(exportDir, { recursive: true, force: true });
  }
});
