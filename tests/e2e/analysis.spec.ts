// Step 2 in Chromium: on the demo branch a manager runs an analysis from the analysis page, watches its progress,
// reads the overview, then opens a customer and reads why their contribution score is what it is. A vetoed customer
// with no loans stays visible with the reasons, and "no credit history" is not shown as a score. The segments &
// rules tab refuses a bad value at its field, and a saved number of segments is what the next run finds.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AnalysisSummary } from '../../electron/api/analysisTypes.js';
import { expect, test } from './fixtures.js';
import { AnalysisPage } from './pages/AnalysisPage.js';
import { CustomerCard } from './pages/CustomerCard.js';
import { CustomersPage } from './pages/CustomersPage.js';
import { RunSettingsTab } from './pages/RunSettingsTab.js';
import { saveScreen } from './screens.js';

function withDatabase<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'branchloop.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

function latestSummary(db: Database.Database): AnalysisSummary {
  const raw = db.prepare('SELECT summary FROM analysis_runs ORDER BY run_id DESC LIMIT 1').pluck().get() as string;
  return JSON.parse(raw) as AnalysisSummary;
}

const count = (n: number) => n.toLocaleString('en');

async function openCard(customers: CustomersPage, customerId: string): Promise<CustomerCard> {
  await customers.page.getByRole('link', { name: '客户名单' }).click();
  await customers.search.fill(customerId);
  await expect(customers.rows).toHaveCount(1);
  await customers.rows.first().click();
  const card = new CustomerCard(customers.page);
  await expect(card.card.locator('.detail-header .mono')).toHaveText(customerId);
  return card;
}

