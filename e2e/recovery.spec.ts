// Issue 6, "Nothing lost": a reload at any moment (also mid-compare) brings back every source, option and
// correction; a failed save (quota) is reported with an export offer and never replaces what was saved; a corrupt
// saved workspace is kept aside and the app starts clean; a worker that cannot start, crashes or hangs never
// leaves the page spinning. (The error boundary is covered by src/components/ErrorBoundary.test.tsx.)
import { readFile } from 'node:fs/promises';
import { expect, test, type Page, type Route } from '@playwright/test';
import { THIRD_REPORT, loadSample, pasteSource, sourceItem, waitForComparison } from './helpers.ts';

test.describe.configure({ timeout: 120_000 });

const sources = (page: Page) => page.getByRole('list', { name: 'Sources' }).getByRole('listitem');
const sideBySide = (page: Page) =>
  page.getByRole('table', { name: 'Side by side' }).or(page.getByRole('grid', { name: 'Side by side' }));

/** Reads a key of idb-keyval's default store ("keyval-store" / "keyval"), where the app saves its workspace. */
function readSaved(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    (k) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('keyval')) return resolve(undefined);
          const req = db.transaction('keyval').objectStore('keyval').get(k);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        };
      }),
    key,
  );
}

function writeSaved(page: Page, key: string, value: unknown): Promise<void> {
  return page.evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onupgradeneeded = () => open.result.createObjectStore('keyval');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('keyval', 'readwrite');
          tx.objectStore('keyval').put(v, k as string);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    [key, value] as const,
  );
}

test('a reload right after changes (mid-compare) restores every source, option and correction', async ({
  page,
}) => {
  await loadSample(page);
  await waitForComparison(page);
  await pasteSource(page, { outlet: 'Third Desk', title: 'Fair targets', text: THIRD_REPORT });
  await sourceItem(page, 'Scopex')
    .getByRole('textbox', { name: 'Title' })
    .fill('Edited title: “targets” & more');
  const slider = page.getByRole('slider', { name: 'Similarity threshold' });
  await slider.focus();
  await slider.press('ArrowRight');
  await slider.press('ArrowRight');
  const threshold = await slider.inputValue();
  await waitForComparison(page);
  // Pair rows carry "Unlink"; the rows are virtualised, so show only the quote rows to bring a pair into view.
  await page.getByRole('radiogroup', { name: 'Show' }).getByRole('radio', { name: 'Only quotes' }).check();
  await sideBySide(page).getByRole('button', { name: 'Unlink' }).first().click();
  const corrections = page.getByRole('list', { name: 'Corrections' }).getByRole('listitem');
  await expect(corrections).toHaveCount(1);
  const correctionText = (await corrections.first().textContent()) ?? '';

  // Reload at once: the comparison for the new correction is typically still running.
  await page.reload();
  await expect(sources(page)).toHaveCount(3);
  await expect(sources(page).getByRole('heading')).toHaveText(['Wire report', 'Scopex', 'Third Desk']);
  await expect(sourceItem(page, 'Scopex').getByRole('textbox', { name: 'Title' })).toHaveValue(
    'Edited title: “targets” & more',
  );
  await expect(sourceItem(page, 'Third Desk').getByRole('textbox', { name: 'Title' })).toHaveValue(
    'Fair targets',
  );
  await expect(page.getByRole('slider', { name: 'Similarity threshold' })).toHaveValue(threshold);
  await expect(corrections).toHaveCount(1);
  await expect(corrections.first()).toHaveText(correctionText);
  await waitForComparison(page);
});

test('storage quota exceeded: the user is told and offered an export; the saved workspace stays whole', async ({
  page,
}) => {
  await loadSample(page);
  await waitForComparison(page);
  await expect.poll(() => readSaved(page, 'parallax-workspace').then((v) => typeof v)).toBe('string');
  const before = await readSaved(page, 'parallax-workspace');

  // From now on every IndexedDB write fails as a full disk would.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await pasteSource(page, { outlet: 'Third Desk', text: THIRD_REPORT });
  const alert = page.getByRole('alert').filter({ hasText: 'could not be saved' });
  await expect(alert).toContainText('no storage space left');
  await expect(alert.getByRole('button', { name: 'Export workspace' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Export workspace' }).click();
  const exported = await downloading;
  expect(exported.suggestedFilename()).toMatch(/\.json$/);

  // What was saved before the failure is exactly what comes back.
  expect(await readSaved(page, 'parallax-workspace')).toBe(before);
  await page.reload();
  await expect(sources(page)).toHaveCount(2);
  await expect(sourceItem(page, 'Scopex')).toBeVisible();
});

test('a corrupt saved workspace is kept aside and the app starts clean', async ({ page }) => {
  await loadSample(page);
  const corrupt = '{"state":{"sources":[{"id":42}],"options":';
  await writeSaved(page, 'parallax-workspace', corrupt);
  await page.reload();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Your saved workspace could not be opened' }),
  ).toContainText('kept aside unchanged');
  await expect(page.getByRole('heading', { name: 'Parallax' })).toBeVisible();
  await expect.poll(() => readSaved(page, 'parallax-workspace-unreadable')).toBe(corrupt);
  // Issue 6: the kept-aside copy can be exported, exactly as it was saved.
  const download = page.waitForEvent('download');
  await page
    .getByRole('alert')
    .filter({ hasText: 'Your saved workspace could not be opened' })
    .getByRole('button', { name: 'Export unreadable copy' })
    .click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('parallax-unreadable-workspace.json');
  const path = await file.path();
  expect(await readFile(path, 'utf8')).toBe(corrupt);

  // A saved value with the wrong shape (valid JSON) is treated the same way.
  const wrongShape = JSON.stringify({
    state: { sources: 'not a list', options: {}, corrections: [] },
    version: 1,
  });
  await writeSaved(page, 'parallax-workspace', wrongShape);
  await page.reload();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Your saved workspace could not be opened' }),
  ).toContainText('“sources” should be a list');
  await expect.poll(() => readSaved(page, 'parallax-workspace-unreadable')).toBe(wrongShape);
  // The app is usable: the sample loads into the fresh workspace.
  await loadSample(page);
});

test.describe('the comparison never leaves the page spinning', () => {
  const WORKER = /compare\.worker[^/]*\.js/;
  const failures: readonly { when: string; route: (route: Route) => Promise<void> }[] = [
    { when: 'the worker script cannot be loaded (main-thread fallback)', route: (route) => route.abort() },
    {
      when: 'the worker crashes on start',
      route: (route) =>
        route.fulfill({
          contentType: 'text/javascript',
          body: 'throw new Error("worker crashed on start");',
        }),
    },
    {
      when: 'the worker starts but never answers',
      route: (route) => route.fulfill({ contentType: 'text/javascript', body: 'self.onmessage = () => {};' }),
    },
  ];

  for (const { when, route } of failures) {
    test(`when ${when}, results still appear`, async ({ page }) => {
      await page.route(WORKER, route);
      await loadSample(page);
      await waitForComparison(page);
      await expect(
        sideBySide(page)
          .getByText(/legitimate targets/)
          .first(),
      ).toBeVisible();
    });
  }
});
