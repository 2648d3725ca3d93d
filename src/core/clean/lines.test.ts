import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  countSpaced,
  countWords,
  countWordsIn,
  endsLikeSentence,
  isSpace,
  isSpaceCode,
  splitLines,
  trimSpan,
} from './lines.ts';
import type { Line } from './lines.ts';

// The hand-written scanners must agree with the regexes they replaced (speed, issue 3): output stays byte-identical.
const WORDS_RE = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;
const regexCount = (t: string): number => t.match(WORDS_RE)?.length ?? 0;
const regexSpaced = (t: string): number => t.split(/\s+/u).filter((w) => w.length > 0).length;
/** Strings drawn from the characters that matter: letters of several scripts, digits, joiners, spaces, surrogates. */
const tricky = fc
  .array(
    fc.constantFrom(
      ...'aZé5٣ж中 \t\n\u00a0\u2009\u3000.-\'’,"“”…'.split(''),
      '\u{1d400}',
      '\u{20000}',
      '\u{1f600}',
      '\ud800',
      '\udc00',
    ),
    { maxLength: 40 },
  )
  .map((xs) => xs.join(''));

/** splitLines as it was: one loop over every character, "\r\n", "\r" and "\n" ending a line. */
function referenceLines(text: string): Line[] {
  const lines: Line[] = [];
  let lineStart = 0;
  const push = (end: number): void => {
    const t = trimSpan(text, lineStart, end);
    const line = { start: t.start, end: t.end, text: text.slice(t.start, t.end), blank: t.start === t.end };
    lines.push({ index: lines.length, ...line });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) {
      push(i);
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      lineStart = i + 1;
    }
  }
  push(text.length);
  return lines;
}

describe('character scanners', () => {
  it('endsLikeSentence answers as the end-anchored regex it replaced', () => {
    const re = /[.!?…。！？؟:;][\s"'”’»)\]]*$/u;
    const ending = fc
      .array(fc.constantFrom(...'a .!?…。！？؟:;"\'”’»)]\n\u3000,“'.split(''), '\u{1f600}'), {
        maxLength: 12,
      })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(ending, (t) => endsLikeSentence(t) === re.test(t)),
      { numRuns: 3000 },
    );
  });

  it('splitLines equals the character loop it replaced', () => {
    const lineText = fc
      .array(fc.constantFrom(...'ab \t\n\r\u2028\u00a0'.split(''), '\r\n', '\n\n'), { maxLength: 40 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(lineText, (t) => {
        expect(splitLines(t)).toEqual(referenceLines(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('isSpaceCode matches /\\s/u on every UTF-16 code unit', () => {
    const re = /\s/u;
    for (let c = 0; c < 0x10000; c++) {
      if (isSpaceCode(c) !== re.test(String.fromCharCode(c)))
        throw new Error(`differs at U+${c.toString(16)}`);
    }
    expect(isSpace(undefined)).toBe(false);
    expect(isSpace(' ')).toBe(true);
  });

  it('countWords equals the number of word-regex matches', () => {
    fc.assert(
      fc.property(tricky, (t) => countWords(t) === regexCount(t)),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (t) => countWords(t) === regexCount(t)),
    );
    expect(countWords("Kyiv’s U.S.-backed plan, don't 3.5 - x")).toBe(7);
    fc.assert(
      fc.property(tricky, fc.nat(), fc.nat(), (t, a, b) => {
        const start = a % (t.length + 1);
        const end = start + (b % (t.length - start + 1));
        return countWordsIn(t, start, end) === regexCount(t.slice(start, end));
      }),
      { numRuns: 3000 },
    );
  });

  it('countSpaced equals the whitespace split count; trimSpan trims what \\s matches', () => {
    fc.assert(
      fc.property(tricky, (t) => {
        const s = trimSpan(t, 0, t.length);
        const n = regexSpaced(t);
        const capped = [0, 1, 3].every((limit) => countSpaced(t, limit) === Math.min(n, limit + 1));
        return countSpaced(t) === n && capped && t.slice(s.start, s.end) === t.trim();
      }),
      { numRuns: 3000 },
    );
  });
});
