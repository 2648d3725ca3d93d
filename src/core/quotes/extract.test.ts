import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanSource } from '../clean/clean.ts';
import { DEFAULT_OPTIONS } from '../options.ts';
import { segmentSource } from '../segment/segment.ts';
import type { Unit } from '../model.ts';
import {
  BEFORE_BLOCKERS,
  blockerBefore,
  capitalisedBeforeVerbsOfText,
  extractQuotes,
  speechSubjectWords,
  unitScan,
} from './extract.ts';
import { findQuoteSpans } from './marks.ts';

const seed = (f: string): string =>
  readFileSync(new URL(`../../../public/sample/${f}`, import.meta.url), 'utf8');
const quotes = (text: string, id = 's') => {
  const input = { id, outlet: id, text };
  const seg = segmentSource(input, cleanSource(input, DEFAULT_OPTIONS.clean), DEFAULT_OPTIONS.segment);
  return extractQuotes(input, seg.units, DEFAULT_OPTIONS.quotes);
};
const find = (qs: ReturnType<typeof quotes>, start: string) => {
  const q = qs.find((x) => x.text.startsWith(start));
  if (!q) throw new Error(`no quote starting “${start}”`);
  return q;
};
const marks = (text: string) =>
  findQuoteSpans(text, [{ start: 0, end: text.length }]).map((q) => text.slice(q.start, q.end));

describe('quote marks', () => {
  it('reads curly, straight, guillemet, reversed guillemet and low-9 quotes', () => {
    expect(marks('A “one,” B "two" C «three» D »four« E „five“ F ‚six‘.')).toEqual([
      'one,',
      'two',
      'three',
      'four',
      'five',
      'six',
    ]);
  });

  it('tells apostrophes from single quotes', () => {
    expect(marks('Kyiv’s allies don’t agree, the ’90s said ‘never again’ and it’s over.')).toEqual([
      'never again',
    ]);
    expect(marks("It's the council's 'last word', they said.")).toEqual(['last word']);
  });

  it('nests single quotes inside double quotes', () => {
    const text = '“She said, ‘The job is yours,’ and I believed her,” he said.';
    const q = findQuoteSpans(text, [{ start: 0, end: text.length }]);
    expect(q.map((x) => text.slice(x.start, x.end))).toEqual([
      'She said, ‘The job is yours,’ and I believed her,',
      'The job is yours,',
    ]);
    expect(q[1]?.parentId).toBe(q[0]?.id);
  });

  it('continues a quote into the next paragraph that re-opens with a mark', () => {
    const text = '“First paragraph.\n\n“Second paragraph.”\n\nAfter.';
    const paras = [
      { start: 0, end: 17 },
      { start: 19, end: 38 },
      { start: 40, end: 46 },
    ];
    const q = findQuoteSpans(text, paras);
    expect(q).toHaveLength(1);
    expect(text.slice(q[0]?.start, q[0]?.end)).toBe('First paragraph.\n\n“Second paragraph.');
  });
});

describe('extractQuotes on the seeds', () => {
  it('wire seed: Putin via “he said”, “saying” and “promising”; Zelenskiy for “nobody trusts his words”', () => {
    const qs = quotes(seed('wire-report.txt'));
    expect(find(qs, 'We proceed from the fact')).toMatchObject({
      kind: 'speech',
      speakerText: 'Vladimir Putin',
      verb: 'said',
    });
    expect(find(qs, 'practically impossible')).toMatchObject({
      kind: 'speech',
      speakerText: 'Vladimir Putin',
      verb: 'saying',
    });
    expect(find(qs, 'working conditions')).toMatchObject({
      speakerText: 'Vladimir Putin',
      verb: 'promising',
    });
    const z = find(qs, 'We are ready');
    expect(z.text.endsWith('nobody trusts his words,')).toBe(true);
    expect(z).toMatchObject({ kind: 'speech', speakerText: 'Volodymyr Zelenskiy' });
    expect(z.unitIds.length).toBe(3);
  });

  it('Scopex seed: both halves of the split quote, “almost impossible.” and the Moscow offer are Putin’s; the coalition is a term', () => {
    const qs = quotes(seed('scopex.txt'));
    expect(find(qs, 'coalition of the willing')).toMatchObject({ kind: 'term', verb: null });
    expect(find(qs, 'As for the possible deployment')).toMatchObject({
      speakerText: 'Vladimir Putin',
      verb: 'said',
    });
    expect(
      find(qs, 'Therefore, if any foreign troops').text.endsWith('legitimate targets for strikes.'),
    ).toBe(true);
    expect(find(qs, 'Therefore, if any foreign troops').speakerText).toBe('Vladimir Putin');
    expect(find(qs, 'almost impossible.')).toMatchObject({
      kind: 'speech',
      speakerText: 'Vladimir Putin',
      verb: 'asserting',
    });
    expect(find(qs, 'If someone genuinely wants to meet')).toMatchObject({
      speakerText: 'Vladimir Putin',
      verb: 'said',
    });
    expect(qs.every((q) => q.speaker === null)).toBe(true);
  });
});

