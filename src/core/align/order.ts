// Sorting pair indexes strongest first, ties by unit pair: the order in which the aligner takes pairs (groupUnits)
// and compare picks each group's reported pairs. A typed array's sort() with a comparator calls back into JS for
// each of the ~500k comparisons of a 50-source story (~10 ms of groupUnits on the 50 x 2k bench); this merge sort
// compares inline. The order is total (no two pairs share (i, j)), so it is exactly the order that sort() gives.

/** Reused merge buffer (sorting is synchronous, so never shared). */
let buffer = new Int32Array(1024);

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
