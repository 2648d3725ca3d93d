// Journeys through the workspace: sources in, saved work, exports and imports, corrections that survive.
import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import {
  THIRD_REPORT,
  loadSample,
  pasteSource,
  sourceItem,
  waitForComparison,
  watchForeignRequests,
} from './helpers.ts';

async function exportAs(page: Page, item: string): Promise<{ download: Download; text: string }> {
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: item }).click(),
  ]);
  const path = await download.path();
  return { download, text: await readFile(path, 'utf8') };
}

interface SavedWorkspace {
  format: string;
  version: number;
  sources: { outlet: string; text: string }[];
  options: unknown;
  corrections: unknown[];
}

test('paste a third source: it is listed, compared, and gets a column in the coverage matrix', async ({
  page,
}) => {
  await loadSample(page);
  await pasteSource(page, { outlet: 'Third Daily', title: 'Putin: troops fair targets', text: THIRD_REPORT });
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(3);
  await waitForComparison(page);
  await page.getByRole('tab', { name: 'Coverage' }).click();
  const matrix = page.getByRole('table', { name: 'Coverage matrix' });
  await expect(matrix.getByRole('columnheader', { name: /Third Daily/ })).toBeVisible();
});

test('export the workspace, start a new one, import it back: the same workspace', async ({ page }) => {
  await loadSample(page);
  await waitForComparison(page);
  await sourceItem(page, 'Scopex').getByRole('textbox', { name: 'URL' }).fill('https://example.org/scopex');
  const before = await exportAs(page, 'Workspace (JSON)');
  expect(before.download.suggestedFilename()).toMatch(/\.json$/);
  const saved = JSON.parse(before.text) as SavedWorkspace;
  expect(saved.format).toBe('parallax-workspace');
  expect(saved.sources.map((s) => s.outlet)).toEqual(['Wire report', 'Scopex']);

  await page.getByRole('button', { name: 'New workspace' }).click();
  await expect(page.getByRole('list', { name: 'Sources' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Restore previous workspace' })).toBeVisible();

  await page.getByLabel('Import workspace').setInputFiles(await before.download.path());
  await expect(sourceItem(page, 'Scopex').getByRole('textbox', { name: 'URL' })).toHaveValue(
    'https://example.org/scopex',
  );
  await waitForComparison(page);
  const after = JSON.parse((await exportAs(page, 'Workspace (JSON)')).text) as SavedWorkspace;
  expect({ ...after, savedAt: null }).toEqual({ ...saved, savedAt: null });
});

test('a file that is not a workspace is refused, naming the file, and nothing changes', async ({ page }) => {
  await loadSample(page);
  await page.getByLabel('Import workspace').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": '),
  });
  await expect(page.getByRole('alert').filter({ hasText: '“notes.json”' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(2);
});

test('"New workspace" can be undone with "Restore previous workspace"', async ({ page }) => {
  await loadSample(page);
  await page.getByRole('button', { name: 'New workspace' }).click();
  await expect(page.getByRole('button', { name: 'Load sample' })).toBeVisible();
  await page.getByRole('button', { name: 'Restore previous workspace' }).click();
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(2);
});

test('removing a source can be undone', async ({ page }) => {
  await loadSample(page);
  await sourceItem(page, 'Wire report').getByRole('button', { name: 'Remove source' }).click();
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('heading').first()).toHaveText(
    'Wire report',
  );
});

test('the HTML report opens offline and holds the comparison', async ({ page, browser }) => {
  await loadSample(page);
  await waitForComparison(page);
  const { text } = await exportAs(page, 'HTML report');
  expect(text).not.toMatch(/<script/i);

  const offline = await browser.newContext({ offline: true });
  const report = await offline.newPage();
  const requests: string[] = [];
  report.on('request', (r) => requests.push(r.url()));
  await report.setContent(text);
  await expect(report.getByRole('heading', { name: 'Parallax report', level: 1 })).toBeVisible();
  await expect(report.getByRole('columnheader', { name: 'Scopex' }).first()).toBeVisible();
  await expect(report.getByRole('heading', { name: 'Claims side by side' })).toBeVisible();
  expect(requests.filter((u) => !u.startsWith('data:') && u !== 'about:blank')).toEqual([]);
  await offline.close();
});

test('the Markdown report and the coverage CSV download', async ({ page }) => {
  await loadSample(page);
  await waitForComparison(page);
  const md = await exportAs(page, 'Markdown report');
  expect(md.text).toContain('# Parallax report');
  expect(md.text).toContain('Scopex');
  const csv = await exportAs(page, 'Coverage (CSV)');
  expect(csv.text.split('\r\n')[0]).toBe('Claim #,Claim,Relation,Sources carrying it,Wire report,Scopex');
});

test('reload keeps the workspace exactly: sources, edits, order and threshold', async ({ page }) => {
  await loadSample(page);
  await sourceItem(page, 'Scopex').getByRole('textbox', { name: 'Outlet' }).fill('Scopex Media');
  await sourceItem(page, 'Scopex Media').getByRole('button', { name: 'Move up' }).click();
  const slider = page.getByRole('slider', { name: 'Similarity threshold' });
  await slider.fill('0.62');
  await expect(slider).toHaveValue('0.62');
  await page.reload();
  const headings = page.getByRole('list', { name: 'Sources' }).getByRole('heading');
  await expect(headings).toHaveText(['Scopex Media', 'Wire report']);
  await expect(page.getByRole('slider', { name: 'Similarity threshold' })).toHaveValue('0.62');
});

test('a correction survives a reload and can be taken back', async ({ page }) => {
  await loadSample(page);
  await waitForComparison(page);
  const table = page.getByRole('table', { name: 'Side by side' });
  await table.getByRole('button', { name: 'Unlink' }).first().click();
  const corrections = page.getByRole('list', { name: 'Corrections' });
  await expect(corrections.getByRole('listitem')).toHaveCount(1);
  await expect(corrections.getByText('Corrected')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('list', { name: 'Corrections' }).getByRole('listitem')).toHaveCount(1);
  await waitForComparison(page);
  await expect(
    page.getByRole('table', { name: 'Side by side' }).getByText('Corrected').first(),
  ).toBeVisible();
  await page
    .getByRole('list', { name: 'Corrections' })
    .getByRole('button', { name: /Remove correction/ })
    .click();
  await expect(page.getByRole('list', { name: 'Corrections' })).toHaveCount(0);
});

test('search finds a passage in any source and opens it in Side by side', async ({ page }) => {
  await loadSample(page);
  await waitForComparison(page);
  await page.getByRole('tab', { name: 'Coverage' }).click();
  await page.getByRole('searchbox', { name: 'Search all sources' }).fill('coalition of the willing');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('button').first()).toContainText('Scopex');
  await results.getByRole('button').first().click();
  await expect(page.getByRole('tab', { name: 'Side by side' })).toHaveAttribute('aria-selected', 'true');
});

test('the view tabs work with the arrow keys', async ({ page }) => {
  await loadSample(page);
  const tab = page.getByRole('tab', { name: 'Side by side' });
  await tab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Coverage' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Coverage' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Sources' })).toHaveAttribute('aria-selected', 'true');
});

test('no request leaves the app’s own origin, from load to export', async ({ page, baseURL }) => {
  const foreign = watchForeignRequests(page, new URL(baseURL ?? 'http://127.0.0.1/').origin);
  await loadSample(page);
  await waitForComparison(page);
  await pasteSource(page, { outlet: 'Third Daily', text: THIRD_REPORT });
  await waitForComparison(page);
  for (const tab of ['Coverage', 'Quotes', 'Discrepancies', 'Sources', 'Side by side']) {
    await page.getByRole('tab', { name: tab }).click();
  }
  await exportAs(page, 'HTML report');
  await page.reload();
  await waitForComparison(page);
  expect(foreign).toEqual([]);
});

test('a returning user gets their own (even empty) workspace, not the sample; a put-aside workspace survives reload', async ({
  page,
}) => {
  await loadSample(page);
  await page.getByRole('button', { name: 'New workspace' }).click();
  await expect(page.getByRole('button', { name: 'Load sample' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Load sample' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Sources' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Restore previous workspace' }).click();
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(2);
});

/** Reads or writes one idb-keyval entry (database "keyval-store", store "keyval") from inside the page. */
function idb(page: Page, op: 'get' | 'set', key: string, value?: string): Promise<unknown> {
  return page.evaluate(
    ([op, key, value]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onupgradeneeded = () => open.result.createObjectStore('keyval');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('keyval', op === 'get' ? 'readonly' : 'readwrite');
          const store = tx.objectStore('keyval');
          const req = op === 'get' ? store.get(key) : store.put(value, key);
          req.onsuccess = () => resolve(op === 'get' ? req.result : null);
          req.onerror = () => reject(req.error);
        };
      }),
    [op, key, value] as const,
  );
}

test('a damaged saved workspace is kept aside, never overwritten, and the user is told', async ({ page }) => {
  await loadSample(page);
  const damaged = '{"state": {"sources": [{"id": 1}]}, "version": 1}';
  await idb(page, 'set', 'parallax-workspace', damaged);
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be opened' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load sample' })).toBeVisible();
  expect(await idb(page, 'get', 'parallax-workspace-unreadable')).toBe(damaged);
  // Work goes on: a new workspace is saved normally.
  await page.getByRole('button', { name: 'Load sample' }).click();
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(2);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(2);
  expect(await idb(page, 'get', 'parallax-workspace-unreadable')).toBe(damaged);
});