test('runs an analysis with progress, reads the overview, and explains a contribution score', async ({
  page,
  server,
}) => {
  const customers = new CustomersPage(page);
  await customers.open(server.url);
  const anyone = withDatabase(
    server.dataDir,
    (db) => db.prepare('SELECT customer_id FROM customers ORDER BY customer_id LIMIT 1').pluck().get() as string,
  );
  const before = await openCard(customers, anyone);
  await expect(before.scores.getByTestId('score-none')).toContainText('尚未运行数据分析');

  const analysis = new AnalysisPage(page);
  await analysis.open();
  await expect(analysis.empty).toBeVisible();
  await saveScreen(page, 'analysis-empty');

  const watched = await analysis.runAnalysis();
  expect(watched.sawProgress).toBe(true);
  await expect(analysis.runs).toHaveCount(1);
  await expect(analysis.selectedRun).toContainText('第 1 次分析');

  const summary = withDatabase(server.dataDir, latestSummary);
  expect(summary.customers).toBe(2000);
  for (const tier of ['vip', 'key', 'potential', 'mass'] as const) {
    await expect(analysis.tier(tier)).toContainText(summary.tierLabels[tier].zh);
    await expect(analysis.tier(tier).locator('.kpi-value')).toHaveText(count(summary.tiers[tier]));
  }
  await expect(page.getByTestId('vetoed-total').locator('.kpi-value')).toHaveText(count(summary.vetoed));
  await expect(analysis.counts('veto-counts')).toHaveCount(summary.vetoes.length);
  for (const veto of summary.vetoes) {
    await expect(page.locator(`[data-testid=veto-counts] [data-key=${veto.code}]`)).toHaveAttribute(
      'data-count',
      String(veto.count),
    );
  }
  await expect(analysis.counts('persona-counts')).toHaveCount(summary.personas.length);
  await expect(analysis.counts('channel-counts')).toHaveCount(7);
  for (const score of ['contribution', 'activity', 'channel', 'credit', 'loyalty']) {
    await expect(analysis.histogram(score).locator('canvas')).toHaveCount(1);
  }
  expect(summary.scores.credit.missing).toBeGreaterThan(0);
  await expect(page.getByTestId('histogram-missing-credit')).toContainText(
    `另有 ${count(summary.scores.credit.missing)} 位无信贷记录`,
  );
  await saveScreen(page, 'analysis-overview');
  await page.getByTestId('locale-switch').click();
  await expect(analysis.selectedRun).toContainText('Run 1');
  await saveScreen(page, 'analysis-overview-en');
  await page.getByTestId('locale-switch').click();
  await expect(analysis.selectedRun).toContainText('第 1 次分析');

  // The segment map and its profiles: as many segments as the run stored, sizes adding up to the branch.
  const segments = withDatabase(
    server.dataDir,
    (db) => db.prepare('SELECT size FROM analysis_segments WHERE run_id = 1').pluck().all() as number[],
  );
  expect(segments.length).toBeGreaterThan(1);
  expect(segments.reduce((a, b) => a + b, 0)).toBe(2000);
  await page.getByTestId('analysis-tab-segments').click();
  await expect(page.getByTestId('segment-map').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('segment-row')).toHaveCount(segments.length);
  await saveScreen(page, 'analysis-segments');

  // The rules table: rules leading to a product, as stored, with support, confidence and lift.
  const productRules = withDatabase(
    server.dataDir,
    (db) =>
      db
        .prepare('SELECT count(*) FROM analysis_rules WHERE run_id = 1 AND product_consequent = 1')
        .pluck()
        .get() as number,
  );
  expect(productRules).toBeGreaterThan(0);
  await page.getByTestId('analysis-tab-associations').click();
  await expect(page.getByTestId('association-heatmap')).toBeVisible();
  await expect(page.getByTestId('rules-table').locator('tbody tr').first()).toBeVisible();
  await saveScreen(page, 'analysis-associations');
  await page.getByTestId('analysis-tab-overview').click();

  // A customer in the upper middle of the branch, with loans, deposits and a credit score.
  const chosen = withDatabase(
    server.dataDir,
    (db) =>
      db
        .prepare(
          `SELECT s.customer_id AS customerId, s.contribution, s.composite FROM customer_scores s
           WHERE s.run_id = 1 AND s.credit IS NOT NULL AND s.vetoes = 0 AND s.contribution BETWEEN 60 AND 90
           ORDER BY s.customer_id LIMIT 1`,
        )
        .get() as { customerId: string; contribution: number; composite: number },
  );
  const card = await openCard(customers, chosen.customerId);
  await expect(card.scores.getByTestId('score-run')).toContainText('第 1 次分析');
  await expect(card.scores.getByTestId('score-composite')).toHaveText(chosen.composite.toFixed(1));
  await expect(card.scores.getByTestId('score-radar').locator('canvas')).toHaveCount(1);
  await expect(card.scores.getByTestId('score-vetoes')).toHaveCount(0);
  await expect(card.scores.getByTestId('score-radar-note')).toHaveCount(0);

  const contribution = await card.openScore('contribution');
  await expect(contribution.getByTestId('score-value')).toHaveText(chosen.contribution.toFixed(1));
  await expect(contribution.getByTestId('score-sentence')).toContainText('估算该客户每年为本行带来利润');
  await expect(contribution.getByTestId('score-sentence')).toContainText(
    `高于本支行约 ${chosen.contribution.toFixed(0)}% 的客户`,
  );
  const factors = contribution.getByTestId('factor-row');
  expect(await factors.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-factor')))).toEqual([
    'deposits',
    'loans',
    'fees',
    'wealth',
  ]);
  await expect(factors.first()).toContainText('存款余额×存款利差');
  await expect(factors.first()).toContainText('× 1.5%');
  const points = (await contribution.getByTestId('factor-points').allInnerTexts()).map(Number);
  const total = points.reduce((sum, p) => sum + p, 0);
  expect(Math.abs(total - chosen.contribution)).toBeLessThan(0.25);
  await expect(contribution.getByTestId('factor-total')).toHaveText(chosen.contribution.toFixed(1));

  await card.scores.scrollIntoViewIfNeeded();
  await saveScreen(page, 'customer-card-scores');
  await page.getByTestId('locale-switch').click();
  await expect(contribution.getByTestId('score-sentence')).toContainText('Estimated yearly profit to the bank');
  await saveScreen(page, 'customer-card-scores-en');
});

