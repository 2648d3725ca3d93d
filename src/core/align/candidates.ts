// Candidate pairs from an inverted index (issue 3 stage 5: sub-quadratic). For each unit, accumulate IDF^2 over the
// units sharing a content stem, from OTHER sources only, and keep the top k. Very common stems (in more than
// COMMON_SHARE of all units, and more than COMMON_MIN units) are skipped: they would touch every unit and say
// nothing about which claim is which.

import type { Prepared } from './features.ts';

export const COMMON_SHARE = 0.05;
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

/** Candidate pairs as [i, j] with i < j, deduplicated, sorted. */
export function findCandidates(input: CandidateInput): [number, number][] {
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
  const eligibleCount = eligible.reduce((a, b) => a + b, 0);
  const commonLimit = Math.max(COMMON_MIN, COMMON_SHARE * eligibleCount);

  const acc = new Float64Array(n);
  const touched: number[] = [];
  const seen = new Set<number>();
  const out: [number, number][] = [];
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
    touched.sort((x, y) => acc[y]! - acc[x]! || x - y);
    const keep = Math.min(perUnit, touched.length);
    for (let t = 0; t < keep; t++) {
      const o = touched[t]!;
      const i = Math.min(u, o);
      const j = Math.max(u, o);
      const key = i * n + j;
      if (!seen.has(key)) {
        seen.add(key);
        out.push([i, j]);
      }
    }
    for (const o of touched) acc[o] = 0;
  }
  out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return out;
}
