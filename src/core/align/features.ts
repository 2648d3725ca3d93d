// Cheap, explainable pair features for the similarity scorer (issue 3 stage 5, issue 5). Every unit is tokenised
// once into integer ids; a pair's features are then merges of sorted typed arrays plus one bounded LCS, so scoring
// stays in the microseconds the bench needs (issue 3, "Speed": 50 sources x 2k words in 500 ms).
//
// IDF comes from the units being compared (the batch): a word every outlet uses ("said", "Tuesday") weighs less than
// the rare words that make a claim. With few units the batch says little, so the weight is shrunk toward 1 by
// IDF_PRIOR_DOCS pseudo-documents; on MRPC this batch IDF beat uniform weights (docs/accuracy.md).

import { scanTokens } from './tokens.ts';

/** Pseudo-documents pulling IDF toward 1 when the batch is small (two sentences say nothing about rarity). */
export const IDF_PRIOR_DOCS = 20;
/** LCS is computed on at most this many content tokens per side: keeps the worst case at 60 x 60 cells. */
const LCS_MAX = 60;
/** Fuzzy matching is tried on at most this many unmatched tokens per side. */
const FUZZY_MAX = 8;

export const FEATURE_NAMES = [
  'cosine', // IDF-weighted cosine of content stems (fuzzy matches included)
  'jaccard', // weighted Jaccard: shared / (A + B - shared)
  'containMin', // shared / lighter side: one sentence inside the other
  'containMax', // shared / heavier side
  'bigramDice', // Dice over stem bigrams, stop words included: shared phrasing
  'lcsMin', // longest common subsequence of content stems / shorter side
  'lcsMax', // ... / longer side
  'lengthRatio', // tokens, shorter / longer
  'unmatchedMax', // log1p of the IDF weight left unmatched on the more-unmatched side: extra facts
  'unmatchedMin', // ... on the less-unmatched side
  'numberConflict', // both sides state numbers and each has one the other lacks
  'numberExtra', // log1p of numbers present on one side only
  'nameShared', // log1p of shared capitalised names
  'nameMissing', // log1p of capitalised names on one side only
  'negationMismatch', // one side negated, the other not
  'quoteOverlap', // both quote someone: containment of the quoted content words
  'unigramDice', // Dice over all stems, stop words included
  'charDice', // Dice over character 4-grams of the lower-cased text: morphology and spelling the stemmer misses
  'trigramDice', // Dice over stem trigrams, stop words included
  'unmatchedCountMax', // log1p of content words without a partner, on the side with more of them
  'unmatchedCountMin', // ... on the other side
  'sharedTopIdf', // IDF weight of the two rarest shared content words, summed: event-specific words in common
  'unmatchedRunMax', // log1p of the longest run of content words the other side lacks (either side): an extra clause
  'unmatchedStopMax', // log1p of stop-word tokens the other side lacks (either side): changed sentence structure
] as const;
export const FEATURE_COUNT = FEATURE_NAMES.length;

export interface UnitVector {
  /** All token ids in order (stop words included). */
  readonly all: Int32Array;
  /** Content token ids in order. */
  readonly content: Int32Array;
  /** Sorted unique content ids and their IDF weights. */
  readonly bag: Int32Array;
  readonly bagW: Float64Array;
  readonly totalW: number;
  readonly norm: number;
  /** Sorted unique 32-bit hashes of the bigrams over `all` (collisions are rare enough not to matter). */
  readonly bigrams: Int32Array;
  /** Sorted unique ids over `all` (for unigram Dice). */
  readonly uni: Int32Array;
  readonly numbers: Int32Array;
  readonly names: Int32Array;
  readonly quoted: Int32Array;
  readonly negated: boolean;
  /**
   * The distinct character 4-grams, as ids dense within this Prepared (one id per distinct 4-gram hash), in order of
   * first occurrence: only their overlap is read, counted through `gramMarks`, so they need no sorting.
   */
  readonly chars: Int32Array;
  /** Sorted unique hashes of stem trigrams. */
  readonly trigrams: Int32Array;
}

