// Hostile input properties of the engine (issue 6, "Acceptance"): for arbitrary Unicode, `compare` never throws,
// every offset round-trips into the text the user gave, results are deterministic, and independent of the order in
// which the sources are given. Two generators: raw code points (anything at all, lone surrogates and NULs included)
// and a "newsy" alphabet of fragments in many scripts with the punctuation the segmenter and quote finder react to,
// so the properties also exercise sentences, quotes, speakers and alignment, not just the empty path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from './compare.ts';
import type { Comparison, SourceInput } from './model.ts';

const FRAGMENTS = [
  'Putin', 'Zelenskiy', 'Zelenskyy', 'Macron', 'said', 'warned', 'told reporters', 'according to', 'the', 'troops',
  'on Friday', 'on Monday', '26 countries', '35 leaders', 'U.S.', 'Mr.', 'Gen.', 'Sept. 5', '3.5%', '...', '…',
  'VLADIVOSTOK, Sept 5 (Reuters) -', 'Путин заявил', 'войска', 'Київ', 'القوات', 'قال الرئيس', 'השר אמר', 'שלום',
  '東京', '首相は述べた', '。', '、', '，', '한국', '🙂', '👩🏽‍⚕️', '🇺🇦', 'e\u0301', 'a\u0308\u0304', '\u200f', '\u200b',
  '\u202e', '\ufeff', '\u0000', '\ud800', '\udc00', '"', '“', '”', '«', '»', '„', '‘', '’', "'", '.', '!', '?', ':',
  ';', ',', '-', '—', '(', ')', ' ', ' ', ' ', '\n', '\n\n', '\t', '\u00a0', '\u2028', 'Don’t Miss', 'Related:',
  'Read more', 'Photo: AP', 'Subscribe to our newsletter',
]; // prettier-ignore

const newsyText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((parts) => parts.join(' '));
const rawText = fc.string({ unit: 'binary', maxLength: 200 });
const surrogateSoup = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 120,
});
const anyText = fc.oneof(newsyText, newsyText, rawText, surrogateSoup);

const sourcesArb = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-z0-9]{1,6}$/),
      outlet: fc.oneof(
        fc.constantFrom('Wire', 'Scopex', 'وكالة', 'ТАСС', '新聞'),
        fc.string({ maxLength: 12 }),
      ),
      text: anyText,
    }),
    { minLength: 1, maxLength: 5, selector: (s) => s.id },
  )
  .map((list): SourceInput[] => list);

function checkOffsets(sources: readonly SourceInput[], c: Comparison): void {
  const text = new Map(sources.map((s) => [s.id, s.text]));
  for (const u of c.units) {
    const t = text.get(u.sourceId);
    expect(t, `unit ${u.id} names a known source`).toBeDefined();
    expect(u.start).toBeGreaterThanOrEqual(0);
    expect(u.end).toBeGreaterThanOrEqual(u.start);
    expect(t!.slice(u.start, u.end)).toBe(u.text);
  }
  for (const q of c.quotes) expect(text.get(q.sourceId)!.slice(q.start, q.end)).toBe(q.text);
  for (const s of c.sources) {
    for (const r of s.removals) expect(text.get(s.id)!.slice(r.start, r.end)).toBe(r.text);
    expect(s.length).toBe(text.get(s.id)!.length);
  }
  // Every unit in exactly one group.
  const seen = new Map<string, number>();
  for (const g of c.groups) for (const id of g.unitIds) seen.set(id, (seen.get(id) ?? 0) + 1);
  for (const u of c.units) expect(seen.get(u.id), `unit ${u.id} in exactly one group`).toBe(1);
}

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let x = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) >>> 0;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('compare on hostile Unicode', () => {
  it('never throws, and every offset round-trips into the original text', () => {
    fc.assert(
      fc.property(sourcesArb, (sources) => {
        const c = compare(sources);
        checkOffsets(sources, c);
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic and independent of source order', () => {
    fc.assert(
      fc.property(sourcesArb, fc.nat(), (sources, seed) => {
        const first = JSON.stringify(compare(sources));
        expect(JSON.stringify(compare(sources))).toBe(first);
        expect(JSON.stringify(compare(shuffled(sources, seed)))).toBe(first);
      }),
      { numRuns: 60 },
    );
  });

  it('copes with a 50,000-character sentence without punctuation and with long runs of one character', () => {
    const long = Array.from({ length: 10_000 }, (_, i) => ['word', 'слово', 'كلمة', '词', 'mot'][i % 5]).join(
      ' ',
    );
    const sources: SourceInput[] = [
      { id: 'a', outlet: 'A', text: long },
      { id: 'b', outlet: 'B', text: 'x'.repeat(50_000) },
      { id: 'c', outlet: 'C', text: '.'.repeat(5_000) + '"'.repeat(5_000) + '\n'.repeat(5_000) },
    ];
    const c = compare(sources);
    checkOffsets(sources, c);
  });

  it('segments and aligns Arabic, Hebrew, Cyrillic and CJK reports of one event', () => {
    const sources: SourceInput[] = [
      {
        id: 'ar1',
        outlet: 'عربي',
        text: 'قال الرئيس إن المحادثات ستستأنف يوم الجمعة. وأضاف أن الوفد سيصل غدا.',
      },
      {
        id: 'ar2',
        outlet: 'عربي ٢',
        text: 'قال الرئيس إن المحادثات ستستأنف يوم الجمعة. ولم يذكر تفاصيل أخرى.',
      },
      { id: 'he', outlet: 'עברית', text: 'השר אמר כי השיחות יתחדשו ביום שישי. הוא לא פירט.' },
      {
        id: 'ru',
        outlet: 'Русский',
        text: 'Президент заявил, что переговоры возобновятся в пятницу. Делегация прибудет завтра.',
      },
      {
        id: 'ja',
        outlet: '日本語',
        text: '大統領は金曜日に協議が再開されると述べた。代表団は明日到着する。',
      },
    ];
    const c = compare(sources);
    checkOffsets(sources, c);
    for (const id of ['ar1', 'he', 'ru', 'ja'])
      expect(
        c.units.filter((u) => u.sourceId === id && u.kind === 'sentence').length,
        id,
      ).toBeGreaterThanOrEqual(2);
    const ar1 = c.units.find((u) => u.sourceId === 'ar1' && u.text.startsWith('قال'))!;
    const group = c.groups.find((g) => g.unitIds.includes(ar1.id))!;
    expect(group.sourceIds).toContain('ar2');
  });

  it('keeps offsets right around emoji and combining characters', () => {
    const text = 'Cafe\u0301 owners 👩🏽‍⚕️ protested on Friday. “We are 🇺🇦 here,” said Zelenskiy. The end\u0308.';
    const sources: SourceInput[] = [
      { id: 'a', outlet: 'A', text },
      { id: 'b', outlet: 'B', text: text.replace('Friday', 'Monday') },
    ];
    const c = compare(sources);
    checkOffsets(sources, c);
    expect(c.units.some((u) => u.text.includes('👩🏽‍⚕️'))).toBe(true);
  });
});
