// Issue 6, "Bad input": every awkward input gets a clear message naming the file or field and the reason, and
// leaves everything else as it was. The unit tests in src/ingest/*.test.ts cover the decisions in detail (and 200
// sources); this suite checks what the user sees in a real Chromium.
import { expect, test, type Page } from '@playwright/test';
import { bigText, docx, pdf, png, utf16le, windows1252, type FilePayload } from './fixtures/bad-files.ts';
import { loadSample, sourceItem, waitForComparison } from './helpers.ts';

const sources = (page: Page) => page.getByRole('list', { name: 'Sources' }).getByRole('listitem');
const addFiles = (page: Page, files: FilePayload[]) => page.getByLabel('Add files').setInputFiles(files);
const text = (name: string, body: string): FilePayload => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.from(body),
});

/**
 * Finds a sentence through "Search all sources" (so it was segmented into a unit of its own), opens it in Side by
 * side, and checks it is shown there.
 */
async function showSentence(page: Page, query: string, sentence: string): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search all sources' });
  await search.fill(query);
  const hit = page
    .getByRole('list', { name: 'Search results' })
    .getByRole('button')
    .filter({ hasText: sentence });
  await expect(hit.first()).toBeVisible();
  await hit.first().click();
  const table = page
    .getByRole('table', { name: 'Side by side' })
    .or(page.getByRole('grid', { name: 'Side by side' }));
  await expect(table.getByText(sentence).first()).toBeVisible();
}

const GOOD = `Harbour Deal Signed After Night Of Talks

The city council signed the harbour agreement early on Tuesday after talks that lasted through the night.

The mayor said the deal would create 400 jobs. "This is a good day for the port," she told reporters.`;