export interface Prepared {
  readonly keys: readonly string[];
  readonly vectors: readonly UnitVector[];
  /** IDF weight per id (content words; stop words get a small constant). */
  readonly idf: Float64Array;
  /** Number of units containing each id. */
  readonly df: Int32Array;
  /**
   * Distinct-text index of each unit: units with the same text get the same index and share one vector (so any
   * function of two vectors is a function of two text indexes, which compare uses to score and diff each pair of
   * texts once).
   */
  readonly textOf: Int32Array;
  /**
   * The first four code units of each key, packed two per number: fuzzyTokenMatch needs them equal, so pairs whose
   * packs differ are skipped without reading the strings.
   */
  readonly prefixHi: Int32Array;
  readonly prefixLo: Int32Array;
  /** Scratch for pairFeatures' 4-gram overlap: a slot per gram id (see `chars`), then the marked text and stamp. */
  readonly gramMarks: Int32Array;
  /**
   * Scratch for pairFeatures' word membership tests, one per side of the pair: a slot per word id for `bag`, one
   * per word id for `uni`, then the marked text and stamp (see markWords).
   */
  readonly wordMarksA: Int32Array;
  readonly wordMarksB: Int32Array;
}

const EMPTY = new Int32Array(0);

/**
 * Bump allocator for the per-unit arrays: they are views into a few large buffers, so prepare does not create tens
 * of thousands of small ArrayBuffers (each one a separate backing store that the GC must track and free; on the
 * 50-source bench that bookkeeping cost more than the tokenising). One arena per prepare() call.
 */
class Arena {
  private ints = EMPTY;
  private intPos = 0;
  private floats = new Float64Array(0);
  private floatPos = 0;

  int(n: number): Int32Array {
    if (n === 0) return EMPTY;
    if (this.intPos + n > this.ints.length) {
      this.ints = new Int32Array(Math.max(1 << 16, n));
      this.intPos = 0;
    }
    // A view on the buffer directly: subarray() goes through the species-constructor lookup, measurably slower.
    const v = new Int32Array(this.ints.buffer, this.intPos * 4, n);
    this.intPos += n;
    return v;
  }

  float(n: number): Float64Array {
    if (this.floatPos + n > this.floats.length) {
      this.floats = new Float64Array(Math.max(1 << 14, n));
      this.floatPos = 0;
    }
    const v = new Float64Array(this.floats.buffer, this.floatPos * 8, n);
    this.floatPos += n;
    return v;
  }

  /** Sorted unique values of scratch[0, len) (a typed array's default sort is numeric), copied into the arena. */
  uniqueOfScratch(len: number): Int32Array {
    if (len === 0) return EMPTY;
    const a = scratch;
    sortScratch(len);
    let n = 1;
    for (let i = 1; i < len; i++) if (a[i] !== a[n - 1]) a[n++] = a[i]!;
    const v = this.int(n);
    for (let i = 0; i < n; i++) v[i] = a[i]!;
    return v;
  }

  sortedUnique(ids: ArrayLike<number>): Int32Array {
    const s = scratchFor(ids.length);
    for (let i = 0; i < ids.length; i++) s[i] = ids[i]!;
    return this.uniqueOfScratch(ids.length);
  }
}

/** Reused work buffer for hashing and sorting one unit at a time (prepare is synchronous, so never shared). */
let scratch = new Int32Array(1024);
function scratchFor(n: number): Int32Array {
  if (n > scratch.length) scratch = new Int32Array(Math.max(n, 2 * scratch.length));
  return scratch;
}

/**
 * At or below this length an insertion sort in place, as fast as the built-in sort there (0.15 us at 8 elements),
 * spares the subarray() view the built-in needs: about half of prepare's sorts are this short, and the views were
 * ~4 MB per comparison on the 50 x 2k bench.
 */
const INSERTION_SORT_MAX = 16;

/** Sort scratch[0, len) in numeric order, in place, as the built-in typed-array sort does. */
function sortScratch(len: number): void {
  const a = scratch;
  if (len > INSERTION_SORT_MAX) {
    a.subarray(0, len).sort();
    return;
  }
  for (let i = 1; i < len; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > x) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
}

interface RawUnit {
  /** Arena views, written once. */
  all: Int32Array;
  content: Int32Array;
  numbers: Int32Array;
  names: Int32Array;
  quoted: Int32Array;
  negated: boolean;
}

/**
 * Work lists for one text's token ids by role, reused for every text: the ids go to the arena at their final size
 * once the text is read, instead of five JS arrays per text grown by push (13k arrays on the 50 x 2k bench).
 */
class IdList {
  ids = new Int32Array(256);
  n = 0;

  push(id: number): void {
    if (this.n === this.ids.length) {
      const grown = new Int32Array(2 * this.n);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.n++] = id;
  }

  /** The ids so far, copied into the arena; the list is emptied. */
  take(arena: Arena): Int32Array {
    const v = arena.int(this.n);
    for (let k = 0; k < this.n; k++) v[k] = this.ids[k]!;
    this.n = 0;
    return v;
  }
}
const rawAll = new IdList();
const rawContent = new IdList();
const rawNumbers = new IdList();
const rawNames = new IdList();
const rawQuoted = new IdList();

