// Side by side with more than six sources windows its columns (only those in view are rendered). Regression
// for the report that the 7th source's text was missing from its rows and an identical sentence shared by the
// 3rd and 7th sources showed as "Only in" one of them. (Could not be reproduced by scrolling in Chromium; the
// component test covers the cause found: a container that widens without a window resize.)
import { expect, test } from '@playwright/test';
import { loadSample, pasteSource, waitForComparison } from './helpers.ts';

const SHARED = 'The harbour bridge will close for repairs from Monday, the city council said on Friday.';
const OUTLETS = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Golf'];
const OWN = [
  'Commuters were told to expect long delays on the ferries.',
  'Shop owners near the bridge fear losing customers for weeks.',
  'The repairs are expected to cost more than twelve million euros.',
  'Cyclists will be allowed to use a temporary lane on the east side.',
  'The last major repair of the bridge took place in 1998.',
  'Taxi drivers said the closure would double some fares.',
  'A council engineer said the steel cables had corroded badly.',
];

test('with seven sources every column can be scrolled to and shares its identical sentence', async ({
  page,
}) => {
  // A first visit loads the two sample reports: with ours that makes seven sources (eight columns with "Match").
  await loadSample(page);
  for (const [i, outlet] of OUTLETS.entries()) {
    // Only Alpha (3rd column) and Golf (7th) carry the shared sentence, word for word.
    const shared = i === 0 || i === 4 ? `${SHARED}\n\n` : '';
    await pasteSource(page, { outlet, text: `${shared}${OWN[i]} It is one of several stories about it.` });
  }
  await waitForComparison(page);
  const table = page.getByRole('table', { name: 'Side by side' });
  await expect(table).toHaveAttribute('aria-colcount', '8');
  const row = table.getByRole('row').filter({ hasText: 'harbour bridge will close' });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').first()).toContainText('Identical');
  await expect(row.getByRole('cell').first()).not.toContainText('Only in');

  // Scroll to the far right like a user would: the 7th column and its text must be rendered there.
  await table.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  });
  const golf = table.getByRole('columnheader', { name: 'Golf' });
  await expect(golf).toBeVisible();
  await expect(golf).toHaveAttribute('aria-colindex', '8');
  const lastCell = row.locator('[role="cell"][aria-colindex="8"]');
  await expect(lastCell).toContainText(SHARED);
  await expect(lastCell).toBeInViewport();
});