test('the shell has no serious accessibility violations: empty state, dialog, export menu', async ({
  page,
}) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  test.setTimeout(120_000);
  // The views have their own axe checks (e2e/views.spec.ts); here only the shell's own parts are scanned.
  const serious = async (selector = 'body') =>
    (await new AxeBuilder({ page }).include(selector).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  await loadSample(page);
  await page.getByRole('button', { name: 'New workspace' }).click();
  await expect(page.getByRole('button', { name: 'Load sample' })).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.getByRole('button', { name: 'Restore previous workspace' }).click();
  await page.getByRole('button', { name: 'Add source' }).click();
  await expect(page.getByRole('dialog', { name: 'Add a source' })).toBeVisible();
  expect(await serious('[role="dialog"]')).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('menu', { name: 'Export' })).toBeVisible();
  expect(await serious('header')).toEqual([]);
  expect(await serious('aside')).toEqual([]);
});

test('files come in through "Add files" and by dropping them on the window', async ({ page }) => {
  await loadSample(page);
  await page.getByLabel('Add files').setInputFiles({
    name: 'third-daily.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(THIRD_REPORT),
  });
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(3);

  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    const text =
      'Fourth Wire\n\nLeaders met in Vladivostok on Friday to discuss security guarantees for Ukraine.';
    dt.items.add(new File([text], 'fourth-wire.md', { type: 'text/markdown' }));
    return dt;
  });
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop files to add them')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(page.getByText('Drop files to add them')).toBeHidden();
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(4);

  // The same article again is refused, naming the file and the source it duplicates.
  await page.getByLabel('Add files').setInputFiles({
    name: 'again.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(THIRD_REPORT),
  });
  await expect(page.getByText(/already added/).first()).toBeVisible();
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(4);
});
