import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CleanedText, main, type CliIo } from './compare.ts';
import { idsForFiles, sourceFromBytes } from './read-source.ts';
import type { Removal } from '../core/model.ts';

const dir = join(import.meta.dirname, '__fixtures__');
const f = (name: string) => join(dir, name);

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string>();
  const io: CliIo = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    writeFile: async (p, d) => void written.set(p, d),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, written };
}

interface JsonOut {
  format: string;
  version: number;
  sources: {
    id: string;
    file: string;
    outlet: string;
    title?: string;
    text: string;
    removed: { text: string; reason: string }[];
  }[];
  units: { id: string; sourceId: string; text: string; start: number; end: number; kind: string }[];
  groups: { id: string; unitIds: string[]; score: number }[];
  quotes: {
    id: string;
    sourceId: string;
    unitId: string;
    text: string;
    speaker: string | null;
    verb: string | null;
    start: number;
    end: number;
  }[];
  quoteGroups: { id: string; quoteIds: string[] }[];
  pairs: { a: string; b: string; relation: string; diff: { op: string; text: string }[] }[];
  report: { coverage: { groupIds: string[] } };
}

describe('parallax compare CLI', () => {
  const articles = [f('river-gazette.txt'), f('valley-news.md'), f('city-desk.html')];

  it('writes versioned JSON whose offsets point into each cleaned story', async () => {
    const { code, stdout, stderr } = await run(articles);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as JsonOut;
    expect(out).toMatchObject({ format: 'parallax-comparison', version: 1 });
    expect(out.sources.map((s) => [s.id, s.outlet, s.file])).toEqual([
      ['city-desk', 'city-desk', f('city-desk.html')],
      ['river-gazette', 'River Gazette', f('river-gazette.txt')],
      ['valley-news', 'Valley News', f('valley-news.md')],
    ]);
    const text = new Map(out.sources.map((s) => [s.id, s.text]));
    // The header lines are metadata, not story; the "Read more" line is removed and listed.
    const gazette = out.sources.find((s) => s.id === 'river-gazette')!;
    expect(gazette.title).toBe('Floods force 1,200 from homes in Lindenau');
    expect(gazette.text).not.toContain('Outlet:');
    expect(gazette.text).not.toContain('Heatwave');
    expect(gazette.removed.map((r) => r.text.trim())).toContain(
      'Read more: Heatwave warning for the weekend',
    );
    // The HTML adapter dropped the script and the navigation.
    expect(text.get('city-desk')).not.toMatch(/alert|Home/);
    for (const u of out.units) expect(text.get(u.sourceId)!.slice(u.start, u.end)).toBe(u.text);
    for (const q of out.quotes) expect(text.get(q.sourceId)!.slice(q.start, q.end)).toBe(q.text);
    // Every unit is in exactly one group.
    const seen = out.groups.flatMap((g) => g.unitIds).sort();
    expect(seen).toEqual(out.units.map((u) => u.id).sort());
    // Diffs round-trip.
    const unitText = new Map(out.units.map((u) => [u.id, u.text]));
    for (const p of out.pairs) {
      expect(
        p.diff
          .filter((d) => d.op !== 'insert')
          .map((d) => d.text)
          .join(''),
      ).toBe(unitText.get(p.a));
      expect(
        p.diff
          .filter((d) => d.op !== 'delete')
          .map((d) => d.text)
          .join(''),
      ).toBe(unitText.get(p.b));
    }
    // The mayor's words are one quote group across the three outlets.
    const vogel = out.quotes.filter((q) => q.text.includes('doing everything we can'));
    expect(vogel).toHaveLength(3);
    expect(new Set(vogel.map((q) => q.speaker))).toEqual(new Set(['Petra Vogel']));
    const qg = out.quoteGroups.find((g) => g.quoteIds.includes(vogel[0]!.id))!;
    expect(qg.quoteIds.sort()).toEqual(vogel.map((q) => q.id).sort());
  });

  it('gives the same JSON whatever the order of the files', async () => {
    const a = await run(articles);
    const b = await run([...articles].reverse());
    expect(b.stdout).toBe(a.stdout);
  });

  it('writes a Markdown report with every section', async () => {
    const { code, stdout } = await run(['--format', 'md', ...articles]);
    expect(code).toBe(0);
    for (const heading of [
      '# Parallax comparison',
      '## Sources',
      '### What cleaning removed',
      '## Shared claims',
      '## Only in River Gazette',
      '## Quote ledger',
      '### Petra Vogel',
      '## Discrepancies',
      '## Verbatim overlap (wire copy)',
    ])
      expect(stdout).toContain(heading);
    expect(stdout).toContain('Read more: Heatwave warning for the weekend');
  });

  it('writes to --out instead of standard output', async () => {
    const { code, stdout, written } = await run(['--out', 'report.md', '--format=md', ...articles]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(written.get('report.md')).toContain('# Parallax comparison');
  });

  it('refuses binary, empty and missing files with one line each naming the file', async () => {
    const { code, stdout, stderr } = await run([
      f('river-gazette.txt'),
      f('photo.txt'),
      f('empty.txt'),
      f('missing.txt'),
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toEqual([
      `parallax: “${f('photo.txt')}” is a PNG image, not text. Parallax reads text, not pictures of text.`,
      `parallax: “${f('empty.txt')}” is empty.`,
      `parallax: “${f('missing.txt')}” cannot be read: there is no such file.`,
    ]);
  });

  it('explains bad usage with exit code 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['--format', 'xml', 'a.txt'])).stderr).toContain('--format must be json or md');
    expect((await run(['--verbose', 'a.txt'])).stderr).toContain('unknown option --verbose');
    expect((await run(['--help'])).stdout).toContain('usage:');
  });

  it('exits non-zero from a real process on an unreadable file', async () => {
    const exec = promisify(execFile);
    const err = await exec(process.execPath, ['--import', 'tsx', 'src/cli/compare.ts', f('photo.txt')], {
      cwd: join(import.meta.dirname, '../..'),
    }).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 1 });
    expect((err as { stderr: string }).stderr).toContain('photo.txt” is a PNG image');
  });
});