/** Tokenise every text once and build the id vectors with batch IDF. */
export function prepare(texts: readonly string[]): Prepared {
  // Each distinct text is tokenised and hashed once; a story told by 50 outlets repeats sentences verbatim (the
  // 50 x 2k bench: 5,649 units, 2,589 distinct texts). Ids are given in order of first appearance, as before, and
  // df counts every copy, so ids, IDF and vectors are what one pass over all units gives.
  const textOf = new Int32Array(texts.length);
  const distinct: string[] = [];
  const copies: number[] = [];
  {
    const indexOf = new Map<string, number>();
    for (let i = 0; i < texts.length; i++) {
      const t = texts[i]!;
      let d = indexOf.get(t);
      if (d === undefined) {
        d = distinct.length;
        indexOf.set(t, d);
        distinct.push(t);
        copies.push(0);
      }
      copies[d]!++;
      textOf[i] = d;
    }
  }
  const vocab = new Map<string, number>();
  const keys: string[] = [];
  const isStop: boolean[] = [];
  const idOf = (k: string, stop: boolean): number => {
    let id = vocab.get(k);
    if (id === undefined) {
      id = keys.length;
      vocab.set(k, id);
      keys.push(k);
      isStop.push(stop);
    } else if (!stop) isStop[id] = false;
    return id;
  };
  const arena = new Arena();
  const raws: RawUnit[] = distinct.map((t) => {
    let neg = 0;
    scanTokens(t, (key, type, quoted, negation) => {
      const id = idOf(key, type === 'stop');
      rawAll.push(id);
      if (negation) neg++;
      if (type === 'stop') return;
      rawContent.push(id);
      if (type === 'number') rawNumbers.push(id);
      else if (type === 'name') rawNames.push(id);
      if (quoted) rawQuoted.push(id);
    });
    return {
      all: rawAll.take(arena),
      content: rawContent.take(arena),
      numbers: rawNumbers.take(arena),
      names: rawNames.take(arena),
      quoted: rawQuoted.take(arena),
      negated: neg % 2 === 1,
    };
  });

  const df = new Int32Array(keys.length);
  const bags = raws.map((r) => arena.sortedUnique(r.content));
  const unis = raws.map((r) => arena.sortedUnique(r.all));
  unis.forEach((u, d) => {
    for (let k = 0; k < u.length; k++) df[u[k]!]! += copies[d]!;
  });
  const n = texts.length;
  const idf = new Float64Array(keys.length);
  const logN = Math.log(n + 1.5);
  for (let id = 0; id < keys.length; id++) {
    if (isStop[id]) {
      idf[id] = 0.1;
      continue;
    }
    const raw = Math.log((n + 1) / (df[id]! + 0.5)) / logN;
    const clamped = Math.min(1, Math.max(0.05, raw));
    idf[id] = (n * clamped + IDF_PRIOR_DOCS) / (n + IDF_PRIOR_DOCS);
  }

  const grams = new GramIds();
  const vectors = raws.map((r, i): UnitVector => {
    const bag = bags[i]!;
    const bagW = arena.float(bag.length);
    let totalW = 0;
    let sq = 0;
    for (let k = 0; k < bag.length; k++) {
      const w = idf[bag[k]!]!;
      bagW[k] = w;
      totalW += w;
      sq += w * w;
    }
    const all = r.all;
    // Hashes go into the scratch buffer, then only the sorted unique ones into the arena.
    const bs = scratchFor(all.length);
    for (let k = 1; k < all.length; k++) bs[k - 1] = (Math.imul(all[k - 1]!, 0x9e3779b1) ^ all[k]!) | 0;
    const bigrams = arena.uniqueOfScratch(Math.max(0, all.length - 1));
    return {
      all,
      content: r.content,
      bag,
      bagW,
      totalW,
      norm: Math.sqrt(sq),
      bigrams,
      uni: unis[i]!,
      numbers: arena.sortedUnique(r.numbers),
      names: arena.sortedUnique(r.names),
      quoted: arena.sortedUnique(r.quoted),
      negated: r.negated,
      chars: charGrams(distinct[i]!, arena, grams),
      trigrams: trigramHashes(all, arena),
    };
  });
  const prefixHi = new Int32Array(keys.length);
  const prefixLo = new Int32Array(keys.length);
  keys.forEach((k, id) => {
    // charCodeAt past the end is NaN, which packs as 0: keys shorter than 4 never pass fuzzyTokenMatch anyway.
    prefixHi[id] = (k.charCodeAt(0) << 16) | k.charCodeAt(1);
    prefixLo[id] = (k.charCodeAt(2) << 16) | k.charCodeAt(3);
  });
  return {
    keys,
    vectors: Array.from(textOf, (d) => vectors[d]!),
    prefixHi,
    prefixLo,
    idf,
    df,
    textOf,
    gramMarks: new Int32Array(grams.size + 2),
    wordMarksA: new Int32Array(2 * keys.length + 2),
    wordMarksB: new Int32Array(2 * keys.length + 2),
  };
}

