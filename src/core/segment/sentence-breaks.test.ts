import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sentenceBreaks } from './sentence-breaks.ts';

// The table-driven rules must give exactly ICU's boundaries wherever they answer (speed, issue 3): segmentation,
// and with it every unit id and the engine's output, stays byte-identical.
const icu = new Intl.Segmenter('en', { granularity: 'sentence' });
const icuBreaks = (t: string): number[] => [...icu.segment(t)].map((s) => s.index).filter((i) => i > 0);

/** Every character the table classifies, plus a few it does not (they must make it answer null). */
const TABLE =
  ' \t\v\f\r\n\u00a0\u2009\u3000\u2028\u2029' +
  'abcxyzABCXYZ0123456789.!?' +
  `"'()[]{}«»‘’‚‛“”„‟‹›,-:;–—#$%&*+/<=>@\\^_\`|~¢£¤¥§©®°±×÷…•€` +
  'éßøÿÉØÞĀāŁłŒœжЖΩωǅ';
const OUTSIDE = ['\u0085', '\u00ad', '\u200b', '\u0301', '。', '؟', '中', '\u{1f600}', '\u0000', 'ª'];
const pieces = fc.constantFrom(
  ...TABLE.split(''),
  'Mr. ',
  'U.S. ',
  'e.g. ',
  '3.5',
  '... ',
  '.” ',
  '?) ',
  ' the',
  ' The',
  '\r\n',
);

describe('sentenceBreaks', () => {
  it('matches Intl.Segmenter (en) on text built from its table, or answers null', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (xs) => {
        const t = xs.join('');
        const own = sentenceBreaks(t, 0, t.length);
        if (own === null) return [...t].some((c) => c === 'ǅ');
        expect(own).toEqual(icuBreaks(t));
        return true;
      }),
      { numRuns: 20_000 },
    );
  });

  it('matches ICU for every character of its table in every short context', () => {
    const before = ['', '.', '. ', 'a.', 'A. ', 'x?', '.)', '.” ', 'a', ' '];
    const after = ['', 'a', 'A', ' a', ' A', '5', ' 5', '.', ' (a', '\n'];
    for (const c of TABLE) {
      for (const x of before) {
        for (const y of after) {
          for (const t of [x + c + y, c + x + y, x + y + c]) {
            const own = sentenceBreaks(t, 0, t.length);
            if (own !== null) expect([t, own]).toEqual([t, icuBreaks(t)]);
          }
        }
      }
    }
  });

  it('answers for a sub-range as ICU does for that slice', () => {
    const t = 'He said so. “Really?” she asked. U.S. officials met at 3 p.m. in Kyiv. 5. Then—yes!';
    for (let s = 0; s < t.length; s += 7) {
      for (let e = s + 1; e <= t.length; e += 5) {
        const own = sentenceBreaks(t, s, e);
        expect(own?.map((x) => x - s)).toEqual(icuBreaks(t.slice(s, e)));
      }
    }
  });

  it('leaves characters outside its table to ICU', () => {
    for (const c of OUTSIDE) expect(sentenceBreaks(`Hi.${c} there`, 0, 10 + c.length)).toBeNull();
  });
});
