// Weights of the similarity scorer: a logistic regression over the features of features.ts (FEATURE_NAMES order),
// on the raw feature scale. Fitted OFFLINE by `npx tsx scripts/train-scorer.ts --data ../shared/benchmarks` on the
// MRPC train file (4,076 news sentence pairs, IDF from the whole file, L2 = 1 on standardised features), and pasted
// here; no benchmark text is shipped. The threshold is the accuracy-maximising cut chosen by 10-fold
// cross-validation on the same file (docs/accuracy.md); options.ts AlignOptions.threshold carries it.

export const WEIGHTS: readonly number[] = [
  2.10341, // cosine
  5.300856, // jaccard
  0.092026, // containMin
  -6.060705, // containMax
  -3.207271, // bigramDice
  1.544582, // lcsMin
  -0.601561, // lcsMax
  3.793972, // lengthRatio
  -1.445825, // unmatchedMax
  1.003666, // unmatchedMin
  0.12834, // numberConflict
  -0.360397, // numberExtra
  -0.240493, // nameShared
  0.117506, // nameMissing
  -1.275824, // negationMismatch
  0.289803, // quoteOverlap
  7.735149, // unigramDice
];
export const BIAS = -5.926359;
