// Lines and blocks of a source text, with offsets into the original text. Cleaning rules and the segmenter both
// reason about lines ("a short name line followed by a bio paragraph"), so the split lives here once.
//
// Line ends: "\r\n", "\r" and "\n" all end a line (issue 3: handle CRLF and CR). Offsets are UTF-16 code units.

import type { Span } from '../model.ts';

export interface Line extends Span {
  /** 0-based line number. */
  readonly index: number;
  /** Offsets of the line's content without leading/trailing whitespace; equal start/end when blank. */
  readonly text: string;
  readonly blank: boolean;
}

/** A run of non-blank lines (one paragraph in blank-line-separated text, one line otherwise). */
export interface Block extends Span {
  readonly lines: readonly Line[];
  readonly text: string;
}

/**
 * True for the UTF-16 code units that JavaScript's `\s` matches (WhiteSpace, LineTerminator and Zs; none is astral,
 * so one code unit decides). Tested against the regex for every code unit in lines.test.ts. A comparison with
 * constants instead of a regex per character: trimming and line splitting visit every character of every source.
 */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** True when `ch` contains whitespace (callers pass one character, or undefined past the end of a text). */
export function isSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  for (let i = 0; i < ch.length; i++) if (isSpaceCode(ch.charCodeAt(i))) return true;
  return false;
}

/** Narrow [start, end) so it neither starts nor ends with whitespace. */
export function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let lineStart = 0;
  const push = (end: number): void => {
    let s = lineStart;
    let e = end;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    lines.push({ index: lines.length, start: s, end: e, text: text.slice(s, e), blank: s === e });
  };
  // Most texts end lines with "\n" only: then the native indexOf finds the line ends, 1.36 -> 0.19 ms over the
  // 50 x 2k bench against reading every character in a loop. A text with a "\r" anywhere takes the loop.
  if (!text.includes('\r')) {
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', lineStart)) {
      push(nl);
      lineStart = nl + 1;
    }
  } else {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 /* \n */ || ch === 13 /* \r */) {
        push(i);
        if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
        lineStart = i + 1;
      }
    }
  }
  push(text.length);
  return lines;
}

/**
 * True when the text separates paragraphs with blank lines. Text without a blank line between two non-blank lines
 * (the wire seed: one paragraph per line) is read one line per paragraph instead.
 */
export function usesBlankLines(lines: readonly Line[]): boolean {
  let seenContent = false;
  let blankAfterContent = false;
  for (const l of lines) {
    if (!l.blank) {
      if (blankAfterContent) return true;
      seenContent = true;
    } else if (seenContent) blankAfterContent = true;
  }
  return false;
}

export function splitBlocks(text: string, lines: readonly Line[] = splitLines(text)): Block[] {
  const blankMode = usesBlankLines(lines);
  const blocks: Block[] = [];
  let run: Line[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const first = run[0] as Line;
    const last = run[run.length - 1] as Line;
    blocks.push({ start: first.start, end: last.end, lines: run, text: text.slice(first.start, last.end) });
    run = [];
  };
  for (const l of lines) {
    if (l.blank) {
      flush();
      continue;
    }
    run.push(l);
    if (!blankMode) flush();
  }
  flush();
  return blocks;
}

/**
 * A code-point predicate that answers as `re` (one character class, no g/y flag) does on that character, memoised
 * per BMP code unit: character scans ask it for every character, the regex runs once per distinct one.
 */
export function codePointPredicate(re: RegExp): (cp: number) => boolean {
  const memo = new Uint8Array(0x10000); // 0 not asked yet, 1 yes, 2 no
  return (cp) => {
    if (cp >= 0x10000) return re.test(String.fromCodePoint(cp));
    let k = memo[cp] as number;
    if (k === 0) {
      k = re.test(String.fromCharCode(cp)) ? 1 : 2;
      memo[cp] = k;
    }
    return k === 1;
  };
}

const isLetterOrDigit = codePointPredicate(/[\p{L}\p{N}]/u);

/** `[\p{L}\p{N}]`, with ASCII (most characters of most texts) decided by comparison. */
function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a);
  return isLetterOrDigit(cp);
}

/**
 * countWordsIn's ASCII step as one table lookup: entry (state << 7 | code unit) holds the next state in its low two
 * bits and 1 in bit 2 when the code unit starts a word. States: 0 after a non-word character, 1 after a letter or
 * digit, 2 after a joiner (' - .) that follows a letter or digit. Without branches on the character the loop
 * counts the units of the 50 x 2k bench in 1.25 ms instead of 1.9 (a branch per character mispredicts at every
 * word boundary).
 */