test.describe('bad input', () => {
  test.describe.configure({ timeout: 120_000 });

  test('binary files, even renamed .txt, are refused by name and reason; the good file is added', async ({
    page,
  }) => {
    await loadSample(page);
    await addFiles(page, [png(), pdf(), pdf('really-a-pdf.txt'), docx(), text('harbour.txt', GOOD)]);
    await expect(sourceItem(page, 'harbour')).toBeVisible();
    await expect(page.getByText('“photo.png” is a PNG image, not text.')).toBeVisible();
    await expect(page.getByText('“report.pdf” is a PDF document, not text.')).toBeVisible();
    await expect(page.getByText('“really-a-pdf.txt” is a PDF document, not text.')).toBeVisible();
    await expect(page.getByText('“story.docx” is a Word document (.docx), not text.')).toBeVisible();
    await expect(sources(page)).toHaveCount(3);
  });

  test('a dropped file is read like a chosen one, and a binary one is refused', async ({ page }) => {
    await loadSample(page);
    await page.evaluate(
      ([good]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([good!], 'dropped.txt', { type: 'text/plain' }));
        dt.items.add(
          new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])], 'pic.txt'),
        );
        window.dispatchEvent(
          new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }),
        );
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      [GOOD],
    );
    await expect(sourceItem(page, 'dropped')).toBeVisible();
    await expect(page.getByText('“pic.txt” is a PNG image, not text.')).toBeVisible();
  });

  test('empty and whitespace-only text: files and the paste dialog say so', async ({ page }) => {
    await loadSample(page);
    await addFiles(page, [text('empty.txt', ''), text('blank.txt', '  \r\n\t \n')]);
    await expect(page.getByText('“empty.txt” is empty.')).toBeVisible();
    await expect(page.getByText('“blank.txt” has only spaces and blank lines, no text.')).toBeVisible();

    await page.getByRole('button', { name: 'Add source' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a source' });
    await dialog.getByRole('textbox', { name: 'Article text' }).fill('   \n\n   ');
    await dialog.getByRole('button', { name: 'Add to comparison' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      /The pasted text has only spaces and blank lines, no text\./,
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(sources(page)).toHaveCount(2);
  });

  test('invalid UTF-8, UTF-16 with a BOM, CRLF and CR line ends are read and shown correctly', async ({
    page,
  }) => {
    await loadSample(page);
    await addFiles(page, [
      windows1252(),
      utf16le(
        'Outlet: Vesti\n\nПереговоры возобновятся в пятницу, заявил министр.\r\nДелегация прибудет в понедельник.',
      ),
      text(
        'crlf.txt',
        'Outlet: CRLF Daily\r\n\r\nThe council met on Tuesday.\r\n\r\nThe mayor spoke after the vote.',
      ),
      text('cr.txt', 'Outlet: CR Weekly\r\rThe council met on Tuesday.\r\rThe mayor left before the vote.'),
    ]);
    for (const outlet of ['Old Desk', 'Vesti', 'CRLF Daily', 'CR Weekly'])
      await expect(sourceItem(page, outlet)).toBeVisible();
    await expect(page.getByText(/“legacy\.txt” is not UTF-8; it was read as Windows-1252/)).toBeVisible();
    await waitForComparison(page);
    await showSentence(page, 'Café', '“Café owners protest” — the mayor said on Friday.');
    await showSentence(page, 'Переговоры', 'Переговоры возобновятся в пятницу, заявил министр.');
    await showSentence(page, 'left before', 'The mayor left before the vote.');
    await showSentence(page, 'spoke after', 'The mayor spoke after the vote.');
  });

  test('a single 50,000-character "sentence" without punctuation is compared without hanging', async ({
    page,
  }) => {
    await loadSample(page);
    const words = ['harbour', 'council', 'river', 'budget', 'school', 'railway', 'storm', 'court'];
    const long = Array.from({ length: 7_000 }, (_, i) => words[(i * 5) % words.length])
      .join(' ')
      .slice(0, 50_000);
    await addFiles(page, [text('run-on.txt', `Outlet: Run On\n\n${long}`)]);
    await expect(sourceItem(page, 'Run On')).toBeVisible();
    await waitForComparison(page);
    await expect(sourceItem(page, 'Run On')).toContainText('words');
  });

  test('a 10 MB file is accepted; one over 12 MB is refused stating the limit', async ({ page }) => {
    await loadSample(page);
    await addFiles(page, [bigText(10, 'transcript.txt'), bigText(12.5, 'too-big.txt')]);
    await expect(sourceItem(page, 'transcript')).toBeVisible({ timeout: 30_000 });
    await expect(
      page.getByText('“too-big.txt” is 12.5 MB; Parallax reads files up to 12.0 MB.', { exact: false }),
    ).toBeVisible();
    // Whatever the engine makes of it, the page does not stay busy for ever.
    await expect(page.getByRole('progressbar', { name: 'Comparing' })).toHaveCount(0, { timeout: 60_000 });
  });

  test('many sources at once (40 files) are all added', async ({ page }) => {
    await loadSample(page);
    const towns = ['Arden', 'Brill', 'Corfe', 'Dunmore', 'Elgin', 'Fowey', 'Girvan', 'Hythe'];
    const files = Array.from({ length: 40 }, (_, i) =>
      text(
        `local-${i}.txt`,
        `Outlet: Local ${i}\n\n${towns[i % 8]} council approved plan ${i} on day ${i}. Residents of ${towns[(i + 3) % 8]} objected to item ${i * 7}.`,
      ),
    );
    await addFiles(page, files);
    await expect(sources(page)).toHaveCount(42, { timeout: 30_000 });
    await expect(page.getByText('Added 40 sources.')).toBeVisible();
  });

  test('the same article twice is flagged as a duplicate and not added again', async ({ page, request }) => {
    await loadSample(page);
    const scopex = await (await request.get('./sample/scopex.txt')).text();
    await addFiles(page, [text('scopex-again.txt', scopex)]);
    await expect(
      page.getByText('“scopex-again.txt” is already added as “Scopex”; it was not added again.'),
    ).toBeVisible();
    await expect(sources(page)).toHaveCount(2);
  });

  test('right-to-left, Cyrillic and CJK reports are segmented, compared and shown', async ({ page }) => {
    await loadSample(page);
    await addFiles(page, [
      text(
        'ar1.txt',
        'Outlet: الأخبار\n\nقال الرئيس إن المحادثات ستستأنف يوم الجمعة. وأضاف أن الوفد سيصل غدا.',
      ),
      text('ar2.txt', 'Outlet: اليوم\n\nقال الرئيس إن المحادثات ستستأنف يوم الجمعة. ولم يذكر تفاصيل أخرى.'),
      text('he.txt', 'Outlet: הארץ\n\nהשר אמר כי השיחות יתחדשו ביום שישי. הוא לא פירט.'),
      // One file for Cyrillic and Japanese: Side by side shows six source columns at most (2 samples + 4 here).
      text(
        'ru-ja.txt',
        'Outlet: Известия 朝日\n\nПрезидент заявил, что переговоры возобновятся в пятницу. Делегация прибудет завтра.\n\n大統領は金曜日に協議が再開されると述べた。代表団は明日到着する。',
      ),
    ]);
    for (const outlet of ['الأخبار', 'اليوم', 'הארץ', 'Известия 朝日'])
      await expect(sourceItem(page, outlet)).toBeVisible();
    await waitForComparison(page);
    await showSentence(page, 'المحادثات', 'قال الرئيس إن المحادثات ستستأنف يوم الجمعة.');
    await showSentence(page, 'השיחות', 'השר אמר כי השיחות יתחדשו ביום שישי.');
    await showSentence(page, '代表団', '代表団は明日到着する。');
    await showSentence(page, 'Делегация', 'Делегация прибудет завтра.');
  });

  test('emoji and combining characters are kept and shown exactly', async ({ page }) => {
    await loadSample(page);
    const sentence = 'Cafe\u0301 owners 👩🏽‍⚕️ and 🇺🇦 supporters protested on Friday.';
    await addFiles(page, [text('emoji.txt', `Outlet: Emoji Post\n\n${sentence} The mayor said nothing.`)]);
    await waitForComparison(page);
    await showSentence(page, 'owners', sentence);
  });

  for (const [what, content, reason] of [
    [
      'malformed',
      '{"format": "parallax-workspace", "version": 1, "sources": [,]}',
      /“bad\.json” is not a valid workspace file: its JSON is broken at line 1, column \d+\./,
    ],
    [
      'from a future version',
      JSON.stringify({ format: 'parallax-workspace', version: 99, sources: [] }),
      /“bad\.json” was made by a newer Parallax \(version 99\); this one reads up to version 1\./,
    ],
    [
      'from another program',
      JSON.stringify({ name: 'left-pad', version: '1.3.0', dependencies: {} }),
      /“bad\.json” is not a Parallax workspace; it looks like JSON from another program/,
    ],
  ] as const) {
    test(`a workspace file ${what} is refused with the reason; the current workspace is untouched`, async ({
      page,
    }) => {
      await loadSample(page);
      await waitForComparison(page);
      await page
        .getByLabel('Import workspace')
        .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(content) });
      await expect(page.getByRole('alert').filter({ hasText: reason })).toBeVisible();
      await expect(sources(page)).toHaveCount(2);
      await expect(sourceItem(page, 'Wire report')).toBeVisible();
      await expect(sourceItem(page, 'Scopex')).toBeVisible();
      // After a reload the saved workspace is the same one.
      await page.reload();
      await expect(sources(page)).toHaveCount(2);
    });
  }
});
