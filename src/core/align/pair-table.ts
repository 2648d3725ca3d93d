// Scored unit pairs in flat typed arrays with an open-addressing index on (i, j). The aligner keeps tens of thousands
// of pairs on a 50-source story (issue 3, "Speed": 35k on the 50 x 2k bench) and looks them up by unit pair when it
// grows groups and picks each group's reported pairs. Arrays of [i, j, score] tuples plus a Map keyed by i * n + j
// cost 40 ms there (three Maps built, one tuple allocation and one hash entry per pair, destructuring through the
// iterator protocol); this table is built once, shared by every stage, and allocates nothing per pair.
//
// Invariant: pairs are unordered and stored with i < j; `add` of a pair already present returns its index and
// leaves the score alone (callers raise it with `raise`), so insertion order = index order is deterministic.

import { sortStrongestFirst } from './order.ts';

const EMPTY_SLOT = -1;

export class PairTable {
  private iArr: Int32Array;
  private jArr: Int32Array;
  private sArr: Float64Array;
  private count = 0;
  /** Slot -> pair index, or EMPTY_SLOT. Power-of-two size, at most half full. */
  private slots: Int32Array;

  constructor(expected = 16) {
    const cap = Math.max(16, expected);
    this.iArr = new Int32Array(cap);
    this.jArr = new Int32Array(cap);
    this.sArr = new Float64Array(cap);
    this.slots = new Int32Array(slotCountFor(cap)).fill(EMPTY_SLOT);
  }

  /** A table of [i, j, score] triples, in their order (tests and small callers). */
  static from(triples: readonly (readonly [number, number, number])[]): PairTable {
    const t = new PairTable(triples.length);
    for (const [i, j, s] of triples) t.add(i, j, s);
    return t;
  }

  get size(): number {
    return this.count;
  }

  /** Smaller unit of pair k. */
  i(k: number): number {
    return this.iArr[k]!;
  }

  /** Larger unit of pair k. */
  j(k: number): number {
    return this.jArr[k]!;
  }

  score(k: number): number {
    return this.sArr[k]!;
  }

  /** Raise pair k's score to at least s. */
  raise(k: number, s: number): void {
    if (this.sArr[k]! < s) this.sArr[k] = s;
  }

  /** Sort pair indexes ks[0, len) strongest first, ties by (i, j). */
  sortStrongestFirst(ks: Int32Array, len: number): void {
    sortStrongestFirst(ks, len, this.sArr, this.iArr, this.jArr);
  }

  /** Index of the pair {a, b}, or -1. */
  indexOf(a: number, b: number): number {
    const i = a < b ? a : b;
    const j = a < b ? b : a;
    const mask = this.slots.length - 1;
    for (let h = hash(i, j) & mask; ; h = (h + 1) & mask) {
      const k = this.slots[h]!;
      if (k === EMPTY_SLOT) return -1;
      if (this.iArr[k] === i && this.jArr[k] === j) return k;
    }
  }

  /** Score of the pair {a, b}, or undefined when it was never scored. */
  get(a: number, b: number): number | undefined {
    const k = this.indexOf(a, b);
    return k < 0 ? undefined : this.sArr[k];
  }

  /** Add the pair {a, b} with score s and return its index; an existing pair keeps its score. */
  add(a: number, b: number, s: number): number {
    const i = a < b ? a : b;
    const j = a < b ? b : a;
    if (2 * (this.count + 1) > this.slots.length) this.grow();
    const mask = this.slots.length - 1;
    let h = hash(i, j) & mask;
    for (; ; h = (h + 1) & mask) {
      const k = this.slots[h]!;
      if (k === EMPTY_SLOT) break;
      if (this.iArr[k] === i && this.jArr[k] === j) return k;
    }
    const k = this.count++;
    if (k === this.iArr.length) {
      this.iArr = grownInts(this.iArr);
      this.jArr = grownInts(this.jArr);
      const s2 = new Float64Array(2 * this.sArr.length);
      s2.set(this.sArr);
      this.sArr = s2;
    }
    this.iArr[k] = i;
    this.jArr[k] = j;
    this.sArr[k] = s;
    this.slots[h] = k;
    return k;
  }

  private grow(): void {
    const slots = new Int32Array(2 * this.slots.length).fill(EMPTY_SLOT);
    const mask = slots.length - 1;
    for (let k = 0; k < this.count; k++) {
      let h = hash(this.iArr[k]!, this.jArr[k]!) & mask;
      while (slots[h] !== EMPTY_SLOT) h = (h + 1) & mask;
      slots[h] = k;
    }
    this.slots = slots;
  }
}

function slotCountFor(pairs: number): number {
  let n = 32;
  while (n < 2 * pairs) n *= 2;
  return n;
}

function grownInts(a: Int32Array): Int32Array {
  const b = new Int32Array(2 * a.length);
  b.set(a);
  return b;
}

/**
 * Both indices mixed, then a murmur3-style finaliser: the table masks the LOW bits, and a product's low bits depend
 * only on the factor's low bits, so without the final shifts pairs sharing low bits would pile into one run.
 */
function hash(i: number, j: number): number {
  let h = Math.imul(i, 0x9e3779b1) ^ Math.imul(j, 0x85ebca77);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}
