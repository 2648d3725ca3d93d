import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildReport,
  forEachStoryWord,
  forEachStoryWordByRegex,
  shingleIdsOf,
  verbatimOverlap,
  type ReportInput,
} from './report.ts';
import type { Group, Pair, Position, Quote, QuoteGroup, SourceInfo, Unit } from '../model.ts';

function source(id: string, text: string, removals: SourceInfo['removals'] = []): SourceInfo {
  return { id, outlet: id.toUpperCase(), length: text.length, wordCount: 0, paragraphs: [], removals };
}
function unit(sourceId: string, index: number, text: string, position: Position = 'body'): Unit {
  return {
    id: `${sourceId}:u${index}`,
    sourceId,
    index,
    kind: 'sentence',
    text,
    start: 0,
    end: text.length,
    paragraph: index,
    position,
  };
}
function group(id: string, units: readonly Unit[], all: readonly string[]): Group {
  const sourceIds = [...new Set(units.map((u) => u.sourceId))].sort();
  return {
    id,
    unitIds: units.map((u) => u.id),
    score: 1,
    sourceIds,
    omittedBy: all.filter((s) => !sourceIds.includes(s)),
    relation: null,
    hasQuote: false,
    kind: 'sentence',
  };
}
function pair(a: Unit, b: Unit, relation: Pair['relation']): Pair {
  return {
    id: `${a.id}~${b.id}`,
    a: a.id,
    b: b.id,
    score: 0.8,
    relation,
    diff: [],
    diffComplete: true,
    discrepancies:
      relation === 'conflicting'
        ? [
            {
              kind: 'weekday',
              a: { text: 'Friday', start: 0, end: 6 },
              b: { text: 'Monday', start: 0, end: 6 },
            },
          ]
        : [],
  };
}
function quote(
  id: string,
  sourceId: string,
  start: number,
  speaker: string | null,
  kind: Quote['kind'] = 'speech',
): Quote {
  return {
    id,
    sourceId,
    unitId: `${sourceId}:u0`,
    unitIds: [`${sourceId}:u0`],
    start,
    end: start + 3,
    text: 'abc',
    kind,
    speaker,
    verb: 'said',
  };
}

const ids = ['a', 'b', 'c'];
const a0 = unit('a', 0, 'Headline', 'headline');
const a1 = unit('a', 1, 'Only in a');
const b0 = unit('b', 0, 'Lede', 'lede');
const b1 = unit('b', 1, 'Only in b');
const c0 = unit('c', 0, 'Body');
const g1 = group('g1', [a0, b0, c0], ids);
const gA = group('gA', [a1], ids);
const gB = group('gB', [b1], ids);
const input: ReportInput = {
  sources: ids.map((id) => source(id, '')),
  units: [a0, a1, b0, b1, c0],
  quotes: [
    quote('b:q0', 'b', 5, 'sp:putin'),
    quote('a:q0', 'a', 9, 'sp:putin'),
    quote('c:q0', 'c', 1, 'sp:zelenskiy'),
    quote('c:q1', 'c', 8, null),
    quote('a:q1', 'a', 1, null, 'term'),
  ],
  // Deliberately not in row order.
  groups: [gB, gA, g1],
  quoteGroups: [
    { id: 'qg1', quoteIds: ['c:q0'], speaker: 'sp:zelenskiy', score: 1 },
    { id: 'qg2', quoteIds: ['a:q0', 'b:q0'], speaker: 'sp:putin', score: 0.9 },
    { id: 'qg3', quoteIds: ['c:q1'], speaker: null, score: 1 },
    { id: 'qg4', quoteIds: ['a:q1'], speaker: null, score: 1 },
  ] satisfies QuoteGroup[],
  pairs: [pair(a0, b0, 'minor'), pair(a0, c0, 'conflicting')],
  texts: new Map(),
};