/** Ids of the distinct FNV-1a hashes of the character 4-grams of a text (lower case, non-letters as one space). */
function charGrams(text: string, arena: Arena, grams: GramIds): Int32Array {
  const fast = gramCodes(text);
  if (fast >= 0) return gramIdsOf(gramBuf, fast, arena, grams);
  const t = ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
  const codes = gramBufFor(t.length);
  for (let i = 0; i < t.length; i++) codes[i] = t.charCodeAt(i);
  return gramIdsOf(codes, t.length, arena, grams);
}

function gramIdsOf(t: Uint16Array, tLen: number, arena: Arena, grams: GramIds): Int32Array {
  const len = Math.max(0, tLen - 3);
  const out = scratchFor(len);
  const stamp = grams.nextStamp();
  let n = 0;
  for (let i = 0; i + 4 <= tLen; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < i + 4; k++) h = Math.imul(h ^ t[k]!, 16777619);
    const id = grams.idOf(h | 0);
    if (grams.mark(id, stamp)) out[n++] = id;
  }
  const v = arena.int(n);
  for (let k = 0; k < n; k++) v[k] = out[k]!;
  return v;
}

/**
 * Dense ids for 4-gram hashes (open addressing on typed arrays), with a stamp per id to drop a text's repeats. Two
 * texts share a 4-gram id exactly when they share its hash, so overlaps counted on ids are those of the hashes.
 */
class GramIds {
  private hashes = new Int32Array(1 << 14);
  private slotId = new Int32Array(1 << 14).fill(-1);
  private stamps = new Int32Array(1 << 12);
  private stamp = 0;
  size = 0;

  nextStamp(): number {
    return ++this.stamp;
  }

  /** True the first time `id` is marked with `stamp`. */
  mark(id: number, stamp: number): boolean {
    if (this.stamps[id] === stamp) return false;
    this.stamps[id] = stamp;
    return true;
  }

  idOf(h: number): number {
    const mask = this.slotId.length - 1;
    let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const id = this.slotId[slot]!;
      if (id < 0) break;
      if (this.hashes[slot] === h) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.size++;
    this.slotId[slot] = id;
    this.hashes[slot] = h;
    if (id >= this.stamps.length) {
      const grown = new Int32Array(2 * this.stamps.length);
      grown.set(this.stamps);
      this.stamps = grown;
    }
    if (2 * this.size > this.slotId.length) this.grow();
    return id;
  }

  private grow(): void {
    const hashes = new Int32Array(2 * this.hashes.length);
    const slotId = new Int32Array(2 * this.slotId.length).fill(-1);
    const mask = slotId.length - 1;
    for (let s = 0; s < this.slotId.length; s++) {
      const id = this.slotId[s]!;
      if (id < 0) continue;
      const h = this.hashes[s]!;
      let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
      while (slotId[slot]! >= 0) slot = (slot + 1) & mask;
      slotId[slot] = id;
      hashes[slot] = h;
    }
    this.hashes = hashes;
    this.slotId = slotId;
  }
}

/**
 * The text charGrams hashes, built one code unit at a time into gramBuf instead of by toLowerCase + replace + trim +
 * a template: those were ~8 MB of strings per comparison on the 50 x 2k bench. Returns its length, or -1 when the
 * text has a code unit whose lower case is not one code unit of its own (surrogates, "İ", or "Σ", whose lower case
 * depends on its neighbours): then charGrams takes the string path, so the hashes are the same in every case.
 */
function gramCodes(text: string): number {
  const buf = gramBufFor(text.length + 2);
  buf[0] = 32;
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let v = gramClass[c]!;
    if (v === 0) v = gramClass[c] = classifyGramUnit(c);
    if (v > 0) buf[n++] = v - 1;
    else if (v === GRAM_SPACE) {
      if (buf[n - 1] !== 32) buf[n++] = 32;
    } else return -1;
  }
  if (buf[n - 1] !== 32) buf[n++] = 32;
  return n;
}

