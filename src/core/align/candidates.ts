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

/** The k entries of `items` with the highest acc[item] (ties: smaller item first), without sorting them all. */
function topK(items: readonly number[], acc: Float64Array, k: number): number[] {
  if (items.length <= k) return [...items];
  const better = (x: number, y: number) => acc[x]! > acc[y]! || (acc[x] === acc[y] && x < y);
  // Keep a small sorted buffer (k is about a dozen): insertion is cheaper than a heap at this size.
  const buf: number[] = [];
  for (const it of items) {
    if (buf.length === k && !better(it, buf[k - 1]!)) continue;
    let pos = buf.length === k ? k - 1 : buf.length;
    if (buf.length < k) buf.push(it);
    while (pos > 0 && better(it, buf[pos - 1]!)) {
      buf[pos] = buf[pos - 1]!;
      pos--;
    }
    buf[pos] = it;
  }
  return buf;
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
  for (let u = 0; u < n; u++) if (eligible[u]) for (const id of prepared.vectors[u]!.bag) counts[id + 1]!++;
  for (let id = 0; id < vocab; id++) counts[id + 1]! += counts[id]!;
  const postings = new Int32Array(counts[vocab]!);
  const fill = counts.slice(0, vocab);
  for (let u = 0; u < n; u++)
    if (eligible[u]) for (const id of prepared.vectors[u]!.bag) postings[fill[id]!++] = u;
  let sources = 0;
  for (let u = 0; u < n; u++) sources = Math.max(sources, sourceOf[u]! + 1);
  const commonLimit = Math.max(COMMON_MIN, COMMON_PER_SOURCE * sources);

  const acc = new Float64Array(n);
  const touched: number[] = [];
  // Pairs as numeric keys i * n + j (exact in a double), sorted and deduplicated at the end: the same sorted list a
  // Set of seen keys plus a sort of [i, j] tuples gave, without a hash insert per pair or a comparator sort.
  let keys = new Float64Array(Math.max(16, n * perUnit));
  let count = 0;
  for (let u = 0; u < n; u++) {
    if ((u & 255) === 0) input.checkpoint?.(u / n);
    if (!eligible[u]) continue;
    const v = prepared.vectors[u]!;
    touched.length = 0;
    for (let k = 0; k < v.bag.length; k++) {
      const id = v.bag[k]!;
      const from = counts[id]!;
      const to = counts[id + 1]!;
      if (to - from > commonLimit) continue;
      const w = v.bagW[k]! * v.bagW[k]!;
      for (let p = from; p < to; p++) {
        const o = postings[p]!;
        if (sourceOf[o] === sourceOf[u]) continue;
        if (acc[o] === 0) touched.push(o);
        acc[o]! += w;
      }
    }
    const best = topK(touched, acc, perUnit);
    for (const o of best) {
      if (count === keys.length) {
        const grown = new Float64Array(2 * keys.length);
        grown.set(keys);
        keys = grown;
      }
      keys[count++] = u < o ? u * n + o : o * n + u;
    }
    for (const o of touched) acc[o] = 0;
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