test('a vetoed customer with no loans stays visible with the reasons and "no credit history"', async ({
  page,
  server,
}) => {
  const customers = new CustomersPage(page);
  await customers.open(server.url);
  const analysis = new AnalysisPage(page);
  await analysis.open();
  await analysis.runAnalysis();

  const vetoed = withDatabase(server.dataDir, (db) => {
    const row = db
      .prepare(
        `SELECT customer_id AS customerId, vetoes FROM customer_scores
         WHERE run_id = 1 AND credit IS NULL AND vetoes <> 0
         ORDER BY vetoes DESC, customer_id LIMIT 1`,
      )
      .get() as { customerId: string; vetoes: number };
    return { ...row, reasons: latestSummary(db).vetoes.filter((_, bit) => (row.vetoes & (1 << bit)) !== 0) };
  });
  const card = await openCard(customers, vetoed.customerId);
  const vetoes = card.scores.getByTestId('score-vetoes');
  await expect(vetoes).toContainText('一票否决：不参与营销');
  expect(await vetoes.getByTestId('veto-reason').allInnerTexts()).toEqual(vetoed.reasons.map((r) => r.label.zh));
  await expect(card.scores.getByTestId('score-credit-state')).toHaveText('无信贷记录');
  await expect(card.scores.getByTestId('score-radar-note')).toHaveText('无信贷记录：雷达图不含信用等级。');
  const credit = await card.openScore('credit');
  await expect(credit.getByTestId('score-value')).toHaveText('无信贷记录');
  await expect(credit.getByTestId('score-sentence')).toContainText('不等于信用差');
  await expect(credit.getByTestId('factor-row')).toHaveCount(0);
  await card.scores.scrollIntoViewIfNeeded();
  await saveScreen(page, 'customer-card-vetoed');
});