/** Per code unit, filled on first sight: 1 + its lower case when a letter or digit, else GRAM_SPACE or GRAM_SLOW. */
const gramClass = new Int32Array(0x10000);
const GRAM_SPACE = -1;
const GRAM_SLOW = -2;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
function classifyGramUnit(c: number): number {
  if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3a3) return GRAM_SLOW;
  const lower = String.fromCharCode(c).toLowerCase();
  if (lower.length !== 1) return GRAM_SLOW;
  return LETTER_OR_NUMBER.test(lower) ? lower.charCodeAt(0) + 1 : GRAM_SPACE;
}

let gramBuf = new Uint16Array(1024);
function gramBufFor(n: number): Uint16Array {
  if (n > gramBuf.length) gramBuf = new Uint16Array(Math.max(n, 2 * gramBuf.length));
  return gramBuf;
}

function trigramHashes(ids: Int32Array, arena: Arena): Int32Array {
  const len = Math.max(0, ids.length - 2);
  const out = scratchFor(len);
  for (let k = 2; k < ids.length; k++) {
    out[k - 2] = (Math.imul(ids[k - 2]!, 0x9e3779b1) ^ Math.imul(ids[k - 1]!, 0x85ebca6b) ^ ids[k]!) | 0;
  }
  return arena.uniqueOfScratch(len);
}

function dice(a: Int32Array, b: Int32Array): number {
  const s = a.length + b.length;
  return s > 0 ? (2 * intersectCount(a, b)) / s : 0;
}

/**
 * Size of the intersection of two sorted sets. Branch-free steps: on hashed n-grams the three-way branch of a
 * textbook merge is unpredictable, and this form was 2.2x faster on the 50 x 2k bench's character 4-grams (the
 * scorer's single hottest loop: two ~600-element sets per scored pair).
 */
function intersectCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  const la = a.length;
  const lb = b.length;
  while (i < la && j < lb) {
    const x = a[i]!;
    const y = b[j]!;
    n += +(x === y);
    i += +(x <= y);
    j += +(x >= y);
  }
  return n;
}

/**
 * Marks the words of text `t` (vector `v`) in `marks`: marks[id] === stamp when id is in v.bag, marks[vocab + id]
 * === stamp when in v.uni. Returns the stamp. Like charDice's marks, kept while the same text is asked for again
 * (the aligner scores a unit against its candidates one after another), and stamps only grow, so marks left by an
 * earlier text never read as the current one's. A membership test is then one load instead of a binary search:
 * the two clause features below did ~40% of pairFeatures' work in binary searches on the 50 x 2k bench.
 */
function markWords(marks: Int32Array, vocab: number, t: number, v: UnitVector): number {
  const whoSlot = marks.length - 2;
  const stampSlot = marks.length - 1;
  if (marks[whoSlot] === t + 1) return marks[stampSlot]!;
  const stamp = marks[stampSlot]! + 1;
  marks[stampSlot] = stamp;
  marks[whoSlot] = t + 1;
  const bag = v.bag;
  for (let k = 0; k < bag.length; k++) marks[bag[k]!] = stamp;
  const uni = v.uni;
  for (let k = 0; k < uni.length; k++) marks[vocab + uni[k]!] = stamp;
  return stamp;
}

/** dice(a.uni, b.uni), counting b's unique words marked as a's (`aMarks`/`aStamp` from markWords). */
function uniDice(a: UnitVector, b: UnitVector, aMarks: Int32Array, aStamp: number, vocab: number): number {
  const s = a.uni.length + b.uni.length;
  if (s === 0) return 0;
  const uni = b.uni;
  let shared = 0;
  for (let k = 0; k < uni.length; k++) shared += +(aMarks[vocab + uni[k]!] === aStamp);
  return (2 * shared) / s;
}

/**
 * Longest run of consecutive content tokens of `x` whose stem `y` lacks (spelling variants count as lacking).
 * `yMarks`/`yStamp`: y's words marked by markWords.
 */
function longestUnmatchedRun(x: UnitVector, yMarks: Int32Array, yStamp: number): number {
  let run = 0;
  let longest = 0;
  const c = x.content;
  for (let k = 0; k < c.length; k++) {
    if (yMarks[c[k]!] === yStamp) run = 0;
    else if (++run > longest) longest = run;
  }
  return longest;
}

