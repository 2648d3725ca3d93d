// axe in every view, light and dark: no serious or critical violations (issue 4, "Quality").
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { loadSample, waitForComparison } from './helpers.ts';

const TABS = ['Side by side', 'Coverage', 'Quotes', 'Discrepancies', 'Sources'] as const;

for (const scheme of ['light', 'dark'] as const) {
  for (const tab of TABS) {
    test(`${tab} (${scheme}): no serious or critical axe violations`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: scheme });
      await loadSample(page);
      await waitForComparison(page);
      await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: tab, exact: true }).click();
      await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id} (${v.impact}) ${v.help}: ${v.nodes
              .slice(0, 4)
              .map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`)
              .join(' | ')}`,
        );
      expect(bad, bad.join('\n')).toEqual([]);
    });
  }
}

test('Side by side while linking and filtered (dark): no serious or critical axe violations', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  await loadSample(page);
  await waitForComparison(page);
  const table = page.getByRole('table', { name: 'Side by side' });
  await page
    .getByRole('radiogroup', { name: 'Show' })
    .getByRole('radio', { name: 'Only differences' })
    .check();
  await table.getByRole('button', { name: 'Link…' }).first().click();
  await expect(table.getByRole('button', { name: 'Link with selected' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Next difference' }).click();
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad, bad.join('\n')).toEqual([]);
});
