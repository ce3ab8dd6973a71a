// Page object for the analysis page's segments & rules tab: the settings of the next run, their errors and save.
import { expect, type Locator, type Page } from '@playwright/test';

export type RunSettingsField = 'k' | 'seed' | 'minSupport' | 'minConfidence' | 'maxLength';

export class RunSettingsTab {
  readonly form: Locator;
  readonly save: Locator;
  readonly saved: Locator;
  readonly refused: Locator;
  readonly latest: Locator;
  readonly latestMining: Locator;
  readonly kAuto: Locator;
  readonly kFixed: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('run-settings');
    this.save = page.getByTestId('run-settings-save');
    this.saved = page.getByTestId('run-settings-saved');
    this.refused = page.getByTestId('run-settings-refused');
    this.latest = page.getByTestId('run-settings-latest');
    this.latestMining = page.getByTestId('run-settings-latest-mining');
    this.kAuto = page.getByTestId('run-settings-k-auto');
    this.kFixed = page.getByTestId('run-settings-k-fixed');
  }

  /** Opens the tab from the analysis page's tab bar and waits for the saved settings to be read. */
  async open(): Promise<void> {
    await this.page.getByTestId('analysis-tab-run-settings').click();
    await expect(this.form).toBeVisible();
  }

  field(name: RunSettingsField): Locator {
    return this.page.getByTestId(`run-settings-${name}`);
  }

  error(place: RunSettingsField | 'features'): Locator {
    return this.page.getByTestId(`run-settings-error-${place}`);
  }

  feature(key: string): Locator {
    return this.page.getByTestId(`run-settings-feature-${key}`);
  }
}