/** Stop-word tokens of `x` (repeats counted) that appear nowhere in `y`; both marked by markWords. */
function unmatchedStopTokens(
  x: UnitVector,
  xMarks: Int32Array,
  xStamp: number,
  yMarks: Int32Array,
  yStamp: number,
  vocab: number,
): number {
  let n = 0;
  const all = x.all;
  for (let k = 0; k < all.length; k++) {
    const id = all[k]!;
    if (yMarks[vocab + id] !== yStamp && xMarks[id] !== xStamp) n++;
  }
  return n;
}

/**
 * Dice over the distinct 4-grams of a and b, where a is the vector of distinct text ta (see `textOf`): a's grams
 * are marked in p.gramMarks, then b's are counted. The aligner scores a unit against its candidates one after
 * another (candidates come sorted by their first unit), so the marking is kept for the next pair with the same
 * first text. The array's last two slots say which text is marked (index + 1) and with which stamp; stamps only
 * grow, so marks left by an earlier text never equal the current one. The state lives in the Prepared itself.
 */
function charDice(p: Prepared, ta: number, a: UnitVector, b: UnitVector): number {
  const s = a.chars.length + b.chars.length;
  if (s === 0) return 0;
  const marks = p.gramMarks;
  const whoSlot = marks.length - 2;
  const stampSlot = marks.length - 1;
  let stamp = marks[stampSlot]!;
  if (marks[whoSlot] !== ta + 1) {
    stamp++;
    marks[stampSlot] = stamp;
    marks[whoSlot] = ta + 1;
    const ca = a.chars;
    for (let k = 0; k < ca.length; k++) marks[ca[k]!] = stamp;
  }
  const cb = b.chars;
  let shared = 0;
  for (let k = 0; k < cb.length; k++) shared += +(marks[cb[k]!] === stamp);
  return (2 * shared) / s;
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
function editDistanceWithin(s: string, t: string, max: number): boolean {
  if (Math.abs(s.length - t.length) > max) return false;
  let prev = new Array<number>(t.length + 1);
  let cur = new Array<number>(t.length + 1);
  for (let j = 0; j <= t.length; j++) prev[j] = j;
  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    [prev, cur] = [cur, prev];
  }
  return prev[t.length]! <= max;
}

/**
 * Spelling variants (Zelenskiy / Zelenskyy, Kyiv / Kiev is too far and stays apart): same first four letters and
 * an edit distance of 1 (2 for words of 8+ letters). Only words of 5+ letters, so "war"/"was" never match.
 */
export function fuzzyTokenMatch(s: string, t: string): boolean {
  if (s.length < 5 || t.length < 5) return false;
  for (let k = 0; k < 4; k++) if (s.charCodeAt(k) !== t.charCodeAt(k)) return false;
  if (DIGIT.test(s) || DIGIT.test(t)) return false;
  return editDistanceWithin(s, t, Math.min(s.length, t.length) >= 8 ? 2 : 1);
}
const DIGIT = /\d/;

/** Per token id, the positions (bits) where it occurs in the second sequence, in two 30-bit halves (LCS_MAX <= 60). */
let lcsMaskLo = new Int32Array(1024);
let lcsMaskHi = new Int32Array(1024);
const LOW30 = (1 << 30) - 1;

function popcount30(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Length of the longest common subsequence of the first LCS_MAX ids of a and b, bit-parallel (Hyyrö 2004): bit j
 * of V is 0 where row j of the LCS table steps up, so the length is the number of zero bits among b's m bits.
 * The same number as the 60 x 60 dynamic programme it replaced (property-tested against it), in n word steps
 * instead of n x m cells. `maxId` bounds the ids (the vocabulary size).
 */
function lcsLength(a: Int32Array, b: Int32Array, maxId: number): number {
  const n = Math.min(a.length, LCS_MAX);
  const m = Math.min(b.length, LCS_MAX);
  if (n === 0 || m === 0) return 0;
  if (maxId > lcsMaskLo.length) {
    lcsMaskLo = new Int32Array(Math.max(maxId, 2 * lcsMaskLo.length));
    lcsMaskHi = new Int32Array(lcsMaskLo.length);
  }
  const lo = lcsMaskLo;
  const hi = lcsMaskHi;
  for (let j = 0; j < m; j++) {
    const id = b[j]!;
    if (j < 30) lo[id] = lo[id]! | (1 << j);
    else hi[id] = hi[id]! | (1 << (j - 30));
  }
  const mLo = m >= 30 ? LOW30 : (1 << m) - 1;
  const mHi = m > 30 ? (1 << (m - 30)) - 1 : 0;
  let vLo = mLo;
  let vHi = mHi;
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const pLo = lo[x]!;
    const pHi = hi[x]!;
    if ((pLo | pHi) === 0) continue; // V + 0 | V: unchanged
    // V' = (V + (V & P)) | (V & ~P), the sum carried from the low half into the high one.
    const sumLo = vLo + (vLo & pLo);
    const sumHi = vHi + (vHi & pHi) + (sumLo >>> 30);
    vLo = (sumLo & LOW30) | (vLo & ~pLo);
    vHi = (sumHi & LOW30) | (vHi & ~pHi);
  }
  for (let j = 0; j < m; j++) {
    const id = b[j]!;
    lo[id] = 0;
    hi[id] = 0;
  }
  return m - popcount30(vLo & mLo) - popcount30(vHi & mHi);
}

