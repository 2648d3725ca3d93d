// @vitest-environment jsdom
import { File as NodeFile } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SourceDoc } from '../lib/workspace-model.ts';
import { MAX_FILE_BYTES } from './decode.ts';
import { ingestFiles, ingestPastedHtml, ingestPastedText, newSourceId, type IngestEnv } from './ingest.ts';
import { MAX_SOURCES } from './limits.ts';
import { serializeWorkspace } from './workspace.ts';

const wire = readFileSync('public/sample/wire-report.txt', 'utf8');
const scopex = readFileSync('public/sample/scopex.txt', 'utf8');

let n = 0;
const env: IngestEnv = { newId: () => `id${++n}`, now: () => new Date('2025-09-05T12:00:00Z') };
const file = (name: string, content: string | Uint8Array, type = 'text/plain') =>
  new File([content as BlobPart], name, { type });

/** A distinct short article per seed: words drawn by a seeded generator from a few hundred syllable words. */
function article(seed: number, words = 120): string {
  let x = (seed + 1) * 2654435761;
  const next = () => ((x = (x * 1103515245 + 12345) >>> 0), x);
  const syll = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vel', 'dor', 'in', 'ha', 'pe', 'zu'];
  const word = () => syll[next() % syll.length]! + syll[next() % syll.length]! + syll[next() % syll.length]!;
  const paras: string[] = [`Report ${seed} From The Council`];
  for (let p = 0; p < 4; p++) paras.push(Array.from({ length: words / 4 }, word).join(' ') + '.');
  return paras.join('\n\n');
}