const ASCII_WORD_STEP = new Uint8Array(3 << 7);
for (let c = 0; c < 0x80; c++) {
  const l = c | 0x20;
  const word = (c >= 0x30 && c <= 0x39) || (l >= 0x61 && l <= 0x7a);
  const joiner = c === 0x27 || c === 0x2d || c === 0x2e;
  ASCII_WORD_STEP[c] = word ? 1 | 4 : 0;
  ASCII_WORD_STEP[(1 << 7) | c] = word ? 1 : joiner ? 2 : 0;
  ASCII_WORD_STEP[(2 << 7) | c] = word ? 1 : 0;
}

/**
 * Words as a journalist would count them: the number of matches of the global, unicode regex
 * `[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*` (runs of letters/digits with inner apostrophes, hyphens and dots),
 * counted in one pass without building the matches: this runs on every unit and many attribution snippets. A
 * letter/digit starts a new match unless the code point before it is one too, or is a joiner that follows one
 * (the greedy match then already runs through it). Equality with the regex is a property test in lines.test.ts.
 */
export function countWords(text: string): number {
  return countWordsIn(text, 0, text.length);
}

/**
 * countWords(text.slice(start, end)) without the slice: reading the flat source text rather than a sliced string
 * is faster, and ASCII goes through ASCII_WORD_STEP until the first other code unit.
 */
export function countWordsIn(text: string, start: number, end: number): number {
  let n = 0;
  let state = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return n + countWordsFrom(text, i, end, state);
    const step = ASCII_WORD_STEP[(state << 7) | c] as number;
    n += step >> 2;
    state = step & 3;
  }
  return n;
}

/** countWordsIn's general loop, from `start` on in the given state: code points, any script. */
function countWordsFrom(text: string, start: number, end: number, state: number): number {
  let n = 0;
  let prevWord = state === 1;
  let prevJoinerAfterWord = state === 2;
  for (let i = start; i < end; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < end) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (isWordCodePoint(cp)) {
      if (!prevWord && !prevJoinerAfterWord) n++;
      prevWord = true;
      prevJoinerAfterWord = false;
    } else {
      prevJoinerAfterWord = prevWord && (cp === 0x27 || cp === 0x2019 || cp === 0x2d || cp === 0x2e);
      prevWord = false;
    }
  }
  return n;
}

/**
 * Whitespace-separated pieces of `text` (what `text.split(/\s+/u).filter(nonEmpty).length` counts), without
 * allocating. Counting stops once it passes `limit`: rules only ask "at most N words?", and story paragraphs are
 * long.
 */
export function countSpaced(text: string, limit = Infinity): number {
  let n = 0;
  let inPiece = false;
  for (let i = 0; i < text.length && n <= limit; i++) {
    const space = isSpaceCode(text.charCodeAt(i));
    if (!space && !inPiece) n++;
    inPiece = !space;
  }
  return n;
}

/**
 * True when `text` ends with sentence-final punctuation, allowing closing quotes/brackets and spaces after it
 * ("…strikes.”"): what `/[.!?…。！？؟:;][\s"'”’»)\]]*$/u` matches (equality is a property test). Read from the end:
 * the regex, end-anchored, scanned every line of every text from its start (it runs once or twice per line).
 * The marks and the closers are disjoint, so only the character before the trailing closers and spaces decides.
 */
export function endsLikeSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isCloserOrSpace(text.charCodeAt(i))) i--;
  if (i < 0) return false;
  const c = text.charCodeAt(i);
  return (
    c === 0x2e /* . */ ||
    c === 0x21 /* ! */ ||
    c === 0x3f /* ? */ ||
    c === 0x3a /* : */ ||
    c === 0x3b /* ; */ ||
    c === 0x2026 /* … */ ||
    c === 0x3002 /* 。 */ ||
    c === 0xff01 /* ！ */ ||
    c === 0xff1f /* ？ */ ||
    c === 0x061f /* ؟ */
  );
}

function isCloserOrSpace(c: number): boolean {
  return (
    c === 0x22 /* " */ ||
    c === 0x27 /* ' */ ||
    c === 0x201d /* ” */ ||
    c === 0x2019 /* ’ */ ||
    c === 0xbb /* » */ ||
    c === 0x29 /* ) */ ||
    c === 0x5d /* ] */ ||
    isSpaceCode(c)
  );
}
