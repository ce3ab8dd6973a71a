// Saves a screenshot of a key screen where CI keeps artifacts (test-results/screens).
import type { Page } from '@playwright/test';

export async function saveScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png` });
}
