import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CANNOT_END_SENTENCE, segmenterBreaks } from './sentences.ts';

/** The plain walk segmenterBreaks replaces: ask the segmenter for every segment of the range. */
function referenceBreaks(text: string, start: number, end: number, locale: string): number[] {
  const slice = text.slice(start, end);
  const cuts: number[] = [];
  const segments = new Intl.Segmenter(locale, { granularity: 'sentence' }).segment(slice);
  for (let at = 0; at < slice.length;) {
    const seg = segments.containing(at);
    if (!seg) break;
    if (seg.index > 0) cuts.push(start + seg.index);
    at = seg.index + seg.segment.length;
  }
  return cuts;
}

describe('segmenterBreaks', () => {
  it('whitelists only characters after which the segmenter never ends a sentence', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    for (const [from, to] of CANNOT_END_SENTENCE) {
      for (let c = from; c <= to; c++) {
        // Were the character an ATerm or STerm, "x. Y" breaks before "Y"; were it a ParaSep, right after it.
        const probe = `x${String.fromCharCode(c)} Y`;
        expect([...segmenter.segment(probe)].length, `U+${c.toString(16)}`).toBe(1);
      }
    }
  });

  const alphabet = [
    ...'aZ9 .!?…"”’»«()],;:-\n\r\t',
    '\u00a0',
    'é',
    'Ž',
    '—',
    '\u2029',
    '\u0085',
    '。',
    '؟',
    '\u0301',
    '\u00ad',
    '😀',
    '\ud804\udc47', // BRAHMI DANDA, an astral STerm
    'Mr.',
    'U.S.',
    '3.5',
    '... ',
    '. ',
    '." ',
    '!” ',
    '? ',
    ' the',
    ' The',
  ];
  const textArb = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((xs) => xs.join(''));

  it('finds the same breaks as asking the segmenter for every segment', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), fc.constantFrom('en', 'de', 'ja'), (text, a, b, locale) => {
        const start = text.length === 0 ? 0 : a % (text.length + 1);
        const end = start + (text.length === start ? 0 : b % (text.length - start + 1));
        expect(segmenterBreaks(text, start, end, locale)).toEqual(referenceBreaks(text, start, end, locale));
      }),
      { numRuns: 5000 },
    );
  });

  it('skips the segmenter only where it finds nothing on sentence-like text', () => {
    for (const text of [
      'He left. She stayed. “Why?” she asked.” Then: 3.5 km.',
      'Prices rose, etc. and fell. The U.S. team won 3.5 to 2. (See p. 5.) 40 soldiers. 7 Km away.',
      'Wait... what? «Non.» Fin. — Done! ¿Sí? Ja. Żółw. Ok.\nNext line. a. B',
    ])
      for (let s = 0; s < text.length; s++)
        for (let e = s; e <= text.length; e++)
          expect(segmenterBreaks(text, s, e, 'en')).toEqual(referenceBreaks(text, s, e, 'en'));
  });
});
