// The five comparison views in real Chromium, by role (issue 4, "Acceptance").
import { expect, test, type Page } from '@playwright/test';
import { THIRD_REPORT, loadSample, pasteSource, waitForComparison } from './helpers.ts';

const sideBySide = (page: Page) => page.getByRole('table', { name: 'Side by side' });

async function openTab(page: Page, name: string) {
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
}

test.beforeEach(async ({ page }) => {
  await loadSample(page);
  await waitForComparison(page);
});

test('the "destruction" / "strikes" quote sits on one row with the differing words marked', async ({
  page,
}) => {
  await openTab(page, 'Side by side');
  // Only rows carrying quotes, so the row is in the rendered (virtualised) window.
  await page.getByRole('radiogroup', { name: 'Show' }).getByRole('radio', { name: 'Only quotes' }).check();
  const row = sideBySide(page)
    .getByRole('row')
    .filter({ hasText: 'destruction' })
    .filter({ hasText: 'strikes' });
  await expect(row).toHaveCount(1);
  const marked = row.locator('ins, del');
  await expect(marked.filter({ hasText: 'destruction' }).first()).toBeVisible();
  await expect(marked.filter({ hasText: 'strikes' }).first()).toBeVisible();
  // Each row names its relation and score.
  await expect(row.getByRole('cell').first()).toContainText(/\d\.\d\d/);
});

test('every tab shows its view inside the main landmark', async ({ page }) => {
  const main = page.getByRole('main');
  await openTab(page, 'Side by side');
  await expect(main.getByRole('table', { name: 'Side by side' })).toBeVisible();
  await expect(main.getByRole('combobox', { name: 'Reference source' })).toBeVisible();
  await openTab(page, 'Coverage');
  await expect(main.getByRole('table', { name: /Coverage matrix/ })).toBeVisible();
  await expect(main.getByRole('figure', { name: 'Share of claims' })).toBeVisible();
  await openTab(page, 'Quotes');
  await expect(main.getByRole('region', { name: 'Quote ledger' })).toBeVisible();
  await expect(main.getByRole('region', { name: 'Quote ledger' }).getByRole('heading').first()).toBeVisible();
  await openTab(page, 'Discrepancies');
  await expect(main.getByRole('list', { name: 'Discrepancies' })).toBeAttached();
  await openTab(page, 'Sources');
  await expect(main.getByRole('region', { name: 'Wire report' })).toBeVisible();
  await expect(main.getByRole('region', { name: 'Scopex' })).toBeVisible();
});

test('pasting a third source grows the coverage matrix by a column', async ({ page }) => {
  await openTab(page, 'Coverage');
  const headers = page.getByRole('table', { name: /Coverage matrix/ }).getByRole('columnheader');
  const before = await headers.count();
  await pasteSource(page, {
    outlet: 'Harbour Courier',
    title: 'Putin says troops would be targets',
    text: THIRD_REPORT,
  });
  await waitForComparison(page);
  await openTab(page, 'Coverage');
  await expect(headers).toHaveCount(before + 1);
  await expect(headers.filter({ hasText: 'Harbour Courier' })).toHaveCount(1);
});

test('a coverage cell opens its row in Side by side', async ({ page }) => {
  await openTab(page, 'Coverage');
  const matrix = page.getByRole('table', { name: /Coverage matrix/ });
  await matrix
    .getByRole('row')
    .nth(5)
    .getByRole('button', { name: /in Wire report|in Scopex/ })
    .first()
    .click();
  await expect(page.getByRole('tab', { name: 'Side by side' })).toHaveAttribute('aria-selected', 'true');
  await expect(sideBySide(page).locator('[aria-current="true"]')).toBeVisible();
});

test('next / previous difference and j / k move through the differences', async ({ page }) => {
  await openTab(page, 'Side by side');
  await page.getByRole('button', { name: 'Next difference' }).click();
  await expect(page.getByText(/Difference 1 of \d+/)).toBeVisible();
  await page.keyboard.press('j');
  await expect(page.getByText(/Difference 2 of \d+/)).toBeVisible();
  await page.keyboard.press('k');
  await expect(page.getByText(/Difference 1 of \d+/)).toBeVisible();
});

test('an unlinked pair shows "Corrected" and still does after a reload', async ({ page }) => {
  await openTab(page, 'Side by side');
  const table = sideBySide(page);
  const unlink = table.getByRole('button', { name: 'Unlink', exact: true }).first();
  await expect(unlink).toBeVisible();
  await unlink.click();
  await waitForComparison(page);
  await expect(table.getByText('Corrected', { exact: true }).first()).toBeVisible();
  await page.reload();
  await waitForComparison(page);
  await openTab(page, 'Side by side');
  await expect(sideBySide(page).getByText('Corrected', { exact: true }).first()).toBeVisible();
});

test('a differently translated quote shows its shared words marked and toggles to the word diff', async ({
  page,
}) => {
  await openTab(page, 'Quotes');
  const wording = page
    .getByRole('list', { name: 'Wording in each outlet' })
    .getByRole('listitem')
    .filter({ hasText: 'Therefore, if any foreign troops appear there' });
  await expect(wording).toHaveCount(1);
  await expect(wording).toContainText('Different translation or cut — shared words marked');
  await expect(wording.locator('mark').filter({ hasText: 'legitimate targets for' })).toBeVisible();
  await expect(wording.locator('ins, del')).toHaveCount(0);
  const toggle = wording.getByRole('button', { name: 'Show word diff' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(wording).toContainText('Different translation or cut — word diff shown');
  await expect(wording.locator('mark')).toHaveCount(0);
  await expect(wording.locator('ins').filter({ hasText: 'strikes' })).toBeVisible();
  await expect(wording.locator('del').filter({ hasText: 'destruction' })).toBeVisible();
});
