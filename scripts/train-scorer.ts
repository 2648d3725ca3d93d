// Offline fitting of the similarity scorer's weights (src/core/align/weights.ts).
//
//   npx tsx scripts/train-scorer.ts --data ../shared/benchmarks
//
// Reads MRPC train (news sentence pairs) from the given folder at run time, computes the pair features of
// src/core/align/features.ts with IDF from the whole file (the batch, as in production), and fits a logistic
// regression. Prints 10-fold cross-validated accuracy / F1 / AUC (weights AND threshold fitted on the other nine
// folds) and the final weights fitted on everything, as TypeScript to paste into weights.ts. Nothing from the
// data is written to the repository.

import { join } from 'node:path';
import { FEATURE_COUNT, FEATURE_NAMES, pairFeatures, prepare } from '../src/core/align/features.ts';
import { fitLogistic, predict } from '../src/core/align/logistic.ts';
import { loadMrpc } from '../src/cli/eval/loaders.ts';
import { accuracy, bestThreshold, confusion, f1, foldAssignment, rocAuc } from '../src/cli/eval/metrics.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const data = arg('--data', '../shared/benchmarks');
const l2 = Number(arg('--l2', '1'));
const pairs = loadMrpc(join(data, 'mrpc', 'msr_paraphrase_train.txt'));
const texts = pairs.flatMap((p) => [p.a, p.b]);
const prepared = prepare(texts);
const xs = pairs.map((_, i) => {
  const out = new Float64Array(FEATURE_COUNT);
  pairFeatures(prepared, 2 * i, 2 * i + 1, out);
  return out;
});
const ys = pairs.map((p) => p.label);

const k = 10;
const fold = foldAssignment(xs.length, k);
const cvScores = new Array<number>(xs.length);
const cvPred = new Array<number>(xs.length);
for (let f = 0; f < k; f++) {
  const trX = xs.filter((_, i) => fold[i] !== f);
  const trY = ys.filter((_, i) => fold[i] !== f);
  const m = fitLogistic(trX, trY, l2);
  const t = bestThreshold(
    trX.map((x) => predict(m, x)),
    trY,
  );
  for (let i = 0; i < xs.length; i++) {
    if (fold[i] !== f) continue;
    cvScores[i] = predict(m, xs[i]!);
    cvPred[i] = cvScores[i]! >= t ? 1 : 0;
  }
}
const c = confusion(cvPred, ys, 0.5);
console.log(
  `MRPC 10-fold CV (weights + threshold fitted per fold): acc ${accuracy(c).toFixed(4)} F1 ${f1(c).toFixed(4)} AUC ${rocAuc(cvScores, ys).toFixed(4)}`,
);
for (let j = 0; j < FEATURE_COUNT; j++) {
  const col = xs.map((x) => x[j]!);
  console.log(`  single feature ${FEATURE_NAMES[j]}: AUC ${rocAuc(col, ys).toFixed(3)}`);
}
const model = fitLogistic(xs, ys, l2);
const all = xs.map((x) => predict(model, x));
const t = bestThreshold(all, ys);
console.log(`fit on all: threshold ${t.toFixed(4)}`);
console.log(`export const WEIGHTS: readonly number[] = [`);
model.weights.forEach((w, j) => console.log(`  ${w.toFixed(6)}, // ${FEATURE_NAMES[j]}`));
console.log(`];\nexport const BIAS = ${model.bias.toFixed(6)};`);