test('segments & rules settings: a bad value is named at its field, a saved k is what the next run uses', async ({
  page,
  server,
}) => {
  const savedSetting = (key: string) =>
    withDatabase(server.dataDir, (db) => {
      const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
      return raw === undefined ? null : (JSON.parse(raw) as unknown);
    });
  const segmentsOf = (runId: number) =>
    withDatabase(
      server.dataDir,
      (db) => db.prepare('SELECT count(*) FROM analysis_segments WHERE run_id = ?').pluck().get(runId) as number,
    );
  const customers = new CustomersPage(page);
  await customers.open(server.url);
  const analysis = new AnalysisPage(page);
  await analysis.open();
  await analysis.runAnalysis();

  // The defaults, as the services fill them in, and what the first run used.
  const settings = new RunSettingsTab(page);
  await settings.open();
  await expect(settings.field('k')).toHaveValue('5');
  await expect(settings.kFixed).toBeChecked();
  await expect(settings.field('seed')).toHaveValue('1');
  await expect(settings.field('minSupport')).toHaveValue('2');
  await expect(settings.field('minConfidence')).toHaveValue('40');
  await expect(settings.field('maxLength')).toHaveValue('3');
  await expect(settings.feature('deposits')).toBeChecked();
  await expect(settings.feature('tenure')).not.toBeChecked();
  await expect(settings.latest).toContainText(`最近一次分析（第 1 次）：${segmentsOf(1)} 个客群 · 随机种子 1`);
  await expect(page.getByTestId('run-settings-next-run')).toContainText('从下一次分析运行起生效');
  // Every input is reached by its label.
  await expect(page.getByLabel('客群数（2–20）')).toHaveValue('5');
  await expect(page.getByLabel('最小支持度（%）')).toHaveValue('2');
  await expect(page.getByLabel('按轮廓系数建议（在 3–8 个之间选择）')).not.toBeChecked();
  await expect(page.getByLabel('年龄')).toBeChecked();

  // Bad values: each named at its field in the reader's language, nothing saved.
  await settings.field('k').fill('1');
  await settings.field('minSupport').fill('0');
  await settings.save.click();
  await expect(settings.error('k')).toHaveText('不能小于 2');
  await expect(settings.error('minSupport')).toHaveText('必须大于 0%');
  await expect(settings.field('k')).toHaveAttribute('aria-invalid', 'true');
  await expect(settings.refused).toContainText('未保存：2 项设置需要修改');
  await expect(settings.error('seed')).toHaveCount(0);
  await settings.form.scrollIntoViewIfNeeded();
  await saveScreen(page, 'analysis-run-settings-errors');
  expect(savedSetting('analysis.segmentation')).toBeNull();
  expect(savedSetting('analysis.mining')).toBeNull();

  // A corrected field clears its error as it is typed; k = 4 is saved from the keyboard (Enter submits the form).
  await settings.field('minSupport').fill('2');
  await expect(settings.error('minSupport')).toHaveCount(0);
  await expect(settings.error('k')).toHaveText('不能小于 2');
  await settings.field('k').fill('4');
  await expect(settings.error('k')).toHaveCount(0);
  await settings.field('k').press('Enter');
  await expect(settings.saved).toContainText('已保存');
  await expect(settings.save).toBeDisabled();
  expect(savedSetting('analysis.segmentation')).toMatchObject({ k: 4, seed: 1 });
  // The mining settings were not edited, so they were not written.
  expect(savedSetting('analysis.mining')).toBeNull();

  // The next run, started from the page, draws 4 segments.
  await page.getByTestId('analysis-tab-overview').click();
  await analysis.runAnalysis();
  await expect(analysis.selectedRun).toContainText('第 2 次分析');
  expect(segmentsOf(2)).toBe(4);
  await page.getByTestId('analysis-tab-segments').click();
  await expect(page.getByTestId('segment-row')).toHaveCount(4);

  // Reopened, the tab shows the saved k and what the new run used.
  await settings.open();
  await expect(settings.field('k')).toHaveValue('4');
  await expect(settings.latest).toContainText('最近一次分析（第 2 次）：4 个客群 · 随机种子 1');
  await expect(settings.latestMining).toHaveText('最近一次分析（第 2 次）：支持度 2% · 置信度 40% · 规则最多 3 项');
  await settings.form.scrollIntoViewIfNeeded();
  await saveScreen(page, 'analysis-run-settings');
  await page.getByTestId('locale-switch').click();
  await expect(page.getByTestId('analysis-tab-run-settings')).toHaveText('Segments & rules');
  await expect(settings.latest).toContainText('Used by the latest run (run 2): 4 segments · seed 1');
  await expect(page.getByLabel('Minimum support (%)')).toHaveValue('2');
  await settings.form.scrollIntoViewIfNeeded();
  await saveScreen(page, 'analysis-run-settings-en');
  await settings.field('maxLength').fill('7');
  await settings.save.click();
  await expect(settings.error('maxLength')).toHaveText('must be at most 6');
  // Both settings at once: the silhouette's suggestion, and rules of up to 4 items.
  await settings.field('maxLength').fill('4');
  await settings.kAuto.check();
  await settings.save.click();
  await expect(settings.saved).toContainText('The next analysis run uses these settings');
  expect(savedSetting('analysis.segmentation')).toMatchObject({ k: 'auto', seed: 1 });
  expect(savedSetting('analysis.mining')).toEqual({ minSupport: 0.02, minConfidence: 0.4, maxLength: 4 });

  // The run after mines with rules of up to 4 items, and the tab says so.
  await page.getByTestId('analysis-tab-overview').click();
  await analysis.runAnalysis();
  await expect(analysis.selectedRun).toContainText('Run 3');
  await settings.open();
  await expect(settings.latestMining).toHaveText(
    'Used by the latest run (run 3): support 2% · confidence 40% · rules of up to 4 items',
  );
});
