// Metric code for the eval harness (issue 5). Plain functions over arrays, unit-tested on tiny inputs with known
// answers (metrics.test.ts). Labels are 0/1; scores are any real numbers where higher means "more similar".

export interface BinaryCounts {
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
}

export function confusion(
  scores: readonly number[],
  labels: readonly number[],
  threshold: number,
): BinaryCounts {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const predicted = scores[i]! >= threshold;
    const actual = labels[i] === 1;
    if (predicted && actual) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
    else tn++;
  }
  return { tp, fp, tn, fn };
}

export function accuracy(c: BinaryCounts): number {
  const n = c.tp + c.fp + c.tn + c.fn;
  return n === 0 ? 0 : (c.tp + c.tn) / n;
}

export function precision(c: BinaryCounts): number {
  return c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
}

export function recall(c: BinaryCounts): number {
  return c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
}

export function f1(c: BinaryCounts): number {
  const p = precision(c);
  const r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** ROC AUC by the rank-sum (Mann-Whitney U) formula; tied scores count one half. 0.5 when a class is missing. */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number {
  const ranks = averageRanks(scores);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < scores.length; i++) {
    if (labels[i] === 1) {
      pos++;
      rankSum += ranks[i]!;
    }
  }
  const neg = scores.length - pos;
  if (pos === 0 || neg === 0) return 0.5;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** 1-based ranks, ties given their average rank (as Spearman and Mann-Whitney need). */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const ranks = new Array<number>(values.length);
  let k = 0;
  while (k < order.length) {
    let end = k;
    while (end + 1 < order.length && order[end + 1]![0] === order[k]![0]) end++;
    const avg = (k + end) / 2 + 1;
    for (let t = k; t <= end; t++) ranks[order[t]![1]] = avg;
    k = end + 1;
  }
  return ranks;
}

export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  if (n === 0) return 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

export function spearman(x: readonly number[], y: readonly number[]): number {
  return pearson(averageRanks(x), averageRanks(y));
}

/** The threshold that maximises accuracy on (scores, labels): a midpoint between adjacent distinct scores. */
export function bestThreshold(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => [s, labels[i]!] as const).sort((a, b) => a[0] - b[0]);
  const positives = order.filter((o) => o[1] === 1).length;
  // Threshold below everything: all predicted positive.
  let correct = positives;
  let best = correct;
  let bestT = order.length ? order[0]![0] - 1e-9 : 0.5;
  for (let k = 0; k < order.length; k++) {
    // Moving the threshold above order[k]: it becomes a predicted negative.
    correct += order[k]![1] === 1 ? -1 : 1;
    const next = order[k + 1];
    if (next && next[0] === order[k]![0]) continue;
    if (correct > best) {
      best = correct;
      bestT = next ? (order[k]![0] + next[0]) / 2 : order[k]![0] + 1e-9;
    }
  }
  return bestT;
}

/** Deterministic fold of each item: i mod k after a fixed shuffle (a linear congruential generator, seed 1). */
export function foldAssignment(n: number, k: number, seed = 1): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  let s = seed >>> 0;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  const fold = new Array<number>(n);
  idx.forEach((item, pos) => (fold[item] = pos % k));
  return fold;
}

export interface CvResult {
  /** Figures over the held-out predictions of every fold. */
  readonly accuracy: number;
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
  /** Threshold chosen on each fold's training part. */
  readonly foldThresholds: readonly number[];
  /** Mean of the fold thresholds: the production threshold. */
  readonly threshold: number;
}

/**
 * Cross-validated threshold choice: for each fold, pick the accuracy-maximising threshold on the other folds and
 * classify the held-out fold with it. The reported figures never see the threshold chosen on their own items.
 */
export function crossValidateThreshold(
  scores: readonly number[],
  labels: readonly number[],
  k = 10,
  seed = 1,
): CvResult {
  const fold = foldAssignment(scores.length, k, seed);
  const predicted = new Array<number>(scores.length);
  const thresholds: number[] = [];
  for (let f = 0; f < k; f++) {
    const trS: number[] = [];
    const trL: number[] = [];
    for (let i = 0; i < scores.length; i++) {
      if (fold[i] !== f) {
        trS.push(scores[i]!);
        trL.push(labels[i]!);
      }
    }
    const t = bestThreshold(trS, trL);
    thresholds.push(t);
    for (let i = 0; i < scores.length; i++) if (fold[i] === f) predicted[i] = scores[i]! >= t ? 1 : 0;
  }
  const c = confusion(predicted, labels, 0.5);
  return {
    accuracy: accuracy(c),
    f1: f1(c),
    precision: precision(c),
    recall: recall(c),
    foldThresholds: thresholds,
    threshold: thresholds.reduce((a, b) => a + b, 0) / Math.max(1, thresholds.length),
  };
}

/** Pair precision / recall: which labelled pairs the system put together, against the gold label of each. */
export function pairPrecisionRecall(
  predictedSame: readonly boolean[],
  labels: readonly number[],
): { precision: number; recall: number; f1: number; counts: BinaryCounts } {
  const c = confusion(
    predictedSame.map((p) => (p ? 1 : 0)),
    labels,
    0.5,
  );
  return { precision: precision(c), recall: recall(c), f1: f1(c), counts: c };
}

/**
 * Leave-one-group-out choice of a parameter by ROC AUC: for each group, the parameter with the best AUC on the
 * other groups scores the held-out group's items; the AUC is then taken over every held-out score together. So no
 * reported score was produced by a parameter chosen on its own group. Ties go to the earlier parameter.
 */
export function leaveOneGroupOutAuc<P>(
  params: readonly P[],
  scoreOf: (param: P, item: number) => number,
  labels: readonly number[],
  groups: readonly string[],
): { auc: number; chosen: Map<string, P> } {
  const heldOut = new Array<number>(labels.length).fill(0);
  const chosen = new Map<string, P>();
  for (const group of [...new Set(groups)].sort()) {
    if (params.length === 0) throw new Error('leaveOneGroupOutAuc needs at least one parameter.');
    let best: P = params[0] as P;
    let bestAuc = -1;
    for (const param of params) {
      const s: number[] = [];
      const l: number[] = [];
      labels.forEach((label, k) => {
        if (groups[k] === group) return;
        s.push(scoreOf(param, k));
        l.push(label);
      });
      const auc = rocAuc(s, l);
      if (auc > bestAuc) {
        bestAuc = auc;
        best = param;
      }
    }
    chosen.set(group, best);
    labels.forEach((_, k) => {
      if (groups[k] === group) heldOut[k] = scoreOf(best, k);
    });
  }
  return { auc: rocAuc(heldOut, labels), chosen };
}
