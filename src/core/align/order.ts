// Sorting pair indexes strongest first, ties by unit pair: the order in which the aligner takes pairs (groupUnits)
// and compare picks each group's reported pairs. A typed array's sort() with a comparator calls back into JS for
// each of the ~500k comparisons of a 50-source story (~10 ms of groupUnits on the 50 x 2k bench); this merge sort
// compares inline. The order is total (no two pairs share (i, j)), so it is exactly the order that sort() gives.
// Large inputs take a stable LSD radix sort instead (j, then i, then the score's bits): the same order in a few
// linear passes.

/** Reused merge buffer (sorting is synchronous, so never shared). */
let buffer = new Int32Array(1024);
/** Reused radix buffers: the sort key's two 32-bit halves per pair, and the counts of one 16-bit digit. */
let keyHi = new Uint32Array(1024);
let keyLo = new Uint32Array(1024);
let keyHi2 = new Uint32Array(1024);
let keyLo2 = new Uint32Array(1024);
const counts = new Int32Array(0x10001);
const bits = new Float64Array(1);
const bitWords = new Uint32Array(bits.buffer);
/** Which half of a float64 holds the sign and exponent: the platform's byte order. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Below this many pairs the merge sort is as fast as the radix sort's fixed passes. */
const RADIX_MIN = 512;

/**
 * Sort ks[0, len) in place: higher s[k] first, then lower i[k], then lower j[k]. Scores must not be NaN (a NaN has
 * no place in this order; the comparator-based sort it replaces treated it as a tie).
 */
export function sortStrongestFirst(
  ks: Int32Array,
  len: number,
  s: Float64Array,
  i: Int32Array,
  j: Int32Array,
): void {
  if (buffer.length < len) buffer = new Int32Array(Math.max(len, 2 * buffer.length));
  if (len >= RADIX_MIN) {
    radixSort(ks, len, s, i, j);
    return;
  }
  const before = (x: number, y: number): boolean => {
    const sx = s[x]!;
    const sy = s[y]!;
    if (sx !== sy) return sx > sy;
    const ix = i[x]!;
    const iy = i[y]!;
    return ix !== iy ? ix < iy : j[x]! < j[y]!;
  };
  const sortRange = (lo: number, hi: number): void => {
    if (hi - lo <= 16) {
      for (let a = lo + 1; a < hi; a++) {
        const x = ks[a]!;
        let b = a - 1;
        while (b >= lo && before(x, ks[b]!)) {
          ks[b + 1] = ks[b]!;
          b--;
        }
        ks[b + 1] = x;
      }
      return;
    }
    const mid = (lo + hi) >>> 1;
    sortRange(lo, mid);
    sortRange(mid, hi);
    if (!before(ks[mid]!, ks[mid - 1]!)) return; // already in order
    const t = buffer;
    for (let a = lo; a < mid; a++) t[a] = ks[a]!;
    let a = lo;
    let b = mid;
    let out = lo;
    while (a < mid && b < hi) ks[out++] = before(ks[b]!, t[a]!) ? ks[b++]! : t[a++]!;
    while (a < mid) ks[out++] = t[a++]!;
  };
  sortRange(0, len);
}

/**
 * Stable LSD radix sort of ks[0, len), 16 bits per pass: by j, then by i (unit indexes, never negative), then by
 * score highest first, through a 64-bit key that orders as the scores do (the IEEE 754 bits with the sign bit
 * flipped for positives and every bit flipped for negatives; +0 and -0 get one key, as they are one score for ===),
 * inverted for highest first. A pass whose digit is the same for every pair would move nothing and is skipped (the
 * high half of unit indexes, the exponent bits).
 */
function radixSort(ks: Int32Array, len: number, s: Float64Array, i: Int32Array, j: Int32Array): void {
  if (keyHi.length < len) {
    const size = Math.max(len, 2 * keyHi.length);
    keyHi = new Uint32Array(size);
    keyLo = new Uint32Array(size);
    keyHi2 = new Uint32Array(size);
    keyLo2 = new Uint32Array(size);
  }
  let hiK = keyHi;
  let loK = keyLo;
  let hiT = keyHi2;
  let loT = keyLo2;
  let ksT: Int32Array = buffer;
  let ksK: Int32Array = ks;
  // Unit indexes first (least significant), moving only the pair indexes; the score keys are read through them.
  for (let pass = 0; pass < 4; pass++) {
    const unit = pass < 2 ? j : i;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let x = 0; x < len; x++) counts[((unit[ksK[x]!]! >>> shift) & 0xffff) + 1]!++;
    if (counts[((unit[ksK[0]!]! >>> shift) & 0xffff) + 1] === len) continue;
    for (let d = 0; d < 0x10000; d++) counts[d + 1]! += counts[d]!;
    for (let x = 0; x < len; x++) ksT[counts[(unit[ksK[x]!]! >>> shift) & 0xffff]!++] = ksK[x]!;
    [ksK, ksT] = [ksT, ksK];
  }
  for (let x = 0; x < len; x++) {
    bits[0] = s[ksK[x]!]! + 0;
    let hi = bitWords[HI]!;
    let lo = bitWords[1 - HI]!;
    if (hi >>> 31) {
      hi = ~hi;
      lo = ~lo;
    } else hi |= 0x80000000;
    hiK[x] = ~hi >>> 0;
    loK[x] = ~lo >>> 0;
  }
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? loK : hiK;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let x = 0; x < len; x++) counts[((word[x]! >>> shift) & 0xffff) + 1]!++;
    if (counts[((word[0]! >>> shift) & 0xffff) + 1] === len) continue;
    for (let d = 0; d < 0x10000; d++) counts[d + 1]! += counts[d]!;
    for (let x = 0; x < len; x++) {
      const at = counts[(word[x]! >>> shift) & 0xffff]!++;
      ksT[at] = ksK[x]!;
      hiT[at] = hiK[x]!;
      loT[at] = loK[x]!;
    }
    [ksK, ksT] = [ksT, ksK];
    [hiK, hiT] = [hiT, hiK];
    [loK, loT] = [loT, loK];
  }
  if (ksK !== ks) ks.set(ksK.subarray(0, len));
}