/** The textbook O(n x m) LCS table over the same prefixes, kept as the reference lcsLength is tested against. */
export function lcsLengthTable(a: Int32Array, b: Int32Array): number {
  const n = Math.min(a.length, LCS_MAX);
  const m = Math.min(b.length, LCS_MAX);
  const row = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) {
    let diag = 0;
    const x = a[i]!;
    for (let j = 1; j <= m; j++) {
      const up = row[j]!;
      row[j] = x === b[j - 1]! ? diag + 1 : Math.max(up, row[j - 1]!);
      diag = up;
    }
  }
  return row[m]!;
}

/** lcsLength for tests (ids must be non-negative). */
export function lcsLengthBits(a: Int32Array, b: Int32Array): number {
  let max = 0;
  for (const x of a) max = Math.max(max, x + 1);
  for (const x of b) max = Math.max(max, x + 1);
  return lcsLength(a, b, max);
}

const usedScratch = new Uint8Array(FUZZY_MAX);
// Bag positions without an exact partner, filled up to nA / nB per pair. Typed and kept between pairs: emptying a
// JS array with `length = 0` frees its backing store in V8, so every pair grew two new ones (~9 MB per comparison
// on the 50 x 2k bench).
let unmatchedA = new Int32Array(256);
let unmatchedB = new Int32Array(256);

