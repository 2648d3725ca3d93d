// Word diff of ONE aligned pair (issue 3, stage 6). Never called on whole articles: on reordered text Myers'
// O(ND) search explodes, so every call carries a budget (maxEditLength always; a wall-clock timeout only when the
// caller supplies a clock, so that compare without `now` stays deterministic).
//
// Why diffArrays over our own tokens instead of jsdiff's diffWords: diffWords "ignores whitespace but preserves it
// as far as possible", which means the equal parts carry the NEW string's spacing and `equal + delete` no longer
// concatenates back to `a` (checked on "a  b c" -> "a b d"). The UI and the offsets need exact round trips both
// ways, so we tokenise ourselves (words and single punctuation marks), let jsdiff's Myers implementation diff the
// token arrays, and rebuild the parts from slices of the original strings.

import { diffArrays } from 'diff';
import { SubstringIds } from '../intern.ts';
import { registerMemo } from '../memo.ts';
import { forEachMatch } from '../scan.ts';
import type { DiffPart } from '../model.ts';
import type { DiffOptions } from '../options.ts';

/** A token with its [start, end) offsets in the string it came from. */
export interface DiffToken {
  readonly text: string;
  /** Comparison key: apostrophe and quote-mark variants folded, so ’ and ' are the same token. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Words keep inner apostrophes, hyphens and digit separators together ("don't", "twenty-six", "26,000", "3.5");
 * every other non-space character is a token of its own, like jsdiff's diffWords.
 */
const TOKEN_RE = /[\p{L}\p{M}\p{N}]+(?:['’\-‐.,][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/uy;
/** Every non-space character starts a TOKEN_RE match, so the tokens are exactly what lies between runs of these. */
const SPACE_RE = /\s+/uy;

/** Per UTF-16 code unit, filled on first sight: 1 letter, mark or digit (\p{L}\p{M}\p{N}), 2 white space, 3 other. */
const unitClass = new Uint8Array(0x10000);
const WORD_UNIT = /^[\p{L}\p{M}\p{N}]$/u;
const SPACE_UNIT = /^\s$/u;
const SURROGATE = /[\uD800-\uDFFF]/;

function classOf(c: number): number {
  let v = unitClass[c]!;
  if (v === 0) {
    const ch = String.fromCharCode(c);
    v = unitClass[c] = WORD_UNIT.test(ch) ? 1 : SPACE_UNIT.test(ch) ? 2 : 3;
  }
  return v;
}

/** TOKEN_RE's inner separators: ' ’ - ‐ . , */
function isSeparator(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2d || c === 0x2010 || c === 0x2e || c === 0x2c;
}

/**
 * The TOKEN_RE matches of `s`, in order: a scan over a per-code-unit class table instead of two sticky regex calls
 * per token (SPACE_RE, then TOKEN_RE): those calls were most of the cost of reading a text's tokens (diff-stage Ir
 * -3.4%). Outside the surrogate range a code unit is a code point, so the table answers exactly what the regexes' \p
 * and \s classes do; text with surrogates takes the regexes. Tested against forEachDiffTokenByRegex.
 */
export function forEachDiffToken(s: string, visit: (start: number, end: number) => void): void {
  if (SURROGATE.test(s)) {
    forEachDiffTokenByRegex(s, visit);
    return;
  }
  const n = s.length;
  let pos = 0;
  while (pos < n) {
    const c = classOf(s.charCodeAt(pos));
    if (c === 2) {
      pos++;
      continue;
    }
    const start = pos++;
    // Not a word character: a token of its own.
    if (c === 3) {
      visit(start, pos);
      continue;
    }
    // [\p{L}\p{M}\p{N}]+ then any number of (separator, [\p{L}\p{M}\p{N}]+)
    for (;;) {
      while (pos < n && classOf(s.charCodeAt(pos)) === 1) pos++;
      if (pos + 1 < n && isSeparator(s.charCodeAt(pos)) && classOf(s.charCodeAt(pos + 1)) === 1) pos++;
      else break;
    }
    visit(start, pos);
  }
}

/** forEachMatch with the TOKEN_RE regexes: the reference forEachDiffToken is tested against. */
export function forEachDiffTokenByRegex(s: string, visit: (start: number, end: number) => void): void {
  forEachMatch(s, SPACE_RE, TOKEN_RE, visit);
}

/** Above this many tokens on either side a pair is not a sentence pair any more: go straight to the coarse diff. */
const MAX_TOKENS = 4_000;

/** Any character foldKey rewrites: most tokens have none and are their own key. */
const FOLDABLE = /[’‘`´“”„«»‐–—]/;

function foldKey(t: string): string {
  if (!FOLDABLE.test(t)) return t;
  return t
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/[‐–—]/g, '-');
}

/**
 * A text's tokens as two flat lists rather than an object per token: the memo keeps them for the whole comparison,
 * so each token object and its text string were copied by every young-generation GC (~63k tokens on the 50 x 2k
 * bench). keys[k] is the id of token k's comparison key (see `keyIds`); token k is text.slice(bounds[2k],
 * bounds[2k + 1]).
 */
interface TokenList {
  readonly keys: readonly number[];
  readonly bounds: readonly number[];
}

/**
 * Comparison keys as ids: equal keys get equal ids, so the memo keeps small integers instead of a string per token
 * (~78k strings on the 50 x 2k bench that every young-generation GC copied), a known word is looked up without
 * slicing it, and editOps marks ids in an array instead of filling Sets.
 */
const keyIds = new SubstringIds();

/**
 * Tokens per text, memoised: a unit is diffed against several partners in a comparison (and again by the views).
 * The tokens are a pure function of the text (given the ids) and never mutated, so sharing them changes no result.
 * The lists and the ids are emptied together (ids from two generations must never meet): at the bounds, checked
 * before a pair's two lists are fetched (see tokensOfPair), and by clearMemos().
 */
const tokenLists = registerMemo({
  lists: new Map<string, TokenList>(),
  clear(): void {
    this.lists.clear();
    keyIds.clear();
  },
});
const MAX_TEXTS = 20_000;
const MAX_KEYS = 500_000;

function tokensOfPair(a: string, b: string): [TokenList, TokenList] {
  if (tokenLists.lists.size + 2 > MAX_TEXTS || keyIds.size > MAX_KEYS) tokenLists.clear();
  return [tokensOf(a), tokensOf(b)];
}

function tokensOf(s: string): TokenList {
  let list = tokenLists.lists.get(s);
  if (list === undefined) {
    list = tokenList(s);
    tokenLists.lists.set(s, list);
  }
  return list;
}

/** tokenList's work buffer: key id and bounds per token, copied out at the exact size once the text is read. */
let tokenScratch = new Int32Array(3 * 256);

function tokenList(s: string): TokenList {
  let n = 0;
  // Most texts have no character to fold: then every token is its own key. A scan, not exec: no match object per
  // token (this runs once per unit of every reported pair; ~4 MB per comparison on the 50 x 2k bench).
  const fold = FOLDABLE.test(s);
  forEachDiffToken(s, (start, end) => {
    if (3 * n + 3 > tokenScratch.length) {
      const grown = new Int32Array(2 * tokenScratch.length);
      grown.set(tokenScratch);
      tokenScratch = grown;
    }
    let key: number;
    if (fold) {
      const folded = foldKey(s.slice(start, end));
      key = keyIds.idOf(folded, 0, folded.length);
    } else key = keyIds.idOf(s, start, end);
    tokenScratch[3 * n] = key;
    tokenScratch[3 * n + 1] = start;
    tokenScratch[3 * n + 2] = end;
    n++;
  });
  // Exact-size arrays: the memo keeps them for the whole comparison, and arrays grown by push were about twice
  // their final size in allocations, all copied by the young-generation GC.
  const keys = new Array<number>(n);
  const bounds = new Array<number>(2 * n);
  for (let k = 0; k < n; k++) {
    keys[k] = tokenScratch[3 * k]!;
    bounds[2 * k] = tokenScratch[3 * k + 1]!;
    bounds[2 * k + 1] = tokenScratch[3 * k + 2]!;
  }
  return { keys, bounds };
}

export function tokenizeForDiff(s: string): DiffToken[] {
  const { keys, bounds } = tokenList(s);
  return keys.map((key, k) => ({
    text: s.slice(bounds[2 * k]!, bounds[2 * k + 1]!),
    key: keyIds.word(key),
    start: bounds[2 * k]!,
    end: bounds[2 * k + 1]!,
  }));
}

/** Builds parts while keeping the invariant: equal+delete texts = a, equal+insert texts = b. */
class PartBuilder {
  readonly parts: DiffPart[] = [];
  private pendingDel = '';
  private pendingIns = '';

  equal(text: string): void {
    if (!text) return;
    this.flush();
    const last = this.parts[this.parts.length - 1];
    if (last && last.op === 'equal')
      this.parts[this.parts.length - 1] = { op: 'equal', text: last.text + text };
    else this.parts.push({ op: 'equal', text });
  }

  /** Deletes and inserts in one stretch of changes are shown as one delete followed by one insert. */
  del(text: string): void {
    this.pendingDel += text;
  }

  ins(text: string): void {
    this.pendingIns += text;
  }

  /** Text that is only in `a` (ta) and text that is only in `b` (tb); identical texts are equal. */
  pair(ta: string, tb: string): void {
    if (ta === tb) this.equal(ta);
    else {
      this.del(ta);
      this.ins(tb);
    }
  }

  flush(): void {
    if (this.pendingDel) this.parts.push({ op: 'delete', text: this.pendingDel });
    if (this.pendingIns) this.parts.push({ op: 'insert', text: this.pendingIns });
    this.pendingDel = '';
    this.pendingIns = '';
  }

  finish(): DiffPart[] {
    this.flush();
    return this.parts;
  }
}

/**
 * Turns a token-level edit script into parts. `ops` lists, in order, runs of equal (both advance), delete (a
 * advances) and insert (b advances) tokens. Whitespace before a token travels with it; in an equal run, spacing or
 * quote-mark differences become a small delete+insert so both strings still round-trip exactly.
 */
function buildParts(a: string, b: string, ta: TokenList, tb: TokenList, ops: readonly EditOp[]): DiffPart[] {
  const out = new PartBuilder();
  const ba = ta.bounds;
  const bb = tb.bounds;
  let ia = 0;
  let ib = 0;
  let ca = 0;
  let cb = 0;
  for (const { op, count } of ops) {
    if (op === 'equal') {
      // a[run, ca) is equal text not yet handed to `out`. Where spacing and token are the same on both sides the
      // run just grows and becomes one slice, instead of two slices, two part objects and two string
      // concatenations per token (~9 MB per comparison on the 50 x 2k bench). The parts are the same: `out` merges
      // adjacent equal texts anyway.
      let run = ca;
      for (let k = 0; k < count; k++) {
        const sa = ba[2 * ia]!;
        const ea = ba[2 * ia + 1]!;
        const sb = bb[2 * ib]!;
        const eb = bb[2 * ib + 1]!;
        ia++;
        ib++;
        if (sameText(a, sa, ea, b, sb, eb) && sameText(a, ca, sa, b, cb, sb)) {
          ca = ea;
          cb = eb;
          continue;
        }
        out.equal(a.slice(run, ca));
        out.pair(a.slice(ca, sa), b.slice(cb, sb));
        out.pair(a.slice(sa, ea), b.slice(sb, eb));
        ca = ea;
        cb = eb;
        run = ca;
      }
      out.equal(a.slice(run, ca));
    } else if (op === 'delete') {
      const end = ba[2 * (ia + count - 1) + 1]!;
      out.del(a.slice(ca, end));
      ca = end;
      ia += count;
    } else {
      const end = bb[2 * (ib + count - 1) + 1]!;
      out.ins(b.slice(cb, end));
      cb = end;
      ib += count;
    }
  }
  out.pair(a.slice(ca), b.slice(cb));
  return out.finish();
}

/** a.slice(aFrom, aTo) === b.slice(bFrom, bTo), without making either string. */
function sameText(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number): boolean {
  if (aTo - aFrom !== bTo - bFrom) return false;
  for (let k = 0; k < aTo - aFrom; k++) if (a.charCodeAt(aFrom + k) !== b.charCodeAt(bFrom + k)) return false;
  return true;
}

/**
 * The fallback when the budget runs out: common prefix and suffix tokens stay equal and the middle becomes one
 * replace. Coarse but honest (complete=false tells the UI), and linear.
 */
function coarseOps(ka: readonly number[], kb: readonly number[]): EditOp[] {
  let p = 0;
  const max = Math.min(ka.length, kb.length);
  while (p < max && ka[p] === kb[p]) p++;
  let s = 0;
  while (s < max - p && ka[ka.length - 1 - s] === kb[kb.length - 1 - s]) s++;
  const ops: EditOp[] = [];
  if (p) ops.push({ op: 'equal', count: p });
  if (ka.length - p - s) ops.push({ op: 'delete', count: ka.length - p - s });
  if (kb.length - p - s) ops.push({ op: 'insert', count: kb.length - p - s });
  if (s) ops.push({ op: 'equal', count: s });
  return ops;
}

/** editOps' marks: a slot per key id, stamps that only grow (see editOps); and its position buffers. */
let seen = new Int32Array(1024);
let nextStamp = 0;
let posA = new Int32Array(256);
let posB = new Int32Array(256);

/** A run of `count` tokens that are equal (both lists advance), deleted (only a's) or inserted (only b's). */
export interface EditOp {
  op: DiffPart['op'];
  count: number;
}

/**
 * A minimal edit script from the token keys `ka` to `kb`: its equal runs pair identical keys and hold a longest
 * common subsequence. Undefined when the budget ran out (more than maxEditLength edits, or the timeout with `now`).
 */
export function editOps(
  ka: readonly number[],
  kb: readonly number[],
  o: DiffOptions,
  now?: () => number,
): EditOp[] | undefined {
  // Same words (often: wire copy, minor edits of punctuation or spacing): no search needed.
  if (ka.length === kb.length && ka.every((k, i) => k === kb[i])) {
    return ka.length ? [{ op: 'equal', count: ka.length }] : [];
  }
  // Most aligned pairs share their opening and closing words: trim them first so Myers only searches the middle.
  let p = 0;
  const max = Math.min(ka.length, kb.length);
  while (p < max && ka[p] === kb[p]) p++;
  let q = 0;
  while (q < max - p && ka[ka.length - 1 - q] === kb[kb.length - 1 - q]) q++;
  // Tokens that occur only on one side can be in no common subsequence: they are changes whatever the alignment.
  // Myers' search costs O((N + M) D) and every such token adds to both N + M and D, so it searches only the tokens
  // both sides have (the preprocessing GNU diff does, "discard_confusing_lines"). The matching it finds is a longest
  // common subsequence of the whole middle too, so the diff stays minimal.
  // Which ids each side's middle holds, as stamps in a reused array (no Set per pair): seen[id] is stampB when only
  // b has it, stampA when both do.
  let top = 0;
  for (let k = p; k < kb.length - q; k++) top = Math.max(top, kb[k]! + 1);
  if (seen.length < top) seen = new Int32Array(Math.max(top, 2 * seen.length));
  if (nextStamp > 0x3fff_fff0) {
    seen.fill(0);
    nextStamp = 0;
  }
  const stampB = (nextStamp += 2) - 1;
  const stampBoth = nextStamp;
  for (let k = p; k < kb.length - q; k++) seen[kb[k]!] = stampB;
  // Positions of the kept tokens in reused buffers.
  if (posA.length < ka.length || posB.length < kb.length) {
    posA = new Int32Array(Math.max(ka.length, kb.length, 2 * posA.length));
    posB = new Int32Array(posA.length);
  }
  let na = 0;
  for (let k = p; k < ka.length - q; k++) {
    const key = ka[k]!;
    if (key < top && (seen[key] === stampB || seen[key] === stampBoth)) {
      seen[key] = stampBoth;
      posA[na++] = k;
    }
  }
  let nb = 0;
  for (let k = p; k < kb.length - q; k++) if (seen[kb[k]!] === stampBoth) posB[nb++] = k;
  // Most middles need no search (1,196 of the 1,744 on the 50 x 2k bench): no shared token (na and nb are zero
  // together: a kept token's key is in both middles), or the same shared tokens in the same order. jsdiff finds
  // both in its seed step, before any budget check, as one equal run or none; their ops are built here the same
  // way. word-diff.test.ts keeps the jsdiff-for-every-middle version as the reference.
  if (na !== nb || !sameKept(ka, kb, na)) return opsFromSearch(ka, kb, p, q, na, nb, o, now);
  const ops = new OpsBuilder(p);
  for (let k = 0; k < na; k++) ops.match(posA[k]!, posB[k]!);
  return ops.finish(ka.length, kb.length, q);
}

/** Are the kept tokens posA[0, n) of ka and posB[0, n) of kb the same keys in the same order? */
function sameKept(ka: readonly number[], kb: readonly number[], n: number): boolean {
  for (let k = 0; k < n; k++) if (ka[posA[k]!] !== kb[posB[k]!]) return false;
  return true;
}

/** The middle's kept tokens (posA[0, na), posB[0, nb)) matched by jsdiff's Myers search. */
function opsFromSearch(
  ka: readonly number[],
  kb: readonly number[],
  p: number,
  q: number,
  na: number,
  nb: number,
  o: DiffOptions,
  now: (() => number) | undefined,
): EditOp[] | undefined {
  // jsdiff needs the kept keys as arrays of their own.
  const ma = new Array<number>(na);
  for (let k = 0; k < na; k++) ma[k] = ka[posA[k]!]!;
  const mb = new Array<number>(nb);
  for (let k = 0; k < nb; k++) mb[k] = kb[posB[k]!]!;
  // jsdiff reads its own clock (Date.now) for `timeout`; we only pass it when the caller opted into wall-clock
  // budgets by supplying `now`, so the default path is deterministic.
  const changes = now
    ? diffArrays(ma, mb, { maxEditLength: o.maxEditLength, timeout: o.timeoutMs })
    : diffArrays(ma, mb, { maxEditLength: o.maxEditLength });
  if (!changes) return undefined;
  const ops = new OpsBuilder(p);
  let x = 0;
  let y = 0;
  for (const c of changes) {
    const count = c.value.length;
    if (c.removed) x += count;
    else if (c.added) y += count;
    else {
      for (let k = 0; k < count; k++) ops.match(posA[x + k]!, posB[y + k]!);
      x += count;
      y += count;
    }
  }
  return ops.finish(ka.length, kb.length, q);
}

/**
 * Ops from the matched token pairs, in order: between two matched tokens everything else is deleted from a and
 * inserted in b (PartBuilder shows a stretch of changes as one delete and one insert whatever their order).
 */
class OpsBuilder {
  readonly ops: EditOp[] = [];
  /** Next token of a and of b not yet covered by an op. */
  private ca: number;
  private cb: number;

  /** The first `p` tokens of both lists are equal. */
  constructor(p: number) {
    if (p) this.ops.push({ op: 'equal', count: p });
    this.ca = p;
    this.cb = p;
  }

  /** Token ia of a and ib of b are equal; no earlier token is matched after them. */
  match(ia: number, ib: number): void {
    this.gapTo(ia, ib);
    const last = this.ops[this.ops.length - 1];
    if (last && last.op === 'equal') last.count++;
    else this.ops.push({ op: 'equal', count: 1 });
    this.ca++;
    this.cb++;
  }

  /** The ops for lists of lengths la and lb whose last `q` tokens are equal. */
  finish(la: number, lb: number, q: number): EditOp[] {
    this.gapTo(la - q, lb - q);
    if (q) this.ops.push({ op: 'equal', count: q });
    return this.ops;
  }

  private gapTo(ia: number, ib: number): void {
    if (ia > this.ca) this.ops.push({ op: 'delete', count: ia - this.ca });
    if (ib > this.cb) this.ops.push({ op: 'insert', count: ib - this.cb });
    this.ca = ia;
    this.cb = ib;
  }
}

/**
 * Word diff from `a` to `b`. Concatenating the equal and delete parts gives `a` back exactly; equal and insert
 * parts give `b`. `complete` is false when the budget ran out and the parts are the coarse fallback.
 */
export function diffUnits(
  a: string,
  b: string,
  o: DiffOptions,
  now?: () => number,
): { parts: DiffPart[]; complete: boolean } {
  // The same text on both sides (units copied verbatim: 408 of the 2,152 pairs diffed on the 50 x 2k bench): one
  // equal part, what the token walk below gives. A text of at most MAX_TOKENS characters has at most that many tokens.
  if (a === b && a.length <= MAX_TOKENS)
    return { parts: a ? [{ op: 'equal', text: a }] : [], complete: true };
  const [ta, tb] = tokensOfPair(a, b);
  const ka = ta.keys;
  const kb = tb.keys;
  if (ka.length > MAX_TOKENS || kb.length > MAX_TOKENS) {
    return { parts: buildParts(a, b, ta, tb, coarseOps(ka, kb)), complete: false };
  }
  const ops = editOps(ka, kb, o, now);
  if (!ops) return { parts: buildParts(a, b, ta, tb, coarseOps(ka, kb)), complete: false };
  return { parts: buildParts(a, b, ta, tb, ops), complete: true };
}