describe('ingestFiles', () => {
  it('adds text, Markdown and HTML files with their metadata, and names each source', async () => {
    const html = `<html><head><meta property="og:site_name" content="Example News"></head><body><article><h1>Storm Hits Coast</h1>${'<p>The storm hit the coast on Tuesday, officials said, and thousands lost power overnight.</p>'.repeat(4)}</article></body></html>`;
    const r = await ingestFiles(
      [
        file('wire-report.txt', wire),
        file(
          'notes.md',
          '# Budget Vote Delayed\n\nThe council **delayed** the [budget](https://x.example) vote.',
        ),
        file('page.html', html, 'text/html'),
      ],
      [],
      env,
    );
    expect(r.problems).toEqual([]);
    expect(r.added.map((s) => [s.outlet, s.title, s.origin])).toEqual([
      // The wire report opens with its lede, a full sentence: no headline, no title.
      ['wire-report', undefined, { kind: 'file', fileName: 'wire-report.txt' }],
      ['notes', 'Budget Vote Delayed', { kind: 'file', fileName: 'notes.md' }],
      ['Example News', 'Storm Hits Coast', { kind: 'file', fileName: 'page.html' }],
    ]);
    expect(r.added[1]!.text).toBe('Budget Vote Delayed\n\nThe council delayed the budget vote.');
    expect(r.added[0]).toMatchObject({ restored: [], addedAt: '2025-09-05T12:00:00.000Z' });
  });

  it('refuses binary files by name and reason, and still adds the others', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj');
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]);
    const r = await ingestFiles(
      [file('photo.png', png), file('renamed.txt', pdf), file('bundle.zip', zip), file('wire.txt', wire)],
      [],
      env,
    );
    expect(r.added.map((s) => s.outlet)).toEqual(['wire']);
    expect(r.problems.map((p) => [p.input, p.severity])).toEqual([
      ['photo.png', 'error'],
      ['renamed.txt', 'error'],
      ['bundle.zip', 'error'],
    ]);
    expect(r.problems[0]!.message).toMatch(/“photo\.png” is a PNG image, not text/);
    expect(r.problems[1]!.message).toMatch(/“renamed\.txt” is a PDF document/);
    expect(r.problems[2]!.message).toMatch(/“bundle\.zip” is a ZIP archive/);
  });

  it('refuses empty and whitespace-only files', async () => {
    const r = await ingestFiles([file('empty.txt', ''), file('blank.txt', ' \n\t\r\n  ')], [], env);
    expect(r.added).toEqual([]);
    expect(r.problems.map((p) => p.message)).toEqual([
      '“empty.txt” is empty.',
      '“blank.txt” has only spaces and blank lines, no text.',
    ]);
  });

  it('accepts a 10 MB file and refuses one over the limit, stating the limit', async () => {
    const para = 'The committee heard evidence from witnesses about the harbour project and its costs. ';
    const ten = (para.repeat(Math.ceil((10 * 1024 * 1024) / para.length)) + '\n').slice(0, 10 * 1024 * 1024);
    const over = 'x'.repeat(MAX_FILE_BYTES + 10);
    // Node's File for the big ones: jsdom's Blob copies byte by byte and takes seconds for 10 MB.
    const big = (name: string, content: string) => new NodeFile([content], name) as unknown as File;
    const r = await ingestFiles([big('transcript.txt', ten), big('dump.txt', over)], [], env);
    expect(r.added).toHaveLength(1);
    expect(r.added[0]!.text.length).toBe(10 * 1024 * 1024);
    expect(r.problems).toEqual([
      {
        input: 'dump.txt',
        severity: 'error',
        message: expect.stringMatching(/“dump\.txt” is 12\.0 MB; Parallax reads files up to 12\.0 MB/),
      },
    ]);
  });

  it('normalises CRLF and CR line ends, and reads UTF-16 with a BOM and Windows-1252', async () => {
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from('Привет\r\nмир').flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    const cp1252 = new Uint8Array([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x0d, 0x6f, 0x6b]);
    const r = await ingestFiles(
      [
        file('crlf.txt', 'One\r\n\r\nTwo'),
        file('cr.txt', 'Alpha\rBeta'),
        file('u16.txt', utf16),
        file('old.txt', cp1252),
      ],
      [],
      env,
    );
    expect(r.added.map((s) => s.text)).toEqual(['One\n\nTwo', 'Alpha\nBeta', 'Привет\nмир', '“Café”\nok']);
    expect(r.problems).toEqual([
      { input: 'old.txt', severity: 'warning', message: expect.stringMatching(/Windows-1252/) },
    ]);
  });

  it('keeps a single 50,000-character sentence without punctuation whole', async () => {
    const long = 'word'.repeat(12_500);
    const r = await ingestFiles([file('run-on.txt', long)], [], env);
    expect(r.added[0]!.text).toBe(long);
  });

  it('flags the same article twice: not added again, “already added as …”', async () => {
    const first = await ingestFiles([file('scopex.txt', scopex)], [], env);
    const again = await ingestFiles(
      [file('scopex copy.txt', scopex.replace(/\n/g, '\r\n').toUpperCase())],
      first.added,
      env,
    );
    expect(again.added).toEqual([]);
    expect(again.problems).toEqual([
      {
        input: 'scopex copy.txt',
        severity: 'warning',
        message: '“scopex copy.txt” is already added as “scopex”; it was not added again.',
      },
    ]);
    // Within one batch too.
    const both = await ingestFiles([file('a.txt', wire), file('b.txt', wire)], [], env);
    expect(both.added).toHaveLength(1);
    expect(both.problems[0]!.message).toMatch(/already added as “a”/);
  });

  it('adds a near-duplicate (>= 95% the same words) with a warning', async () => {
    const first = await ingestFiles([file('wire.txt', wire)], [], env);
    const edited = wire.replace('Friday', 'Thursday');
    const r = await ingestFiles([file('wire-edited.txt', edited)], first.added, env);
    expect(r.added).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({
      severity: 'warning',
      message: expect.stringMatching(/looks like an article already added as “wire” \(9\d% the same words\)/),
    });
  });

  it('opens a workspace file, refuses foreign JSON, and only one workspace at a time', async () => {
    const ws = serializeWorkspace({
      sources: [
        {
          id: 'x',
          outlet: 'Kept',
          text: 'Kept text.',
          restored: [],
          origin: { kind: 'paste' },
          addedAt: '2025-01-01T00:00:00Z',
        },
      ],
      options: { threshold: null, referenceSourceId: null, cleaning: true },
      corrections: [],
    });
    const r = await ingestFiles(
      [file('ws.json', ws), file('package.json', '{"name":"x"}'), file('ws2.json', ws)],
      [],
      env,
    );
    expect(r.workspace?.sources[0]!.outlet).toBe('Kept');
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/“package\.json” is not a Parallax workspace/),
      'Only one workspace can be opened at a time; “ws2.json” was not opened.',
    ]);
  });

  it('stops at the source limit and says so', async () => {
    const existing: SourceDoc[] = Array.from({ length: MAX_SOURCES - 1 }, (_, i) => ({
      id: `e${i}`,
      outlet: `E${i}`,
      text: article(i),
      restored: [],
      origin: { kind: 'paste' },
      addedAt: '2025-01-01T00:00:00Z',
    }));
    const r = await ingestFiles(
      [file('last.txt', article(1000)), file('one-too-many.txt', article(1001))],
      existing,
      env,
    );
    expect(r.added.map((s) => s.outlet)).toEqual(['last']);
    expect(r.problems).toEqual([
      {
        input: 'one-too-many.txt',
        severity: 'error',
        message: '“one-too-many.txt” was not added: a workspace holds up to 200 sources. Remove some first.',
      },
    ]);
  });

  it('ingests 200 distinct sources in one batch', async () => {
    const files = Array.from({ length: MAX_SOURCES }, (_, i) => file(`s${i}.txt`, article(i)));
    const r = await ingestFiles(files, [], env);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.added.length + r.problems.length).toBe(MAX_SOURCES);
    expect(new Set(r.added.map((s) => s.id)).size).toBe(r.added.length);
  });
});

