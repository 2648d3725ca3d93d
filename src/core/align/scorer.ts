// The production similarity score of two units: the logistic model of weights.ts over the pair features of
// features.ts. One score, one threshold (options.align.threshold), for MRPC, the `score` CLI and alignment alike.

import { FEATURE_COUNT, pairFeatures, prepare } from './features.ts';
import type { Prepared } from './features.ts';
import { BIAS, WEIGHTS } from './weights.ts';

/**
 * "Same sentence, reworded" at this score or above: the mean of the accuracy-maximising thresholds of 10-fold
 * cross-validation on MRPC train (`npm run eval`, mrpc.cv.threshold). Used by the `score` CLI and the MRPC figures;
 * alignment uses the looser options.align.threshold.
 */
export const PARAPHRASE_THRESHOLD = 0.4415;

const scratch = new Float64Array(FEATURE_COUNT);
// Local copies: imported bindings can compile to getter calls, which the hot loop below would pay per term.
const D = FEATURE_COUNT;
const W = Float64Array.from(WEIGHTS);
// The bias lives in a typed array too: `let z = B` with B a module-level number made V8 box z on every pass of the
// loop below (~270 bytes per call, ~9 MB per compare on the 50 x 2k bench); read from a Float64Array it stays a raw
// double. Same value, same sums.
const BIAS_CELL = Float64Array.of(BIAS);

/**
 * The model's inputs: the features, then the product of every pair of features (squares included). The products
 * let a linear model say "high overlap matters less when one side has many words of its own".
 */
export function expandFeatures(f: ArrayLike<number>): Float64Array {
  const d = f.length;
  const out = new Float64Array(d + (d * (d + 1)) / 2);
  for (let k = 0; k < d; k++) out[k] = f[k]!;
  let o = d;
  for (let k = 0; k < d; k++) for (let l = k; l < d; l++) out[o++] = f[k]! * f[l]!;
  return out;
}

/** Similarity of units ia and ib of `p`, in [0, 1]. */
export function scorePair(p: Prepared, ia: number, ib: number): number {
  pairFeatures(p, ia, ib, scratch);
  // Same as WEIGHTS . expandFeatures(scratch), without allocating.
  const f = scratch;
  let z = BIAS_CELL[0]!;
  let o = D;
  for (let k = 0; k < D; k++) {
    const x = f[k]!;
    // Most pairs have several zero features (no numbers, no quotes, no negation...): their row of products adds
    // exactly nothing, so skipping it leaves z bit-identical and saves a good part of the ~280 multiply-adds.
    if (x === 0) {
      o += D - k;
      continue;
    }
    z += W[k]! * x;
    for (let l = k; l < D; l++) z += W[o++]! * x * f[l]!;
  }
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
