// axe in every view, light and dark: no serious or critical violations (issue 4, "Quality").
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { loadSample, waitForComparison } from './helpers.ts';

const TABS = ['Side by side', 'Coverage', 'Quotes', 'Discrepancies', 'Sources'] as const;

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations in any view (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await loadSample(page);
    await waitForComparison(page);
    for (const tab of TABS) {
      await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: tab, exact: true }).click();
      await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      const results = await new AxeBuilder({ page }).include('main').analyze();
      const bad = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${tab}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(', ')}`,
        );
      expect(bad, bad.join('\n')).toEqual([]);
    }
  });
}
