// Issue 6, "Security": our own collection of XSS vectors (e2e/fixtures/xss-vectors.ts) goes through every way
// text enters Parallax — the paste dialog as text and as a clipboard HTML paste, .html and .txt files, the
// Outlet/Title/Date/URL fields, workspace import — and out again through the exported HTML report. After each:
// no dialog fired, the sentinel window.__xss is unset, no request left the app's origin, and the page holds no
// element with an inline event handler or any of the elements that load or navigate (iframe, object, embed, base,
// meta refresh, form).
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { XSS_VECTORS, articleWith, batches, pageWith } from './fixtures/xss-vectors.ts';
import { loadSample, waitForComparison } from './helpers.ts';

interface Guard {
  readonly dialogs: string[];
  readonly foreign: string[];
}

/** Dialogs and off-origin requests are recorded (and the requests blocked) from the first navigation on. */
async function guard(page: Page, allowOrigin: string | null): Promise<Guard> {
  const dialogs: string[] = [];
  const foreign: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('blob:') || url.startsWith('data:')) return;
    if (allowOrigin && new URL(url).origin === allowOrigin) return;
    if (!allowOrigin && url.startsWith('file:')) return;
    foreign.push(url);
  });
  await page.route(
    (url) => !(allowOrigin ? url.origin === allowOrigin : url.protocol === 'file:'),
    (route) => route.abort(),
  );
  return { dialogs, foreign };
}

/**
 * Adds one source per batch of vectors through the "Add a source" dialog (`fill` types the batch in), then checks
 * that every one of them joined the two sample sources.
 */
async function addEachBatchThroughDialog(
  page: Page,
  fill: (dialog: Locator, part: readonly string[], i: number) => Promise<void>,
): Promise<void> {
  const parts = batches(XSS_VECTORS, 66);
  for (const [i, part] of parts.entries()) {
    await page.getByRole('button', { name: 'Add source' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a source' });
    await fill(dialog, part, i);
    await dialog.getByRole('button', { name: 'Add to comparison' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(
    2 + parts.length,
  );
}

async function assertNothingRan(page: Page, g: Guard): Promise<void> {
  // Give anything that might have been scheduled (onerror after a failed load, autofocus, timers) a moment.
  await page.waitForTimeout(300);
  expect(g.dialogs, 'no alert/confirm/prompt dialog').toEqual([]);
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
    'sentinel unset',
  ).toBeUndefined();
  expect(g.foreign, 'no request outside the app').toEqual([]);
  const injected = await page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes))
        if (/^on/i.test(a.name)) found.push(`<${el.tagName.toLowerCase()} ${a.name}>`);
      if (/^(IFRAME|OBJECT|EMBED|BASE|FORM|PORTAL|FRAME)$/.test(el.tagName))
        found.push(`<${el.tagName.toLowerCase()}>`);
      if (el.tagName === 'META' && el.getAttribute('http-equiv')?.toLowerCase() === 'refresh')
        found.push('<meta refresh>');
      if (el.tagName === 'SCRIPT' && !(el as HTMLScriptElement).src.startsWith(location.origin))
        found.push('<script> not from the app');
      if (el.tagName === 'A' && /^\s*javascript:/i.test(el.getAttribute('href') ?? ''))
        found.push('javascript: link');
    }
    return found;
  });
  expect(injected, 'no injected active elements').toEqual([]);
}

