// Sentence boundaries with exact offsets. Intl.Segmenter proposes breaks; `keepBreak` rejects the ones that fall
// after an abbreviation, an initial, inside a decimal, after a mid-sentence ellipsis or before a closing quote, so
// Node's ICU and Chromium's give the same sentences. Over-long runs are then cut at the nearest clause boundary
// (issue 6: a 50,000-character run without punctuation must not become one unit).

import type { Span } from '../model.ts';
import { codePointPredicate, isSpace, trimSpan } from '../clean/lines.ts';
import {
  ACRONYM_FOLLOWERS,
  LOWER_NEXT_ABBREVIATIONS,
  MONTH_ABBREVIATIONS,
  NEVER_FINAL,
  SENTENCE_STARTERS,
  TITLE_ABBREVIATIONS,
} from './abbreviations.ts';

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    try {
      s = new Intl.Segmenter(locale, { granularity: 'sentence' });
    } catch {
      // An invalid locale tag from options must not break the comparison: fall back to English rules.
      s = new Intl.Segmenter('en', { granularity: 'sentence' });
    }
    segmenters.set(locale, s);
  }
  return s;
}

const CLOSERS = /^["'”’»«)\]}›]+/u;
/** The first character of a CLOSERS match (all are single code units). */
function isCloser(c: number): boolean {
  return (
    c === 0x22 ||
    c === 0x27 ||
    c === 0x201d ||
    c === 0x2019 ||
    c === 0xbb ||
    c === 0xab ||
    c === 0x29 ||
    c === 0x5d ||
    c === 0x7d ||
    c === 0x203a
  );
}
// keepBreak's tests, compiled once: a regex literal inside a function is a new RegExp object every time it is
// evaluated (wordBeforeDot's once per character), ~2.5 MB per comparison on the 50 x 2k bench. None is global or
// sticky, so sharing them carries no lastIndex state between calls.
// `[\p{L}.]` on one code unit, memoised: wordBeforeDot asks it for every letter of the word before each full stop.
const isLetterOrDot = codePointPredicate(/[\p{L}.]/u);
const NEXT_WORD = /^["'“‘«([]*([\p{L}\p{N}][\p{L}\p{N}'’-]*)/u;
const STARTS_LOWER = /^\p{Ll}/u;
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_DIGIT = /^\p{N}/u;
const ENDS_DIGIT = /\p{N}$/u;
const ENDS_CLAUSE = /[.!?…。！？؟"”’»)]$/u;
const ENDS_SENTENCE_MARK = /[.!?…]["”’»)]*$/u;
const CASED_SCRIPT = /\p{Script=Latin}|\p{Script=Cyrillic}|\p{Script=Greek}/u;
const ONE_CAPITAL = /^\p{Lu}$/u;
const DOTTED_ACRONYM = /^(?:\p{L}\.)+\p{L}$/u;

/** The word (letters and inner dots) just before a final full stop at `end` (exclusive) in `text`. */
function wordBeforeDot(text: string, end: number): string {
  const i = end - 1; // the dot
  let j = i;
  while (j > 0 && isLetterOrDot(text.charCodeAt(j - 1))) j--;
  return text.slice(j, i);
}

function nextWord(text: string, pos: number): string {
  const m = NEXT_WORD.exec(text.slice(pos, pos + 60));
  return m ? (m[1] as string) : '';
}

function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** The last two UTF-16 code units of text.slice(0, end): enough for a test on its final code point. */
function tail(text: string, end: number): string {
  return text.slice(Math.max(0, end - 2), Math.max(0, end));
}

/**
 * Decide whether a candidate break between `before` (ending at `b`, trailing spaces excluded) and the text from
 * `next` on is a real sentence end.
 */
function keepBreak(text: string, contentEnd: number, next: number): boolean {
  const last = text[contentEnd - 1] ?? '';
  const nw = nextWord(text, next);
  const nextLower = STARTS_LOWER.test(nw);
  const nextDigit = STARTS_DIGIT.test(nw);
  // A line break inside a paragraph after text that does not end a sentence: hard-wrapped text.
  // End-anchored tests read a short window, not text.slice(0, …): a `$` regex scans its whole input from the start,
  // which made every break cost O(source length). Two code units keep a final surrogate pair whole.
  if (nextLower && hasLineBreak(text, contentEnd, next) && !ENDS_CLAUSE.test(tail(text, contentEnd)))
    return false;
  if (
    nextLower &&
    ENDS_SENTENCE_MARK.test(text.slice(Math.max(0, contentEnd - 4), contentEnd)) &&
    CASED_SCRIPT.test(nw)
  ) {
    // "… he said.” she added" is rare; "… p.m. on Friday", "…here... and there", "“Go!” he said" are common.
    return false;
  }
  if (last === '.') {
    // Decimal or number with a dot: "3.5", "No. 2" handled below.
    if (nextDigit && contentEnd === next && ENDS_DIGIT.test(tail(text, contentEnd - 1))) return false;
    const word = wordBeforeDot(text, contentEnd);
    const lower = word.toLowerCase();
    if (contentEnd >= 3 && text.startsWith('...', contentEnd - 3)) return !nextLower;
    if (TITLE_ABBREVIATIONS.has(lower) && STARTS_UPPER.test(nw)) return false;
    if (NEVER_FINAL.has(lower)) return false;
    if (MONTH_ABBREVIATIONS.has(lower) && nextDigit) return false;
    if ((lower === 'no' || lower === 'nos') && nextDigit) return false;
    if (LOWER_NEXT_ABBREVIATIONS.has(lower) && (nextLower || nextDigit)) return false;
    // Single initial: "John F. Kennedy", "J. R. R. Tolkien". A lone capital before the dot, then a capital.
    if (ONE_CAPITAL.test(word) && STARTS_UPPER.test(nw)) return false;
    // Dotted acronym: "U.S. President", "U.N. Security Council".
    if (DOTTED_ACRONYM.test(word) && STARTS_UPPER.test(nw)) {
      const w = nw.toLowerCase();
      if (ACRONYM_FOLLOWERS.has(w) || !SENTENCE_STARTERS.has(w)) return false;
    }
  }
  if (last === '…' && nextLower) return false;
  return true;
}

/**
 * Code units after which Intl.Segmenter never ends a sentence: their Unicode Sentence_Break value is neither ATerm,
 * STerm, Sep, CR nor LF (tab, vertical tab, form feed, space, ASCII punctuation but . ! ?, ASCII letters and
 * digits, no-break space, Latin letters up to U+024F, dashes U+2010-2015, quotation marks U+2018-201F; each is
 * checked against the segmenter in sentences.test.ts). UAX #29 (and ICU's rules) break a sentence only after a
 * ParaSep or after SATerm Close* Sp*, so a stretch of these holds no break. Everything else is a suspect,
 * surrogates included (astral STerms exist).
 */
export const CANNOT_END_SENTENCE: readonly (readonly [number, number])[] = [
  [0x09, 0x09],
  [0x0b, 0x0c],
  [0x20, 0x20],
  [0x22, 0x2d],
  [0x2f, 0x3e],
  [0x40, 0x7e],
  [0xa0, 0xa0],
  [0xc0, 0x24f],
  [0x2010, 0x2015],
  [0x2018, 0x201f],
];
const hex = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
/** The first suspect from lastIndex on. Global, no `u` flag: it reads code units; lastIndex is set before use. */
const MAY_END_SENTENCE = new RegExp(
  `[^${CANNOT_END_SENTENCE.map(([from, to]) => `${hex(from)}-${hex(to)}`).join('')}]`,
  'g',
);
const INERT = new Uint8Array(0x10000);
for (const [from, to] of CANNOT_END_SENTENCE) INERT.fill(1, from, to + 1);

/** One code unit of CANNOT_END_SENTENCE. */
function cannotEndSentence(c: number): boolean {
  return INERT[c] === 1;
}

const FINAL_TERMINATOR = /^[.!?]$/u;
const FINAL_CLOSER = /^["'”’»)\]]$/u;

/**
 * Where the final run of `[.!?]+` and closing quotes/brackets of [start, end) begins (`end` when there is none).
 * The segmenter never breaks inside that run (SB8a, SB9: no break between terminators or before a closer), and a
 * break at its end is the end of the range, which is not a cut.
 */
function finalTerminatorRun(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && FINAL_CLOSER.test(text[i - 1] ?? '')) i--;
  const closersStart = i;
  while (i > start && FINAL_TERMINATOR.test(text[i - 1] ?? '')) i--;
  return i < closersStart ? i : end;
}

/**
 * The first code unit from `from` on that may end a sentence (text.length when none). Once `from` is a segment
 * start, Intl.Segmenter cannot break before it: a break needs an SATerm or a ParaSep after `from`, and a chain
 * SATerm Close* Sp* cannot run through `from`, as the segmenter broke there only because neither a Close nor a Sp
 * continued it.
 */
function firstSuspect(text: string, from: number): number {
  MAY_END_SENTENCE.lastIndex = from;
  const m = MAY_END_SENTENCE.exec(text);
  return m === null ? text.length : m.index;
}

function isAsciiLetterOrDigit(c: number): boolean {
  const l = c | 0x20;
  return (c >= 0x30 && c <= 0x39) || (l >= 0x61 && l <= 0x7a);
}

/**
 * Where the segmenter's input for [start, …) may begin, given the first code unit that may end a sentence at
 * `suspect`: one character before it when the two characters before it are ASCII letters or digits, else `start`.
 * Nothing before `suspect` breaks, and no rule reads further back than the character before a terminator (SB6 "3.5",
 * SB7 "U.S"); a rule chain SATerm Close* Sp* cannot include a letter. The first sentence of a paragraph is then
 * not scanned by ICU (~8 ns per character).
 */
function segmenterInputStart(text: string, start: number, suspect: number): number {
  return suspect - 2 >= start &&
    isAsciiLetterOrDigit(text.charCodeAt(suspect - 1)) &&
    isAsciiLetterOrDigit(text.charCodeAt(suspect - 2))
    ? suspect - 1
    : start;
}

/**
 * Where the segmenter's input for [start, end) may stop: right after the first ASCII letter that follows the last
 * code unit that may end a sentence before `lastBreakable`, or `end`. The rest of the range holds no break, and
 * no decision before it looks further: a rule reads past a terminator, its closers and spaces only up to the first
 * letter (SB8: "… etc. and" vs "… Inc. The"), and ICU's break cache otherwise scans the last sentence for nothing
 * (~8 ns per character). Call only when the range may hold a break.
 */
function segmenterInputEnd(text: string, start: number, lastBreakable: number, end: number): number {
  let q = lastBreakable - 1;
  while (q > start && cannotEndSentence(text.charCodeAt(q))) q--;
  for (let i = q + 1; i < lastBreakable; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) return i + 1;
  }
  return end;
}

/**
 * The sentence boundaries Intl.Segmenter finds strictly inside [start, end) of `text`, in order.
 *
 * The segments are walked with containing() rather than the iterator: the same boundaries (one break iterator over
 * one string either way), at about half the cost per segment in V8. Before each step a native scan asks whether
 * the rest of the range can hold a break at all; when it cannot, the rest is one segment and the segmenter is not
 * asked: on the 50 x 2k bench a third of the paragraphs are one sentence (no segment() call), the others save
 * their last containing(); each of these calls costs about 1 µs. The segmenter reads the range only up to where
 * the last break can be decided (segmenterInputEnd). Equality with the plain walk is a property test.
 */
export function segmenterBreaks(text: string, start: number, end: number, locale: string): number[] {
  const cuts: number[] = [];
  const lastBreakable = finalTerminatorRun(text, start, end);
  const suspect = firstSuspect(text, start);
  if (suspect >= lastBreakable) return cuts;
  const from = segmenterInputStart(text, start, suspect);
  const length = segmenterInputEnd(text, start, lastBreakable, end) - from;
  const segments = segmenterFor(locale).segment(text.slice(from, from + length));
  // Each segment ends where the next begins: a boundary before the end of the input is a cut (the end of a
  // shortened input follows a letter with nothing that may end a sentence before it: never a boundary).
  for (let at = 0; ;) {
    const seg = segments.containing(at);
    if (!seg) break;
    at = seg.index + seg.segment.length;
    if (at >= length) break;
    cuts.push(from + at);
    if (firstSuspect(text, from + at) >= lastBreakable) break;
  }
  return cuts;
}

/**
 * Split [start, end) of `text` into sentences: trimmed spans, in order, covering all non-space text of the range.
 * `maxLength` caps a sentence's length in UTF-16 code units.
 */
export function splitSentences(
  text: string,
  start: number,
  end: number,
  locale: string,
  maxLength: number,
): Span[] {
  const cuts = segmenterBreaks(text, start, end, locale);
  const spans: Span[] = [];
  let sentStart = start;
  for (const cut of cuts) {
    // Closing quotes/brackets the segmenter left at the start of the next piece belong to this sentence.
    let c = cut;
    // Most cuts are followed by a letter: the regex (and its slice) only runs after a closer.
    const m = isCloser(text.charCodeAt(c)) ? CLOSERS.exec(text.slice(c, Math.min(end, c + 4))) : null;
    if (m && (c + m[0].length >= end || isSpace(text[c + m[0].length]))) c += m[0].length;
    let contentEnd = c;
    while (contentEnd > sentStart && isSpace(text[contentEnd - 1])) contentEnd--;
    let next = c;
    while (next < end && isSpace(text[next])) next++;
    if (next >= end || contentEnd <= sentStart) continue;
    if (!keepBreak(text, contentEnd, next)) continue;
    const t = trimSpan(text, sentStart, c);
    if (t.end > t.start) spans.push(t);
    sentStart = c;
  }
  const t = trimSpan(text, sentStart, end);
  if (t.end > t.start) spans.push(t);
  // Most sentences are under the cap and come back as they are (trimmed spans stay trimmed): no flatMap copy.
  const max = lengthCap(maxLength);
  if (spans.every((sp) => sp.end - sp.start <= max)) return spans;
  const out: Span[] = [];
  for (const sp of spans) out.push(...capLength(text, sp, maxLength));
  return out;
}

/** The sentence length cap in force: never below 20 characters, whatever the options say. */
function lengthCap(maxLength: number): number {
  return Math.max(20, maxLength);
}

/** Cut an over-long span at the last clause boundary (; — – , then space) before the limit; hard cut otherwise. */
function capLength(text: string, span: Span, maxLength: number): Span[] {
  const max = lengthCap(maxLength);
  const out: Span[] = [];
  let s = span.start;
  while (span.end - s > max) {
    const limit = s + max;
    let cut = -1;
    for (const pattern of [/[;:]\s/gu, /\s[—–]\s|[—–]/gu, /,\s/gu, /\s/gu]) {
      const window = text.slice(s + Math.floor(max / 2), limit + 1);
      let lastIdx = -1;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(window); m; m = pattern.exec(window)) {
        lastIdx = m.index + m[0].length;
        if (m[0].length === 0) pattern.lastIndex++;
      }
      if (lastIdx > 0) {
        cut = s + Math.floor(max / 2) + lastIdx;
        break;
      }
    }
    if (cut <= s || cut > limit) {
      cut = limit;
      // Never split a surrogate pair: the piece must slice back to valid text.
      const code = text.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut--;
    }
    const t = trimSpan(text, s, cut);
    if (t.end > t.start) out.push(t);
    s = cut;
    while (s < span.end && isSpace(text[s])) s++;
  }
  const t = trimSpan(text, s, span.end);
  if (t.end > t.start) out.push(t);
  return out;
}
