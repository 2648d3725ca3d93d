// Candidate pairs from an inverted index (issue 3 stage 5: sub-quadratic). For each unit, accumulate IDF^2 over the
// units sharing a content stem, from OTHER sources only, and keep the top k. Common stems are skipped: a stem that
// names one claim appears about once per source that reports it, so one found in more than
// max(COMMON_MIN, COMMON_PER_SOURCE x sources) units is generic ("said", "officials") and would touch every unit
// without saying which claim is which. The scorer still sees those words; only the candidate search skips them.

import type { Prepared } from './features.ts';

export const COMMON_PER_SOURCE = 2;
export const COMMON_MIN = 60;

export interface CandidateInput {
  readonly prepared: Prepared;
  /** Source index of each unit. */
  readonly sourceOf: Int32Array;
  /** Units that take part (headings and empty units do not). */
  readonly eligible: Uint8Array;
  readonly perUnit: number;
  /** Polled every few hundred units; return true to stop (the caller throws its cancellation error). */
  readonly checkpoint?: (fraction: number) => void;
}

/**
 * The k entries of items[0, count) with the highest acc[item] (ties: smaller item first), without sorting them all,
 * written to `buf`; returns how many. When count <= k they are copied in their order.
 */
function topK(items: Int32Array, count: number, acc: Float64Array, k: number, buf: Int32Array): number {
  if (count <= k) {
    for (let x = 0; x < count; x++) buf[x] = items[x]!;
    return count;
  }
  const better = (x: number, y: number) => acc[x]! > acc[y]! || (acc[x] === acc[y] && x < y);
  // Keep a small sorted buffer (k is about a dozen): insertion is cheaper than a heap at this size.
  let len = 0;
  for (let x = 0; x < count; x++) {
    const it = items[x]!;
    const full = len === k;
    if (full && !better(it, buf[k - 1]!)) continue;
    let pos = full ? k - 1 : len;
    if (!full) len++;
    while (pos > 0 && better(it, buf[pos - 1]!)) {
      buf[pos] = buf[pos - 1]!;
      pos--;
    }
    buf[pos] = it;
  }
  return len;
}

/** Candidate pairs: pair k is (a[k], b[k]) with a[k] < b[k]; deduplicated, sorted by (a, b). */
export interface Candidates {
  readonly count: number;
  readonly a: Int32Array;
  readonly b: Int32Array;
}

/** Candidate pairs in two flat arrays: tens of thousands of [i, j] tuples were a measurable allocation cost. */
export function findCandidates(input: CandidateInput): Candidates {
  const { prepared, sourceOf, eligible, perUnit } = input;
  const n = prepared.vectors.length;
  const vocab = prepared.keys.length;
  // Postings: ids -> eligible units containing them (CSR layout in two typed arrays).
  const counts = new Int32Array(vocab + 1);
  // Indexed loops over the typed arrays, not for-of: this function runs once per comparison, mostly before it is
  // optimised, and unoptimised for-of makes an iterator result per element.
  for (let u = 0; u < n; u++) {
    if (!eligible[u]) continue;
    const bag = prepared.vectors[u]!.bag;
    for (let k = 0; k < bag.length; k++) counts[bag[k]! + 1]!++;
  }
  for (let id = 0; id < vocab; id++) counts[id + 1]! += counts[id]!;
  const postings = new Int32Array(counts[vocab]!);
  const fill = counts.slice(0, vocab);
  for (let u = 0; u < n; u++) {
    if (!eligible[u]) continue;
    const bag = prepared.vectors[u]!.bag;
    for (let k = 0; k < bag.length; k++) postings[fill[bag[k]!]!++] = u;
  }
  let sources = 0;
  for (let u = 0; u < n; u++) sources = Math.max(sources, sourceOf[u]! + 1);
  const commonLimit = Math.max(COMMON_MIN, COMMON_PER_SOURCE * sources);

  const acc = new Float64Array(n);
  // Units reached from u, as a typed array and a count: `length = 0` on a JS array frees its backing store, so a
  // plain array was regrown for every unit.
  const touched = new Int32Array(n);
  // n entries, not perUnit: topK may keep all of them (perUnit is an unvalidated option).
  const best = new Int32Array(n);
  // Pairs as numeric keys i * n + j (exact in a double), sorted and deduplicated at the end: the same sorted list a
  // Set of seen keys plus a sort of [i, j] tuples gave, without a hash insert per pair or a comparator sort.
  // Int32 keys while n * n fits (up to 46,340 units): the same numeric order, and an Int32Array sorts in ~5 ms
  // where a Float64Array of the 68k keys of the 50 x 2k bench takes ~9 ms.
  const keyArray = (size: number): Int32Array | Float64Array =>
    n * n <= 0x7fffffff ? new Int32Array(size) : new Float64Array(size);
  let keys = keyArray(Math.max(16, n * perUnit));
  let count = 0;
  for (let u = 0; u < n; u++) {
    if ((u & 255) === 0) input.checkpoint?.(u / n);
    if (!eligible[u]) continue;
    const v = prepared.vectors[u]!;
    let touchedCount = 0;
    for (let k = 0; k < v.bag.length; k++) {
      const id = v.bag[k]!;
      const from = counts[id]!;
      const to = counts[id + 1]!;
      if (to - from > commonLimit) continue;
      const w = v.bagW[k]! * v.bagW[k]!;
      for (let p = from; p < to; p++) {
        const o = postings[p]!;
        if (sourceOf[o] === sourceOf[u]) continue;
        if (acc[o] === 0) touched[touchedCount++] = o;
        acc[o]! += w;
      }
    }
    const bestCount = topK(touched, touchedCount, acc, perUnit, best);
    for (let x = 0; x < bestCount; x++) {
      const o = best[x]!;
      if (count === keys.length) {
        const grown = keyArray(2 * keys.length);
        grown.set(keys);
        keys = grown;
      }
      keys[count++] = u < o ? u * n + o : o * n + u;
    }
    for (let x = 0; x < touchedCount; x++) acc[touched[x]!] = 0;
  }
  const sorted = keys.subarray(0, count).sort();
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  let pairs = 0;
  for (let k = 0; k < count; k++) {
    const key = sorted[k]!;
    if (k > 0 && key === sorted[k - 1]) continue;
    let i = Math.floor(key / n);
    if (i * n > key) i--; // guards against a rounded quotient; never taken for realistic n
    a[pairs] = i;
    b[pairs++] = key - i * n;
  }
  return { count: pairs, a: a.subarray(0, pairs), b: b.subarray(0, pairs) };
}
