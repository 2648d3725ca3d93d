// Source context for the alignment score (issue 5, ECB+: "an aligner must not merge" sentences about a sibling
// event). Two sentences can share every word that matters and still report different events: "Actress enters rehab
// at a Malibu clinic" is said of two actresses in two years, "a 6.1 quake struck on Sunday" of two quakes. The
// sentences cannot tell them apart; their articles can, because articles about one event name the same people and
// places. So the alignment score is the sentence score, lowered when the two sentences' sources share few of the
// names they mention. The same signal is what document clustering gives cross-document event coreference systems on
// ECB+ (Cattan et al. 2021, "Realistic evaluation principles for cross-document coreference resolution", find it
// does most of the work of telling the corpus's paired events apart) — so the README reports the sentence-only AUC
// beside the one with context.
//
// Measured on ECB+ dev (`npm run eval`, docs/accuracy.md): the IDF-weighted cosine of the sets of names two sources
// mention separates same-event from sibling-event pairs with an AUC of 0.88 on its own (all content words 0.86, rare
// words only 0.82; leaving weekdays and months out lowers it: sibling events mostly happen on different days).
// Combined as below, the pair AUC goes from 0.787 (sentence score) to 0.901, and floor/weight chosen
// leave-one-topic-out give 0.900 on the held-out topics (16 of 18 folds pick the defaults). Only a penalty, never a
// bonus: a pair from articles that share their names keeps its sentence score, so a comparison of reports of one event (what the app
// is for) is left as it was; in small comparisons the batch IDF says little about which names are distinctive, so
// the penalty there is mild.

import type { ContextOptions } from '../options.ts';
import { NAMES, fieldEnd, fieldStart } from './features.ts';
import type { Prepared } from './features.ts';

/**
 * Name overlap of every pair of sources: out[s * sources + t] is the cosine of the IDF-weighted sets of names (the
 * scorer's 'name' tokens: capitalised words that do not start a sentence) of sources s and t, or NaN when either
 * source names fewer than `minNames` distinct names (no evidence either way). The diagonal is 1.
 */
export function sourceContext(
  p: Prepared,
  sourceOf: Int32Array,
  sources: number,
  minNames: number,
): Float64Array {
  // Each source's distinct names, sorted: every unit's names bucketed by source (CSR), then each source's run sorted
  // and its repeats dropped. A Set per source read back through its iterator was ~1.8 MB of allocation per
  // comparison on the 50 x 2k bench.
  const start = new Int32Array(sources + 1);
  for (let u = 0; u < p.textOf.length; u++) {
    start[sourceOf[u]! + 1]! += fieldEnd(p, u, NAMES) - fieldStart(p, u, NAMES);
  }
  for (let s = 0; s < sources; s++) start[s + 1]! += start[s]!;
  const all = new Int32Array(start[sources]!);
  const fill = start.slice(0, sources);
  for (let u = 0; u < p.textOf.length; u++) {
    const end = fieldEnd(p, u, NAMES);
    for (let k = fieldStart(p, u, NAMES); k < end; k++) all[fill[sourceOf[u]!]!++] = p.data[k]!;
  }
  const sorted: Int32Array[] = [];
  for (let s = 0; s < sources; s++) {
    const run = all.subarray(start[s]!, start[s + 1]!).sort();
    let n = 0;
    for (let k = 0; k < run.length; k++) if (k === 0 || run[k] !== run[k - 1]) run[n++] = run[k]!;
    sorted.push(run.subarray(0, n));
  }
  const norms = sorted.map((ids) => {
    let sq = 0;
    for (const id of ids) sq += p.idf[id]! ** 2;
    return Math.sqrt(sq);
  });
  const out = new Float64Array(sources * sources);
  for (let s = 0; s < sources; s++) {
    out[s * sources + s] = 1;
    for (let t = s + 1; t < sources; t++) {
      const a = sorted[s]!;
      const b = sorted[t]!;
      let v = Number.NaN;
      if (a.length >= minNames && b.length >= minNames) {
        let dot = 0;
        for (let i = 0, j = 0; i < a.length && j < b.length;) {
          if (a[i] === b[j]) {
            dot += p.idf[a[i]!]! ** 2;
            i++;
            j++;
          } else if (a[i]! < b[j]!) i++;
          else j++;
        }
        v = dot / (norms[s]! * norms[t]!);
      }
      out[s * sources + t] = v;
      out[t * sources + s] = v;
    }
  }
  return out;
}

/**
 * The alignment score of a pair whose sentence score is `score` and whose sources' name overlap is `overlap`:
 * unchanged at or above the floor (or when the overlap is unknown, NaN), else the log-odds lowered by
 * weight x (floor - overlap). Monotone in both arguments; 0 and 1 stay 0 and 1.
 */
export function withContext(score: number, overlap: number, o: ContextOptions): number {
  if (!(overlap < o.floor) || score <= 0 || score >= 1) return score;
  const z = Math.log(score / (1 - score)) - o.weight * (o.floor - overlap);
  return 1 / (1 + Math.exp(-z));
}