describe('attribution patterns', () => {
  it('reads “X said”, “said X”, “X told reporters”, “according to X”, dashes and colons', () => {
    const text = [
      'Talks Resume',
      '“We are close,” said Foreign Minister Anna Berg. “Very close.”',
      '“Not yet,” Kremlin spokesman Dmitry Peskov told reporters.',
      '“Two more rounds,” according to Lars Holm, a negotiator.',
      '“It will be signed in May.” —Maria Duarte, an adviser',
      'The envoy, Paul Mensah, said: “We have a text.”',
    ].join('\n\n');
    const qs = quotes(text);
    expect(find(qs, 'We are close')).toMatchObject({ speakerText: 'Anna Berg', verb: 'said' });
    expect(find(qs, 'Very close')).toMatchObject({ speakerText: 'Anna Berg', kind: 'speech' });
    expect(find(qs, 'Not yet')).toMatchObject({ speakerText: 'Dmitry Peskov', verb: 'told' });
    expect(find(qs, 'Two more rounds')).toMatchObject({ speakerText: 'Lars Holm', verb: 'according to' });
    expect(find(qs, 'It will be signed')).toMatchObject({ speakerText: 'Maria Duarte' });
    expect(find(qs, 'We have a text')).toMatchObject({ speakerText: 'Paul Mensah', verb: 'said' });
  });

  it('resolves “he said” to the last subject, not to an object', () => {
    const text = 'Talks Stall\n\nLast month, Ana Ruiz hosted Tom Baker in Lima. “It was useful,” she said.';
    expect(find(quotes(text), 'It was useful').speakerText).toBe('Ana Ruiz');
  });

  it('reads “the ministry said” as the organisation last named with that word, and guesses no other', () => {
    const text =
      'Grain Deal Talks\n\nThe Agriculture Ministry confirmed the talks on Monday. In a statement, the ministry said: “The deal protects farmers.” Officials in Riverside said little.\n\n“Exports will resume,” the ministry added. The ministry said: “Talks go on.”\n\nThe barge operator, Delta Freight, accepted liability. The company said: “We regret the disruption.”';
    const qs = quotes(text);
    expect(find(qs, 'The deal protects').speakerText).toBe('Agriculture Ministry');
    expect(find(qs, 'Exports will resume').speakerText).toBe('Agriculture Ministry');
    expect(find(qs, 'Talks go on').speakerText).toBe('Agriculture Ministry');
    // No organisation named with the word "company": left unattributed rather than guessed.
    expect(find(qs, 'We regret').speakerText).toBeUndefined();
  });

  it('gives words read out from a message or letter to their writer, not the reader', () => {
    const text =
      'Inquiry Hears Emails\n\nCounsel Ruth Obi told the inquiry the payments were hidden. She then read from an email written by Mark Dunn to his deputy in May: “Delete the file before Friday.”\n\nObi also quoted a letter signed by Anna Keller, the finance director: “I was never told.”';
    const qs = quotes(text);
    expect(find(qs, 'Delete the file').speakerText).toBe('Mark Dunn');
    expect(find(qs, 'I was never told').speakerText).toBe('Anna Keller');
  });

  it('gives quote ids in text order and the units each quote touches', () => {
    const qs = quotes('Title Words Here\n\n“One. Two,” she said. Then “three” happened.');
    expect(qs.map((q) => q.id)).toEqual(['s:q0', 's:q1']);
    expect(qs[0]?.unitIds).toEqual(['s:u1', 's:u2']);
  });
});

