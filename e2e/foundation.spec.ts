import { expect, test } from '@playwright/test';

test('opens with the built-in sample and lists both sources by outlet', async ({ page }) => {
  await page.goto('./');
  const list = page.getByRole('list', { name: 'Sources' });
  await expect(list.getByText('Wire report')).toBeVisible();
  await expect(list.getByText('Scopex')).toBeVisible();
});
