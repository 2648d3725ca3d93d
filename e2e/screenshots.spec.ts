// One screenshot per view of the sample comparison, for the README (docs/screenshot-*.png, 1280 x 800).
import { expect, test } from '@playwright/test';
import { loadSample, waitForComparison } from './helpers.ts';

const SHOTS = [
  ['Side by side', 'side-by-side'],
  ['Coverage', 'coverage'],
  ['Quotes', 'quotes'],
  ['Discrepancies', 'discrepancies'],
  ['Sources', 'sources'],
] as const;

test('screenshots of every view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await loadSample(page);
  await waitForComparison(page);
  for (const [tab, file] of SHOTS) {
    await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: tab, exact: true }).click();
    await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `docs/screenshot-${file}.png` });
  }
});