describe('buildReport', () => {
  const r = buildReport(input);
  it('orders coverage rows by first appearance: first source order, then the others', () => {
    expect(r.coverage.groupIds).toEqual(['g1', 'gA', 'gB']);
    expect(r.coverage.sourceIds).toEqual(ids);
  });
  it('marks cells present, absent and conflicting', () => {
    expect(r.coverage.cells).toEqual([
      ['conflicting', 'present', 'conflicting'],
      ['present', 'absent', 'absent'],
      ['absent', 'present', 'absent'],
    ]);
  });
  it('lists only-here and omitted claims, coverage share and placement per source', () => {
    const [ra, rb, rc] = r.perSource;
    expect(ra).toEqual({
      sourceId: 'a',
      onlyHere: ['gA'],
      omitted: ['gB'],
      coverageShare: 2 / 3,
      placement: { headline: 1, lede: 0, body: 0 },
    });
    expect(rb!.placement).toEqual({ headline: 0, lede: 1, body: 0 });
    expect(rc).toMatchObject({ onlyHere: [], omitted: ['gA', 'gB'], coverageShare: 1 / 3 });
  });
  it('builds the ledger by speaker, most quoted first, unattributed last, terms left out', () => {
    expect(r.ledger).toEqual([
      { speaker: 'sp:putin', quoteGroupIds: ['qg2'] },
      { speaker: 'sp:zelenskiy', quoteGroupIds: ['qg1'] },
      { speaker: null, quoteGroupIds: ['qg3'] },
    ]);
  });
  it('lists discrepancies with their group and pair', () => {
    expect(r.discrepancies.map((d) => [d.groupId, d.pairId])).toEqual([['g1', 'a:u0~c:u0']]);
  });
  it('does not depend on the order of groups and quote groups', () => {
    const shuffled = buildReport({
      ...input,
      groups: [...input.groups].reverse(),
      quoteGroups: [...input.quoteGroups].reverse(),
    });
    expect(shuffled).toEqual(r);
  });
  it('gives the same report with the unit index supplied by the caller', () => {
    const unitIndex = new Map(input.units.map((u, k) => [u.id, k]));
    expect(buildReport({ ...input, unitIndex })).toEqual(r);
  });
  it('has no only-here claims with a single source', () => {
    const one = buildReport({
      ...input,
      sources: [source('a', '')],
      units: [a0, a1],
      groups: [group('x', [a0], ['a']), group('y', [a1], ['a'])],
      pairs: [],
    });
    expect(one.perSource[0]).toMatchObject({ onlyHere: [], omitted: [], coverageShare: 1 });
  });
});

