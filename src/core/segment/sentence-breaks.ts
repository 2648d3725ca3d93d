// Sentence boundaries by the Unicode rules (UAX #29, rules SB1-SB11), in plain TypeScript, for text made only of
// characters whose Sentence_Break class is fixed below. Intl.Segmenter applies the same rules through ICU, but
// every call copies the text into ICU and every boundary comes back as a new substring: on a 50-source story that
// was the largest single cost of segmentation (issue 3, "Speed"). Anything outside the table (other scripts'
// punctuation, format and combining characters, controls, astral code points) returns null and the caller asks
// ICU, so the answer is ICU's answer either way; sentence-breaks.test.ts checks that on random text.
//
// Rules SB5 (ignore Extend and Format) never applies: those characters are not in the table.

// Sentence_Break classes (UAX #29, table 4) that occur in the table. UNKNOWN: not in the table, ask ICU.
const OTHER = 0;
const CR = 1;
const LF = 2;
const SEP = 3;
const SP = 4;
const LOWER = 5;
const UPPER = 6;
const NUMERIC = 7;
const ATERM = 8;
const STERM = 9;
const CLOSE = 10;
const SCONTINUE = 11;
const UNKNOWN = 12;
/** 13 = not classified yet (letters are classified lazily from the regex properties below). */
const UNSET = 13;

const classes = new Uint8Array(0x10000).fill(UNSET);

function setAll(cls: number, chars: string): void {
  for (let i = 0; i < chars.length; i++) classes[chars.charCodeAt(i)] = cls;
}
function setRange(cls: number, from: number, to: number): void {
  for (let c = from; c <= to; c++) classes[c] = cls;
}

// C0 controls other than the spaces and line ends are left to ICU.
setRange(UNKNOWN, 0x00, 0x1f);
setRange(OTHER, 0x20, 0x7e);
classes[0x7f] = UNKNOWN;
setAll(SP, ' \t\v\f');
classes[0x0d] = CR;
classes[0x0a] = LF;
setRange(NUMERIC, 0x30, 0x39);
setRange(UPPER, 0x41, 0x5a);
setRange(LOWER, 0x61, 0x7a);
classes[0x2e] = ATERM; // .
setAll(STERM, '!?');
// Latin-1: C1 controls (with NEL, a separator) and the less common signs go to ICU; letters are classified below.
setRange(UNKNOWN, 0x80, 0xbf);
setAll(CLOSE, `"'()[]{}«»‘’‚‛“”„‟‹›`);
// Comma, hyphen-minus, colon, semicolon (SContinue since Unicode 15.1), en and em dash.
setAll(SCONTINUE, ',-:;–—');
setAll(SP, '\u00a0\u1680\u202f\u205f\u3000');
setRange(SP, 0x2000, 0x200a);
setAll(SEP, '\u2028\u2029');
setAll(OTHER, '¢£¤¥§©®°±×÷…•€');

const LOWERCASE = /^\p{Ll}$/u;
const UPPERCASE = /^\p{Lu}$/u;

/**
 * Class of a BMP code unit. Letters are Lower when \p{Ll} and Upper when \p{Lu} (SB: Lowercase / Uppercase
 * letters; the regex engine and ICU share their Unicode data), decided on first sight; every other code unit
 * not set above (titlecase and other letters, marks, format characters, surrogates, other scripts' punctuation)
 * is UNKNOWN.
 */
function classOf(c: number): number {
  let k = classes[c] as number;
  if (k === UNSET) {
    const ch = String.fromCharCode(c);
    k = LOWERCASE.test(ch) ? LOWER : UPPERCASE.test(ch) ? UPPER : UNKNOWN;
    classes[c] = k;
  }
  return k;
}

const isParaSep = (k: number): boolean => k === CR || k === LF || k === SEP;
const isSATerm = (k: number): boolean => k === ATERM || k === STERM;
/** Classes that end the look-ahead of SB8 (OLetter never occurs here: it is UNKNOWN). */
const stopsSB8 = (k: number): boolean => k === UPPER || k === LOWER || isParaSep(k) || isSATerm(k);

let scratch = new Uint8Array(256);

/**
 * Offsets (absolute, in (start, end)) of the sentence boundaries strictly inside text[start, end), or null when
 * the range holds a character this table does not know. Linear in the length of the range.
 */
export function sentenceBreaks(text: string, start: number, end: number): number[] | null {
  const n = end - start;
  if (scratch.length < n) scratch = new Uint8Array(Math.max(n, scratch.length * 2));
  const cls = scratch;
  let terminators = false;
  for (let i = 0; i < n; i++) {
    const k = classOf(text.charCodeAt(start + i));
    if (k === UNKNOWN) return null;
    cls[i] = k;
    if (isSATerm(k) || isParaSep(k)) terminators = true;
  }
  const cuts: number[] = [];
  if (!terminators) return cuts;
  // State of the text before position i: the last SATerm followed only by Close* Sp* (SB8-SB11's left side).
  let term = -1; // class of that terminator, -1 when the text before i does not end in SATerm Close* Sp*
  let sawSp = false;
  let termEnd = -1; // offset just after the terminator itself
  let stopAt = -1; // SB8 look-ahead: first offset >= the last query whose class stops the scan (n if none)
  for (let i = 1; i < n; i++) {
    const a = cls[i - 1] as number;
    if (isSATerm(a)) {
      term = a;
      sawSp = false;
      termEnd = i;
    } else if (term >= 0 && a === CLOSE && !sawSp) {
      // still SATerm Close*
    } else if (term >= 0 && a === SP) sawSp = true;
    else term = -1;
    const b = cls[i] as number;
    if (a === CR && b === LF) continue; // SB3
    if (isParaSep(a)) {
      cuts.push(start + i); // SB4
      continue;
    }
    if (term < 0) continue; // SB998: no terminator context, no boundary
    if (term === ATERM && termEnd === i) {
      if (b === NUMERIC) continue; // SB6
      if (b === UPPER && i >= 2 && (cls[i - 2] === UPPER || cls[i - 2] === LOWER)) continue; // SB7
    }
    if (term === ATERM) {
      // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
      if (stopAt < i) {
        stopAt = i;
        while (stopAt < n && !stopsSB8(cls[stopAt] as number)) stopAt++;
      }
      if (stopAt < n && cls[stopAt] === LOWER) continue;
    }
    if (b === SCONTINUE || isSATerm(b)) continue; // SB8a
    if (!sawSp && (b === CLOSE || b === SP || isParaSep(b))) continue; // SB9
    if (b === SP || isParaSep(b)) continue; // SB10
    cuts.push(start + i); // SB11
  }
  return cuts;
}
