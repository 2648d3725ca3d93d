import { expect, test } from '@playwright/test';

test('opens with the built-in sample and lists both sources by outlet and title', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Parallax', level: 1 })).toBeVisible();
  await expect(page.getByText('Your articles never leave this browser.')).toBeVisible();
  const list = page.getByRole('list', { name: 'Sources' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('heading', { name: 'Wire report' })).toBeVisible();
  await expect(list.getByRole('heading', { name: 'Scopex' })).toBeVisible();
  await expect(list.getByRole('textbox', { name: 'Title' }).nth(1)).toHaveValue(/Putin Warns West/);
});
