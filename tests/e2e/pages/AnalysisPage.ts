// Page object for step 2's analysis page: the run button and its progress, the history, the overview tab.
import { expect, type Locator, type Page } from '@playwright/test';

export class AnalysisPage {
  readonly runButton: Locator;
  readonly progress: Locator;
  readonly empty: Locator;
  readonly runs: Locator;
  readonly overview: Locator;
  readonly selectedRun: Locator;

  constructor(readonly page: Page) {
    this.runButton = page.getByTestId('analysis-run');
    this.progress = page.getByTestId('analysis-progress');
    this.empty = page.getByTestId('analysis-empty');
    this.runs = page.getByTestId('analysis-run-row');
    this.overview = page.getByTestId('analysis-overview');
    this.selectedRun = page.getByTestId('analysis-selected-run');
  }

  /** Opens the page from the navigation, as a manager would. */
  async open(): Promise<void> {
    await this.page
      .locator('.sidebar')
      .getByRole('link', { name: /^(数据分析|Data analysis)$/ })
      .click();
    await expect(this.page.getByTestId('analysis-page')).toBeVisible();
    await expect(this.runButton).toBeEnabled();
  }

  /**
   * Runs an analysis and waits for its overview. The demo branch scores in a fraction of a second, so the progress
   * bar is watched from inside the page (every phase it shows is recorded) rather than polled for.
   */
  async runAnalysis(): Promise<{ sawProgress: boolean; phases: string[] }> {
    await this.page.evaluate(() => {
      const seen = { sawProgress: false, phases: [] as string[] };
      (window as unknown as { analysisProgressSeen: typeof seen }).analysisProgressSeen = seen;
      const note = () => {
        const bar = document.querySelector('[data-testid=analysis-progress]');
        if (!bar) return;
        seen.sawProgress = true;
        const phase = bar.querySelector('[data-testid=analysis-phase]')?.textContent ?? '';
        if (phase && seen.phases[seen.phases.length - 1] !== phase) seen.phases.push(phase);
      };
      new MutationObserver(note).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await this.runButton.click();
    await expect(this.overview).toBeVisible({ timeout: 60_000 });
    await expect(this.progress).toHaveCount(0);
    return this.page.evaluate(
      () =>
        (window as unknown as { analysisProgressSeen: { sawProgress: boolean; phases: string[] } })
          .analysisProgressSeen,
    );
  }

  tier(tier: string): Locator {
    return this.page.getByTestId(`tier-${tier}`);
  }

  histogram(score: string): Locator {
    return this.page.getByTestId(`histogram-${score}`);
  }

  counts(testId: 'veto-counts' | 'persona-counts' | 'channel-counts'): Locator {
    return this.page.getByTestId(testId).locator('.count-bar');
  }
}