describe('read-source', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('takes the outlet and title from header lines, else the outlet from the file name', () => {
    const withHeader = sourceFromBytes(
      'x/a.txt',
      bytes('Outlet: Daily Planet\nTitle: Big news\n\nStory here.'),
      'a',
    );
    expect(withHeader).toMatchObject({
      ok: true,
      source: { outlet: 'Daily Planet', title: 'Big news', text: 'Story here.' },
    });
    const bare = sourceFromBytes('x/wire-report.txt', bytes('Story here. And more.'), 'w');
    expect(bare).toMatchObject({ ok: true, source: { outlet: 'wire-report', file: 'x/wire-report.txt' } });
  });
  it('refuses a PDF and a file of blank lines', () => {
    expect(sourceFromBytes('a.txt', bytes('%PDF-1.7\n...'), 'a')).toMatchObject({
      ok: false,
      message: expect.stringContaining('PDF'),
    });
    expect(sourceFromBytes('a.txt', bytes('\n\n  \n'), 'a')).toMatchObject({
      ok: false,
      message: expect.stringContaining('“a.txt”'),
    });
  });
  it('makes unique ids from file names', () => {
    expect(idsForFiles(['a/Wire Report.txt', 'b/wire-report.html', 'c.md'])).toEqual([
      'wire-report',
      'wire-report-2',
      'c',
    ]);
  });
});

describe('CleanedText', () => {
  const rm = (start: number, end: number, restored = false): Removal => ({
    id: `s:rm:${start}`,
    sourceId: 's',
    kind: 'advert',
    reason: 'Advert',
    text: '',
    start,
    end,
    restored,
  });
  it('cuts removals that were not put back and maps offsets around them', () => {
    const original = 'Keep AD one. BIO Keep two.';
    const c = new CleanedText(original, [rm(5, 8), rm(13, 17), rm(0, 1, true)]);
    expect(c.text).toBe('Keep one. Keep two.');
    expect(c.map(8)).toBe(5); // "one"
    expect(c.text.slice(c.map(17), c.map(21))).toBe('Keep');
    expect(c.map(6)).toBe(5); // inside a cut: where the cut was
  });
  it('merges overlapping removals', () => {
    const c = new CleanedText('0123456789', [rm(2, 5), rm(4, 7)]);
    expect(c.text).toBe('01789');
    expect(c.map(8)).toBe(3);
  });
});
