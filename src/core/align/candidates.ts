// Candidate pairs from an inverted index (issue 3 stage 5: sub-quadratic). For each unit, accumulate IDF^2 over the
// units sharing a content stem, from OTHER sources only, and keep the top k. Common stems are skipped: a stem that
// names one claim appears about once per source that reports it, so one found in more than
// max(COMMON_MIN, COMMON_PER_SOURCE x sources) units is generic ("said", "officials") and would touch every unit
// without saying which claim is which. The scorer still sees those words; only the candidate search skips them.

import { BAG, fieldEnd, fieldStart } from './features.ts';
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
  const n = prepared.textOf.length;
  const data = prepared.data;
  const vocab = prepared.keys.length;
  // Postings: ids -> eligible units containing them (CSR layout in two typed arrays).
  const counts = new Int32Array(vocab + 1);
  // Indexed loops over the typed arrays, not for-of: this function runs once per comparison, mostly before it is
  // optimised, and unoptimised for-of makes an iterator result per element.
  for (let u = 0; u < n; u++) {
    if (!eligible[u]) continue;
    const end = fieldEnd(prepared, u, BAG);
    for (let k = fieldStart(prepared, u, BAG); k < end; k++) counts[data[k]! + 1]!++;
  }
  for (let id = 0; id < vocab; id++) counts[id + 1]! += counts[id]!;
  const postings = new Int32Array(counts[vocab]!);
  const fill = counts.slice(0, vocab);
  for (let u = 0; u < n; u++) {
    if (!eligible[u]) continue;
    const end = fieldEnd(prepared, u, BAG);
    for (let k = fieldStart(prepared, u, BAG); k < end; k++) postings[fill[data[k]!]!++] = u;
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
  // Pairs as (smaller, larger) unit, then bucketed by the smaller unit (CSR) and each row's partners sorted and
  // deduplicated: the sorted (a, b) list a sort of i * n + j keys gave, with only short rows to sort (a row holds
  // perUnit partners on average) instead of one typed-array sort of every key (~68k on the 50 x 2k bench).
  let lo = new Int32Array(Math.max(16, n * perUnit));
  let hi = new Int32Array(lo.length);
  const rowStart = new Int32Array(n + 1);
  let count = 0;
  // Units with one text share their bag, so the accumulation is done once per text (the 50 x 2k bench: 5,649 units,
  // 2,589 distinct texts) over the units of every source; each unit then picks its best among the units of other
  // sources. The sums are the same as one accumulation per unit that skips its own source (same terms, same order),
  // and topK's order is total, so the chosen partners are too.
  const textOf = prepared.textOf;
  let texts = 0;
  for (let u = 0; u < n; u++) texts = Math.max(texts, textOf[u]! + 1);
  const byTextStart = new Int32Array(texts + 1);
  for (let u = 0; u < n; u++) if (eligible[u]) byTextStart[textOf[u]! + 1]!++;
  for (let t = 0; t < texts; t++) byTextStart[t + 1]! += byTextStart[t]!;
  const byText = new Int32Array(byTextStart[texts]!);
  {
    const fillText = byTextStart.slice(0, texts);
    for (let u = 0; u < n; u++) if (eligible[u]) byText[fillText[textOf[u]!]!++] = u;
  }
  const others = new Int32Array(n);
  let done = 0;
  for (let t = 0; t < texts; t++) {
    const first = byTextStart[t]!;
    const last = byTextStart[t + 1]!;
    if (first === last) continue;
    const v = byText[first]!;
    let touchedCount = 0;
    const shift = prepared.weightShift[t]!;
    const end = fieldEnd(prepared, v, BAG);
    for (let k = fieldStart(prepared, v, BAG); k < end; k++) {
      const id = data[k]!;
      const from = counts[id]!;
      const to = counts[id + 1]!;
      if (to - from > commonLimit) continue;
      const w = prepared.weights[k + shift]! * prepared.weights[k + shift]!;
      for (let p = from; p < to; p++) {
        const o = postings[p]!;
        if (acc[o] === 0) touched[touchedCount++] = o;
        acc[o]! += w;
      }
    }
    for (let m = first; m < last; m++) {
      const u = byText[m]!;
      if ((done++ & 255) === 0) input.checkpoint?.(done / n);
      const own = sourceOf[u];
      let otherCount = 0;
      for (let x = 0; x < touchedCount; x++) {
        const o = touched[x]!;
        if (sourceOf[o] !== own) others[otherCount++] = o;
      }
      const bestCount = topK(others, otherCount, acc, perUnit, best);
      for (let x = 0; x < bestCount; x++) {
        const o = best[x]!;
        if (count === lo.length) {
          const grownLo = new Int32Array(2 * lo.length);
          const grownHi = new Int32Array(2 * hi.length);
          grownLo.set(lo);
          grownHi.set(hi);
          lo = grownLo;
          hi = grownHi;
        }
        const i = u < o ? u : o;
        lo[count] = i;
        hi[count++] = u < o ? o : u;
        rowStart[i + 1]!++;
      }
    }
    for (let x = 0; x < touchedCount; x++) acc[touched[x]!] = 0;
  }
  for (let i = 0; i < n; i++) rowStart[i + 1]! += rowStart[i]!;
  const row = new Int32Array(count);
  const fillAt = rowStart.slice(0, n);
  for (let k = 0; k < count; k++) row[fillAt[lo[k]!]!++] = hi[k]!;
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    const from = rowStart[i]!;
    const to = rowStart[i + 1]!;
    // Insertion sort for the usual short row; a unit many others chose (a hub) gets the built-in sort.
    if (to - from > 32) {
      row.subarray(from, to).sort();
    } else {
      for (let x = from + 1; x < to; x++) {
        const v = row[x]!;
        let y = x - 1;
        while (y >= from && row[y]! > v) {
          row[y + 1] = row[y]!;
          y--;
        }
        row[y + 1] = v;
      }
    }
    for (let x = from; x < to; x++) {
      if (x > from && row[x] === row[x - 1]) continue;
      a[pairs] = i;
      b[pairs++] = row[x]!;
    }
  }
  return { count: pairs, a: a.subarray(0, pairs), b: b.subarray(0, pairs) };
}