describe('ingestPastedText / ingestPastedHtml', () => {
  it('uses the Outlet and Title fields over what the text says, keeping the text', () => {
    const r = ingestPastedText(
      'Outlet: From Text\n\nHeadline Words Here\n\nBody.',
      { outlet: ' Daily  Bugle ', title: '' },
      [],
      env,
    );
    expect(r.problems).toEqual([]);
    expect(r.added).toMatchObject({
      outlet: 'Daily Bugle',
      title: 'Headline Words Here',
      text: 'Headline Words Here\n\nBody.',
      origin: { kind: 'paste' },
    });
  });

  it('numbers unnamed pasted sources', () => {
    const r = ingestPastedText('just one sentence.', {}, [], env);
    expect(r.added?.outlet).toBe('Source 1');
  });

  it('refuses empty and whitespace-only pastes', () => {
    expect(ingestPastedText('', {}, [], env).problems[0]!.message).toBe('The pasted text is empty.');
    expect(ingestPastedText('  \n\u00a0 \t', {}, [], env).problems[0]!.message).toBe(
      'The pasted text has only spaces and blank lines, no text.',
    );
  });

  it('strips control and bidi-override characters from the Outlet field', () => {
    const r = ingestPastedText('Body text.', { outlet: 'Evil\u202Etxt.exe\u0000' }, [], env);
    expect(r.added?.outlet).toBe('Evil txt.exe');
  });

  it('pasted HTML is sanitised and reduced to text; a script never runs', () => {
    const r = ingestPastedHtml(
      '<p>Talks resumed <img src=x onerror="window.__xss=1">in Geneva on Monday.</p><script>window.__xss=2</script>',
      {},
      [],
      env,
    );
    expect(r.added?.text).toBe('Talks resumed in Geneva on Monday.');
    expect(r.added?.origin).toEqual({ kind: 'paste-html' });
    expect((window as unknown as Record<string, unknown>).__xss).toBeUndefined();
  });

  it('keeps Arabic, Hebrew, Cyrillic, CJK, emoji and combining characters exactly', () => {
    const text = 'قال الرئيس. אמר השר. Министр сказал. 首相が述べた。 👩🏽‍⚕️ cafe\u0301';
    expect(ingestPastedText(text, {}, [], env).added?.text).toBe(text);
  });
});

describe('newSourceId', () => {
  it('makes v4 UUIDs, also without crypto.randomUUID', () => {
    expect(newSourceId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const original = crypto.randomUUID;
    try {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      expect(newSourceId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