describe('extractQuotes properties', () => {
  const alphabet = fc.constantFrom(
    'a',
    'B',
    ' ',
    '.',
    ',',
    '\n',
    '“',
    '”',
    '"',
    '‘',
    '’',
    "'",
    '«',
    '»',
    '„',
    '‚',
    'é',
    '👍',
    'said',
    'He',
  );
  it('never throws; quotes round-trip, lie inside the text and are in order', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          fc.array(alphabet, { maxLength: 120 }).map((a) => a.join('')),
        ),
        (text) => {
          const qs = quotes(text);
          let pos = -1;
          for (const q of qs) {
            expect(q.start).toBeGreaterThanOrEqual(0);
            expect(q.end).toBeLessThanOrEqual(text.length);
            expect(text.slice(q.start, q.end)).toBe(q.text);
            expect(q.start).toBeGreaterThanOrEqual(pos);
            pos = q.start;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('terms versus speech', () => {
  it('keeps a scare quote a term even when a later clause has “he said”; attributes “Analysts say …” to nobody', () => {
    const qs = quotes(
      'Talks Go On\n\nThe “special military operation” continues, he said. Analysts say the plan is “unworkable and dangerous”. The so-called “peace plan” was published.',
    );
    expect(find(qs, 'special military operation')).toMatchObject({ kind: 'term', verb: null });
    expect(find(qs, 'unworkable')).toMatchObject({ kind: 'speech', verb: 'say' });
    expect(find(qs, 'unworkable').speakerText).toBeUndefined();
    expect(find(qs, 'peace plan')).toMatchObject({ kind: 'term' });
  });
});

describe('blockerBefore', () => {
  // What subjectOf asked of a regex before: the word /([\p{L}]+)\W*$/u finds in the window, lower-cased, is a
  // blocker. The walk must answer the same on any text, including other scripts and astral letters.
  const byRegex = (text: string, from: number, end: number) => {
    const m = /([\p{L}]+)\W*$/u.exec(text.slice(from, end));
    return m !== null && BEFORE_BLOCKERS.has(m[1]!.toLowerCase());
  };
  const pieces = [
    'with',
    'With',
    'hosted',
    'met',
    'of',
    'x',
    'é',
    'É',
    '𝐀',
    '\uD835',
    '\uDC00',
    '\u0301',
    ' ',
    ', ',
    '-',
    '1',
    '_',
    '“',
    '.',
    'ñmet',
    'in',
    'ß',
  ];
  it('answers as the regex did, for blocker words, on arbitrary mixes of scripts and marks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        (parts, x, y) => {
          const text = parts.join('');
          const a = x % (text.length + 1);
          const b = y % (text.length + 1);
          const [from, end] = a <= b ? [a, b] : [b, a];
          expect(blockerBefore(text, from, end)).toBe(byRegex(text, from, end));
        },
      ),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.nat(), fc.nat(), (text, x, y) => {
        const a = x % (text.length + 1);
        const b = y % (text.length + 1);
        const [from, end] = a <= b ? [a, b] : [b, a];
        expect(blockerBefore(text, from, end)).toBe(byRegex(text, from, end));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('speech subjects found per unit', () => {
  const piece = fc.constantFrom(
    'said',
    'says',
    'told',
    'added',
    'also',
    'then',
    'Putin',
    'Peskov',
    'He',
    'él',
    'Émile',
    'a',
    ' ',
    '  ',
    '\n\n',
    '.',
    ',',
    '“',
    '”',
    '’',
    "'",
    '-',
    'é',
    '\u0301',
    '👍',
    'x',
  );
  const text = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''));
  /** Units over `t` from cut points: sorted, disjoint, sometimes with gaps; `overlap` makes one overlap its neighbour. */
  const unitsOf = (t: string, cuts: readonly number[], overlap: boolean): Unit[] => {
    const points = [...new Set(cuts.map((c) => c % (t.length + 1)))].sort((a, b) => a - b);
    const units: Unit[] = [];
    for (let k = 0; k + 1 < points.length; k += 2) {
      const start = points[k] as number;
      const end = points[k + 1] as number;
      units.push({
        id: `s:u${units.length}`,
        sourceId: 's',
        index: units.length,
        kind: 'sentence',
        text: t.slice(start, end),
        paragraph: 0,
        position: 'body',
        start,
        end,
      });
    }
    const first = units[0];
    if (overlap && first && units.length > 1) units[0] = { ...first, end: (units[1] as Unit).start + 1 };
    return units;
  };
  it('finds what one search of the whole text finds, whatever the units', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), (t, cuts, overlap) => {
        const units = unitsOf(t, cuts, overlap);
        const scans = units.map((u) => unitScan(t, u));
        expect(speechSubjectWords(t, units, scans)).toEqual(capitalisedBeforeVerbsOfText(t));
      }),
      { numRuns: 3000 },
    );
  });
});
