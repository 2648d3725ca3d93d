// Shared Playwright helpers for the journeys (by role, as users and assistive technology see the page).
import { expect, type Page } from '@playwright/test';

/** Opens the app and makes sure the two sample reports are listed (a first visit loads them by itself). */
export async function loadSample(page: Page): Promise<void> {
  await page.goto('./');
  const list = page.getByRole('list', { name: 'Sources' });
  // A first visit loads the sample by itself, a moment after "Load sample" appears; clicking it then adds the
  // sample a second time ("The sample is already in this workspace"). So give the automatic load time first.
  const loaded = await list.waitFor({ state: 'visible', timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  if (!loaded) await page.getByRole('button', { name: 'Load sample' }).click();
  await expect(list.getByRole('heading', { name: 'Wire report' })).toBeVisible();
  await expect(list.getByRole('heading', { name: 'Scopex' })).toBeVisible();
}

/** Waits until the engine has produced a comparison for every listed source (each shows its word count). */
export async function waitForComparison(page: Page): Promise<void> {
  await expect(page.getByRole('progressbar', { name: 'Comparing' })).toHaveCount(0, { timeout: 30_000 });
  const items = page.getByRole('list', { name: 'Sources' }).getByRole('listitem');
  await expect(items.filter({ hasText: 'not compared yet' })).toHaveCount(0, { timeout: 30_000 });
}

export interface PastedSource {
  readonly outlet: string;
  readonly title?: string;
  readonly text: string;
}

/** Adds a source through "Add source" → dialog "Add a source" → "Add to comparison". */
export async function pasteSource(page: Page, source: PastedSource): Promise<void> {
  await page.getByRole('button', { name: 'Add source' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a source' });
  await dialog.getByRole('textbox', { name: 'Outlet' }).fill(source.outlet);
  if (source.title) await dialog.getByRole('textbox', { name: 'Title' }).fill(source.title);
  await dialog.getByRole('textbox', { name: 'Article text' }).fill(source.text);
  await dialog.getByRole('button', { name: 'Add to comparison' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('list', { name: 'Sources' }).getByRole('heading', { name: source.outlet }),
  ).toBeVisible();
}

/** The list item of one source in the sidebar, found by its outlet heading. */
export function sourceItem(page: Page, outlet: string) {
  return page
    .getByRole('list', { name: 'Sources' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: outlet, exact: true }) });
}

/**
 * Records every request to an origin other than the app's own. Call before `page.goto`. Blob and data URLs
 * (downloads, the worker) never leave the browser and are not counted.
 */
export function watchForeignRequests(page: Page, appOrigin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('blob:') || url.startsWith('data:')) return;
    if (new URL(url).origin !== appOrigin) foreign.push(url);
  });
  return foreign;
}

/** A third report of the Vladivostok remarks, written for the tests (not from any real outlet). */
export const THIRD_REPORT = `Putin says Western troops in Ukraine would be fair targets

Russian President Vladimir Putin said on Friday that Western soldiers sent to Ukraine would be legitimate targets for Russia's armed forces.

Speaking in Vladivostok at the Eastern Economic Forum, Putin told the audience that "these will be legitimate targets for destruction" if foreign troops appeared in Ukraine.

The remarks followed a meeting in Paris at which 26 countries pledged to join a postwar reassurance force for Ukraine.

Putin also said he was ready to meet Ukrainian President Volodymyr Zelensky in Moscow.`;