/** Fill `out` (length FEATURE_COUNT) with the features of the pair (a, b). Symmetric in a and b. */
export function pairFeatures(p: Prepared, ia: number, ib: number, out: Float64Array): void {
  const a = p.vectors[ia]!;
  const b = p.vectors[ib]!;
  // Weighted overlap of the content bags, by merging the sorted id arrays.
  let shared = 0;
  let dot = 0;
  // The two largest IDF weights among exactly shared words. One or two rare words in common (a place, a name, an
  // unusual noun) mark the same event even when the rest is worded differently, while a sentence about a sibling
  // event shares only the story's common vocabulary (ECB+ hard negatives: "quake", "Iran", "Sunday"). Measured on
  // ECB+ dev with the IDF of both events of a topic: pair AUC 0.804 -> 0.813, MRPC unchanged (docs/accuracy.md).
  let top1 = 0;
  let top2 = 0;
  let i = 0;
  let j = 0;
  const bagA = a.bag;
  const bagB = b.bag;
  const la = bagA.length;
  const lb = bagB.length;
  if (la > unmatchedA.length || lb > unmatchedB.length) {
    unmatchedA = new Int32Array(Math.max(la, lb, 2 * unmatchedA.length));
    unmatchedB = new Int32Array(unmatchedA.length);
  }
  const uA = unmatchedA;
  const uB = unmatchedB;
  let nA = 0;
  let nB = 0;
  // Integer-only merge, then the tails: the same visiting order as a merge with +Infinity sentinels.
  while (i < la && j < lb) {
    const x = bagA[i]!;
    const y = bagB[j]!;
    if (x === y) {
      const w = a.bagW[i]!;
      shared += w;
      dot += w * w;
      if (w > top1) {
        top2 = top1;
        top1 = w;
      } else if (w > top2) top2 = w;
      i++;
      j++;
    } else if (x < y) {
      uA[nA++] = i++;
    } else {
      uB[nB++] = j++;
    }
  }
  while (i < la) uA[nA++] = i++;
  while (j < lb) uB[nB++] = j++;
  // Spelling variants among what is left, each token used once.
  let fuzzyMatched = 0;
  if (nA && nB) {
    const na = Math.min(nA, FUZZY_MAX);
    const nb = Math.min(nB, FUZZY_MAX);
    const usedB = usedScratch.fill(0, 0, nb);
    const hi = p.prefixHi;
    const lo = p.prefixLo;
    for (let x = 0; x < na; x++) {
      const ida = a.bag[uA[x]!]!;
      for (let y = 0; y < nb; y++) {
        if (usedB[y]) continue;
        const idb = b.bag[uB[y]!]!;
        if (hi[ida] !== hi[idb] || lo[ida] !== lo[idb]) continue; // different first four: no match
        if (fuzzyTokenMatch(p.keys[ida]!, p.keys[idb]!)) {
          usedB[y] = 1;
          fuzzyMatched++;
          const w = 0.9 * Math.min(a.bagW[uA[x]!]!, b.bagW[uB[y]!]!);
          shared += w;
          dot += w * w;
          break;
        }
      }
    }
  }
  const wa = a.totalW;
  const wb = b.totalW;
  const minW = Math.min(wa, wb);
  const maxW = Math.max(wa, wb);
  out[0] = a.norm > 0 && b.norm > 0 ? Math.min(1, dot / (a.norm * b.norm)) : 0;
  out[1] = wa + wb - shared > 0 ? shared / (wa + wb - shared) : 0;
  out[2] = minW > 0 ? Math.min(1, shared / minW) : 0;
  out[3] = maxW > 0 ? Math.min(1, shared / maxW) : 0;
  const bs = a.bigrams.length + b.bigrams.length;
  out[4] = bs > 0 ? (2 * intersectCount(a.bigrams, b.bigrams)) / bs : 0;
  const lcs = lcsLength(a.content, b.content, p.keys.length);
  const minC = Math.min(a.content.length, b.content.length, LCS_MAX);
  const maxC = Math.min(Math.max(a.content.length, b.content.length), LCS_MAX);
  out[5] = minC > 0 ? lcs / minC : 0;
  out[6] = maxC > 0 ? lcs / maxC : 0;
  const ta = a.all.length;
  const tb = b.all.length;
  out[7] = Math.max(ta, tb) > 0 ? Math.min(ta, tb) / Math.max(ta, tb) : 1;
  const ua = Math.max(0, wa - shared);
  const ub = Math.max(0, wb - shared);
  out[8] = Math.log1p(Math.max(ua, ub));
  out[9] = Math.log1p(Math.min(ua, ub));
  const numShared = intersectCount(a.numbers, b.numbers);
  const numOnlyA = a.numbers.length - numShared;
  const numOnlyB = b.numbers.length - numShared;
  out[10] = numOnlyA > 0 && numOnlyB > 0 ? 1 : 0;
  out[11] = Math.log1p(numOnlyA + numOnlyB);
  const nameShared = intersectCount(a.names, b.names);
  out[12] = Math.log1p(nameShared);
  out[13] = Math.log1p(a.names.length + b.names.length - 2 * nameShared);
  out[14] = a.negated !== b.negated ? 1 : 0;
  if (a.quoted.length > 0 && b.quoted.length > 0) {
    out[15] = intersectCount(a.quoted, b.quoted) / Math.min(a.quoted.length, b.quoted.length);
  } else out[15] = 0;
  // Word marks for the unigram Dice here and the clause features below (markWords).
  const vocab = p.keys.length;
  const mA = p.wordMarksA;
  const mB = p.wordMarksB;
  const sA = markWords(mA, vocab, p.textOf[ia]!, a);
  const sB = markWords(mB, vocab, p.textOf[ib]!, b);
  out[16] = uniDice(a, b, mA, sA, vocab);
  out[17] = charDice(p, p.textOf[ia]!, a, b);
  out[18] = dice(a.trigrams, b.trigrams);
  const ca = nA;
  const cb = nB;
  out[19] = Math.log1p(Math.max(ca, cb) - fuzzyMatched);
  out[20] = Math.log1p(Math.min(ca, cb) - fuzzyMatched);
  out[21] = top1 + top2;
  // Where the unmatched words sit (issue 5, MRPC): a paraphrase rewords throughout, while a sentence that is not one
  // usually carries a whole clause the other lacks, or is built differently around the shared words. Nested 10-fold
  // CV on MRPC train (weights and threshold fitted on nine folds): accuracy 0.766 -> 0.779, F1 0.834 -> 0.841
  // (docs/accuracy.md).
  out[22] = Math.log1p(Math.max(longestUnmatchedRun(a, mB, sB), longestUnmatchedRun(b, mA, sA)));
  out[23] = Math.log1p(
    Math.max(unmatchedStopTokens(a, mA, sA, mB, sB, vocab), unmatchedStopTokens(b, mB, sB, mA, sA, vocab)),
  );
}
