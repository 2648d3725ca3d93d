// The production similarity score of two units: the logistic model of weights.ts over the pair features of
// features.ts. One score, one threshold (options.align.threshold), for MRPC, the `score` CLI and alignment alike.

import { FEATURE_COUNT, pairFeatures, prepare } from './features.ts';
import type { Prepared } from './features.ts';
import { BIAS, WEIGHTS } from './weights.ts';

const scratch = new Float64Array(FEATURE_COUNT);

/** Similarity of units ia and ib of `p`, in [0, 1]. */
export function scorePair(p: Prepared, ia: number, ib: number): number {
  pairFeatures(p, ia, ib, scratch);
  let z = BIAS;
  for (let k = 0; k < FEATURE_COUNT; k++) z += WEIGHTS[k]! * scratch[k]!;
  const s = 1 / (1 + Math.exp(-z));
  return Number.isFinite(s) ? s : 0;
}

/**
 * Score sentence pairs given as [a, b] texts, with IDF from the whole batch (what the `score` CLI and the
 * MRPC/STS evaluations use). Returns one score per pair.
 */
export function scoreTextPairs(pairs: readonly (readonly [string, string])[]): number[] {
  const p = prepare(pairs.flatMap(([a, b]) => [a, b]));
  return pairs.map((_, i) => scorePair(p, 2 * i, 2 * i + 1));
}
