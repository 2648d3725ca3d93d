// Tokenising for alignment (DESIGN.md, "Alignment, in one paragraph"): lower case, Porter stems, stop words marked,
// numbers and capitalised names typed, negations flagged, and words inside quotation marks marked, so the scorer
// can compare what two outlets quote. Done once per unit; the scorer works on the resulting ids only.

import { SubstringIds } from '../intern.ts';
import { registerMemo } from '../memo.ts';
import { forEachMatch } from '../scan.ts';
import { stem } from './stem.ts';

export type TokenType = 'word' | 'stop' | 'number' | 'name';

export interface Token {
  /** Matching key: the stem for words, the normalised value for numbers ("1,000" -> "1000"). */
  readonly key: string;
  readonly type: TokenType;
  /** Inside quotation marks in the unit text. */
  readonly quoted: boolean;
  readonly negation: boolean;
}

// A compact English stop list (function words only: content verbs like "said" are handled by IDF, not listed).
const STOP = new Set(
  `a an the and or but if then else of at by for with about against between into through during before after above
below to from up down in out on off over under again further once here there when where why how all any both each
few more most other some such own same so than too very s t can will just don should now i me my myself we our
ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself they them
their theirs themselves what which who whom this that these those am is are was were be been being have has had
having do does did doing would could ought i'm you're he's she's it's we're they're i've you've we've they've i'd
you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll they'll let's that's who's what's here's there's
when's where's why's how's as until while also its' 's may might must shall upon onto via per`.split(/\s+/),
);

const NEGATION = new Set([
  'not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'nowhere', 'cannot', 'without', 'refused',
  'denied', 'denies', 'deny', 'rejected', 'rejects', 'failed', 'fails',
]); // prettier-ignore

/** Negations that are function words: they flip a claim but carry no topic, so they are not content tokens. */
const FUNCTION_NEGATION = new Set(['not', 'no', 'never', 'nor', 'neither', 'cannot']);

const NUMBER_WORDS: Readonly<Record<string, string>> = {
  zero: '0', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', twenty: '20', thirty: '30', forty: '40', fifty: '50', hundred: '100',
  dozen: '12',
}; // prettier-ignore

// Words: letters/digits with inner apostrophes, hyphens, dots or commas between digits ("1,000", "3.5", "U.S.").
// Sticky, for forEachMatch: no match object per word.
const TOKEN_RE = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}]+(?:['’][\p{L}]+)*(?:\.[\p{L}](?=\.))*|[“”"«»„‟]/uy;
// Every alternative of TOKEN_RE starts with a character of this set, and from any such character one of them
// matches; so skipping runs of everything else finds exactly the token starts a global search (matchAll) finds.
const GAP_RE = /[^\p{L}\p{M}\p{N}“”"«»„‟]+/uy;

/** What a word's token is, apart from sentence position and quotation (see tokenize). */
interface WordInfo {
  readonly key: string;
  /** 'number' and 'stop' are final; 'word' becomes 'name' when `capital` and not the sentence's first word. */
  readonly type: 'word' | 'stop' | 'number';
  readonly capital: boolean;
  readonly negation: boolean;
}

/**
 * Per-word results, memoised by the exact matched text: a story repeats its words across 50 outlets, and stemming
 * plus the stop/negation/number lookups cost more than a lookup. Pure function of the word (see memo.ts). Keyed by
 * SubstringIds, so that a word already seen is found in the text without slicing it out (~3 MB per comparison on
 * the 50 x 2k bench).
 */
const WORD_MEMO_MAX = 200_000;
const wordIds = new SubstringIds();
const wordInfos: WordInfo[] = [];
registerMemo({
  clear: () => {
    wordIds.clear();
    wordInfos.length = 0;
  },
});

function wordInfoAt(text: string, start: number, end: number): WordInfo {
  if (wordIds.size >= WORD_MEMO_MAX) {
    wordIds.clear();
    wordInfos.length = 0;
  }
  const id = wordIds.idOf(text, start, end);
  return (wordInfos[id] ??= wordInfoUncached(wordIds.word(id)));
}

function wordInfoUncached(raw: string): WordInfo {
  let info: WordInfo;
  const c0 = raw.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    info = { key: raw.replace(/,(?=\d{3})/g, ''), type: 'number', capital: false, negation: false };
  } else {
    const lower = raw.toLowerCase().replace(/’/g, "'");
    const isNeg = NEGATION.has(lower) || lower.endsWith("n't");
    // Own keys only: a word like "constructor" must not find Object.prototype's members.
    const num = Object.hasOwn(NUMBER_WORDS, lower) ? NUMBER_WORDS[lower] : undefined;
    if (num !== undefined) info = { key: num, type: 'number', capital: false, negation: false };
    else {
      const bare = lower.replace(/'s$/, '').replace(/\./g, '');
      const stop = STOP.has(lower) || STOP.has(bare) || FUNCTION_NEGATION.has(lower) || lower.endsWith("n't");
      info = {
        key: stem(bare),
        type: stop ? 'stop' : 'word',
        // A capital that is not forced by the sentence start marks a name ("Putin", "Alaska", "NATO").
        capital: !stop && raw !== lower && /^\p{Lu}/u.test(raw),
        negation: isNeg,
      };
    }
  }
  return info;
}

/** Receives one token of scanTokens: the fields of `Token`, without an object per word. */
export type TokenVisitor = (key: string, type: TokenType, quoted: boolean, negation: boolean) => void;

/**
 * Every token of a text, in order, handed to `visit`. Quotation marks toggle `quoted` and are not tokens. prepare
 * uses this directly: a Token object per word plus matchAll's iterator results and match objects were ~20 MB of
 * garbage per comparison on the 50 x 2k bench (heap sampling), for values it copies into integer arrays at once.
 */
export function scanTokens(text: string, visit: TokenVisitor): void {
  let quoted = false;
  let first = true;
  forEachMatch(text, GAP_RE, TOKEN_RE, (start, end) => {
    if (end - start === 1) {
      // Curly marks say which side they are; straight ones toggle.
      const c = text.charCodeAt(start);
      if (c === 0x201c || c === 0xab || c === 0x201e) {
        quoted = true;
        return;
      }
      if (c === 0x201d || c === 0xbb || c === 0x201f) {
        quoted = false;
        return;
      }
      if (c === 0x22) {
        quoted = !quoted;
        return;
      }
    }
    const w = wordInfoAt(text, start, end);
    visit(w.key, w.type === 'word' && w.capital && !first ? 'name' : w.type, quoted, w.negation);
    first = false;
  });
}

/** Tokens of a text, in order. Quotation marks toggle the `quoted` flag and are not returned. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  scanTokens(text, (key, type, quoted, negation) => out.push({ key, type, quoted, negation }));
  return out;
}