describe('verbatimOverlap', () => {
  const wire =
    'Russian President Vladimir Putin said on Friday that any Western troops deployed in Ukraine would be legitimate targets.';
  it('finds runs of eight or more identical words (wire copy), ignoring case and punctuation', () => {
    const copy = `In Vladivostok, ${wire.toUpperCase().replace(/,/g, '')} Others disagreed.`;
    const [v] = verbatimOverlap(
      [source('a', wire), source('b', copy)],
      [],
      new Map([
        ['a', wire],
        ['b', copy],
      ]),
    );
    expect(v).toEqual({ a: 'a', b: 'b', share: 1 });
  });
  it('ignores runs shorter than eight words', () => {
    const t1 = 'one two three four five six seven alpha beta gamma';
    const t2 = 'one two three four five six seven delta epsilon';
    expect(
      verbatimOverlap(
        [source('a', t1), source('b', t2)],
        [],
        new Map([
          ['a', t1],
          ['b', t2],
        ]),
      )[0]!.share,
    ).toBe(0);
  });
  it('skips removed passages that were not put back', () => {
    const text = `${wire} BIO`;
    const removal = {
      id: 'a:rm:0',
      sourceId: 'a',
      kind: 'author-bio' as const,
      reason: 'bio',
      text: wire,
      start: 0,
      end: wire.length,
      restored: false,
    };
    const [v] = verbatimOverlap(
      [source('a', text, [removal]), source('b', wire)],
      [],
      new Map([
        ['a', text],
        ['b', wire],
      ]),
    );
    expect(v!.share).toBe(0);
  });
  it('matches a brute-force count on random texts with many repeats', () => {
    const naive = (x: string[], y: string[]): number => {
      const [short, other] = x.length <= y.length ? [x, y] : [y, x];
      if (short.length === 0) return 0;
      const win = new Set<string>();
      for (let i = 0; i + 8 <= other.length; i++) win.add(other.slice(i, i + 8).join(' '));
      const covered = new Array<boolean>(short.length).fill(false);
      for (let i = 0; i + 8 <= short.length; i++)
        if (win.has(short.slice(i, i + 8).join(' '))) for (let k = i; k < i + 8; k++) covered[k] = true;
      return covered.filter(Boolean).length / short.length;
    };
    const text = fc.array(fc.constantFrom('a', 'b'), { minLength: 0, maxLength: 60 });
    fc.assert(
      fc.property(fc.array(text, { minLength: 2, maxLength: 4 }), (docs) => {
        const srcs = docs.map((d, i) => source(`s${i}`, d.join(' ')));
        const texts = new Map(docs.map((d, i) => [`s${i}`, d.join(' ')]));
        const got = verbatimOverlap(srcs, [], texts);
        let k = 0;
        for (let i = 0; i < docs.length; i++)
          for (let j = i + 1; j < docs.length; j++)
            expect(got[k++]!.share).toBeCloseTo(naive(docs[i]!, docs[j]!), 10);
      }),
      { numRuns: 200 },
    );
  });

  it('is symmetric in the order of sources', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 40 }),
        fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 40 }),
        (x, y) => {
          const t1 = x.join(' ');
          const t2 = y.join(' ');
          const texts = new Map([
            ['s1', t1],
            ['s2', t2],
          ]);
          const f = verbatimOverlap([source('s1', t1), source('s2', t2)], [], texts)[0]!;
          const g = verbatimOverlap([source('s2', t2), source('s1', t1)], [], texts)[0]!;
          expect(f.share).toBe(g.share);
          expect(f.share).toBeGreaterThanOrEqual(0);
          expect(f.share).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('forEachStoryWord', () => {
  it('finds the words the STORY_WORD regexes find, apostrophes, digits, accents and astral letters included', () => {
    const spans = (f: typeof forEachStoryWord, t: string) => {
      const out: number[] = [];
      f(t, (s, e) => out.push(s, e));
      return out;
    };
    const alphabet = fc.constantFrom(..."ab9'’ -.,é\u0301Ω\u00a0\n𝐀\u0663".split(''), '𝐀', "''", "x'y");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
        const t = parts.join('');
        expect(spans(forEachStoryWord, t)).toEqual(spans(forEachStoryWordByRegex, t));
      }),
      { numRuns: 3000 },
    );
    const bmp = fc.constantFrom(..."ab9'’ -.,é\u0301Ω\u00a0\n\u0663\u3042_".split(''), "''", "x'y");
    fc.assert(
      fc.property(fc.array(bmp, { maxLength: 40 }), (parts) => {
        const t = parts.join('');
        expect(spans(forEachStoryWord, t)).toEqual(spans(forEachStoryWordByRegex, t));
      }),
      { numRuns: 3000 },
    );
    expect(spans(forEachStoryWord, "it's a 3'4 rock'n'roll ' x'")).toEqual(
      spans(forEachStoryWordByRegex, "it's a 3'4 rock'n'roll ' x'"),
    );
  });
});

describe('shingleIdsOf', () => {
  it('numbers the distinct windows of eight words in order of first appearance', () => {
    const naive = (stories: number[][]): number[][] => {
      const ids = new Map<string, number>();
      return stories.map((w) => {
        const out: number[] = [];
        for (let i = 0; i + 8 <= w.length; i++) {
          const key = w.slice(i, i + 8).join(' ');
          let id = ids.get(key);
          if (id === undefined) ids.set(key, (id = ids.size));
          out.push(id);
        }
        return out;
      });
    };
    // Stories pieced together from a few shared passages and odd words: windows repeat, in other stories and
    // within one, and runs of them diverge, as in wire copy.
    const word = fc.integer({ min: 0, max: 2 });
    const passages = fc.array(fc.array(word, { minLength: 1, maxLength: 14 }), {
      minLength: 1,
      maxLength: 4,
    });
    const pieces = fc.array(
      fc.oneof(
        fc.nat(3),
        word.map((w) => [w]),
      ),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(passages, fc.array(pieces, { minLength: 1, maxLength: 5 }), (shared, plans) => {
        const stories = plans.map((plan) =>
          plan.flatMap((p) => (typeof p === 'number' ? shared[p % shared.length]! : p)),
        );
        expect(shingleIdsOf(stories)).toEqual(naive(stories));
      }),
      { numRuns: 1000 },
    );
  });
});