/** Shows every view, so the vectors are rendered by each of them (and by the search box). */
async function visitAllViews(page: Page): Promise<void> {
  await waitForComparison(page);
  const tabs = page.getByRole('tablist', { name: 'Views' });
  for (const name of ['Side by side', 'Coverage', 'Quotes', 'Discrepancies', 'Sources']) {
    await tabs.getByRole('tab', { name }).click();
    await expect(tabs.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  }
  await page
    .getByRole('searchbox', { name: 'Search all sources' })
    .fill('<img src=x onerror=window.__xss=1>');
  await page.getByRole('searchbox', { name: 'Search all sources' }).fill('');
  await tabs.getByRole('tab', { name: 'Side by side' }).click();
}

test.describe('XSS vectors never run', () => {
  // Several sources of 40-65 vectors each are compared and shown in five views: allow for a busy machine.
  test.describe.configure({ timeout: 180_000 });

  test(`the collection has at least 100 distinct vectors (${XSS_VECTORS.length})`, () => {
    expect(new Set(XSS_VECTORS).size).toBeGreaterThanOrEqual(100);
  });

  test('the built page carries a Content-Security-Policy: scripts only from the app, no plugins or frames', async ({
    page,
  }) => {
    await page.goto('./');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "frame-src 'none'",
      "base-uri 'self'",
      "form-action 'none'",
    ])
      expect(csp).toContain(directive);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  test('pasted as plain text, with vectors in the Outlet and Title fields', async ({ page, baseURL }) => {
    const g = await guard(page, new URL(baseURL!).origin);
    await loadSample(page);
    await addEachBatchThroughDialog(page, async (dialog, part, i) => {
      await dialog.getByRole('textbox', { name: 'Outlet' }).fill(`Paste ${i} ${part[0]}`);
      await dialog.getByRole('textbox', { name: 'Title' }).fill(part[1] ?? 'title');
      await dialog.getByRole('textbox', { name: 'Article text' }).fill(articleWith(part, `Paste ${i}`));
    });
    await visitAllViews(page);
    await assertNothingRan(page, g);
  });

  test('pasted as HTML from the clipboard (text/html)', async ({ page, baseURL }) => {
    const g = await guard(page, new URL(baseURL!).origin);
    await loadSample(page);
    await addEachBatchThroughDialog(page, async (dialog, part, i) => {
      await dialog.getByRole('textbox', { name: 'Outlet' }).fill(`Clipboard ${i}`);
      const area = dialog.getByRole('textbox', { name: 'Article text' });
      await area.focus();
      await area.evaluate(
        (el, html) => {
          const data = new DataTransfer();
          data.setData('text/html', html);
          data.setData('text/plain', 'plain text of the page');
          el.dispatchEvent(
            new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
          );
        },
        pageWith(part, `Clipboard ${i}`),
      );
      await expect(dialog.getByText('Pasted from a web page')).toBeVisible();
    });
    await visitAllViews(page);
    await assertNothingRan(page, g);
  });

  test('in .html and .txt files chosen with "Add files"', async ({ page, baseURL }) => {
    const g = await guard(page, new URL(baseURL!).origin);
    await loadSample(page);
    const parts = batches(XSS_VECTORS, 66);
    const files = parts.flatMap((part, i) => [
      { name: `vectors-${i}.html`, mimeType: 'text/html', buffer: Buffer.from(pageWith(part, `File ${i}`)) },
      {
        name: `vectors-${i}.txt`,
        mimeType: 'text/plain',
        buffer: Buffer.from(articleWith(part, `Text file ${i}`)),
      },
      // An HTML page mis-named .txt still goes through the sanitiser.
      {
        name: `misnamed-${i}.txt`,
        mimeType: 'text/plain',
        buffer: Buffer.from(pageWith(part.slice().reverse(), `Misnamed ${i}`)),
      },
    ]);
    await page.getByLabel('Add files').setInputFiles(files);
    await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(
      2 + files.length,
    );
    await visitAllViews(page);
    await assertNothingRan(page, g);
  });

  test('typed into the Outlet, Title, Date and URL fields of a source', async ({ page, baseURL }) => {
    const g = await guard(page, new URL(baseURL!).origin);
    await loadSample(page);
    const item = page.getByRole('list', { name: 'Sources' }).getByRole('listitem').first();
    // Many vectors per field in one edit: each edit re-runs the comparison, so one fill per field keeps it quick.
    const half = Math.ceil(XSS_VECTORS.length / 2);
    await item.getByRole('textbox', { name: 'Title' }).fill(XSS_VECTORS.slice(0, half).join(' '));
    await item.getByRole('textbox', { name: 'Date' }).fill(XSS_VECTORS.slice(half).join(' '));
    await item
      .getByRole('textbox', { name: 'URL' })
      .fill(XSS_VECTORS.filter((v) => v.includes('javascript')).join(' '));
    await item.getByRole('textbox', { name: 'Outlet' }).fill(XSS_VECTORS.slice(0, 20).join(' '));
    await visitAllViews(page);
    await assertNothingRan(page, g);
  });

  test('inside an imported workspace, then out through the exported HTML report', async ({
    page,
    baseURL,
    browser,
  }, testInfo) => {
    const g = await guard(page, new URL(baseURL!).origin);
    await loadSample(page);
    const sources = batches(XSS_VECTORS, 33).map((part, i) => ({
      id: `xss-${i}`,
      outlet: `Outlet ${i} ${part[0]}`,
      title: part[1],
      url: `javascript:window.__xss=${i}`,
      publishedAt: part[2],
      byline: part[3],
      text: articleWith(part, `Imported ${i}`),
      restored: [`xss-${i}:rm:0`, part[4]],
      origin: { kind: 'file', fileName: `${part[5]}.html` },
      addedAt: '2025-09-05T10:00:00.000Z',
    }));
    const workspace = {
      format: 'parallax-workspace',
      version: 1,
      savedAt: '2025-09-05T10:00:00.000Z',
      sources,
      options: { threshold: null, referenceSourceId: null, cleaning: true },
      corrections: [{ kind: 'link', a: 'xss-0:u1', b: 'xss-1:u1' }],
    };
    await page.getByLabel('Import workspace').setInputFiles({
      name: 'hostile.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(workspace)),
    });
    await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(
      sources.length,
    );
    await visitAllViews(page);
    await assertNothingRan(page, g);

    // The exported HTML report, opened from disk with every network request blocked.
    await page.getByRole('button', { name: 'Export' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'HTML report' }).click();
    const download = await downloading;
    const path = testInfo.outputPath('report.html');
    await download.saveAs(path);
    const html = readFileSync(path, 'utf8');
    expect(html).toContain('Imported 0');
    const context = await browser.newContext({ offline: true, javaScriptEnabled: true });
    const report = await context.newPage();
    const rg = await guard(report, null);
    await report.goto(`file://${path}`);
    await expect(report.getByText('Imported 0', { exact: false }).first()).toBeVisible();
    await assertNothingRan(report, rg);
    await context.close();
  });
});
