// Logistic regression fitted by Newton's method (iteratively reweighted least squares) with an L2 penalty. Used
// OFFLINE by scripts/train-scorer.ts to fit the shipped weights; it lives in the core only because it is pure
// arithmetic and the eval harness reuses it for cross-validation.

export interface LogisticModel {
  /** One weight per feature, on the raw (unstandardised) feature scale. */
  readonly weights: readonly number[];
  readonly bias: number;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function predict(m: LogisticModel, x: ArrayLike<number>): number {
  let z = m.bias;
  for (let k = 0; k < m.weights.length; k++) z += m.weights[k]! * x[k]!;
  return sigmoid(z);
}

/** Solve A x = b (A symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[piv]![c]!)) piv = r;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    const d = m[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / d;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / (row[i]! || 1e-12));
}

/**
 * Fit on rows `xs` (each of length d) and 0/1 `ys`. Features are standardised internally (so `l2` treats them
 * alike) and the returned weights are mapped back to the raw scale.
 */
export function fitLogistic(
  xs: readonly ArrayLike<number>[],
  ys: readonly number[],
  l2 = 1,
  iterations = 30,
): LogisticModel {
  const n = xs.length;
  const d = n ? xs[0]!.length : 0;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const x of xs) for (let k = 0; k < d; k++) mean[k]! += x[k]! / n;
  for (const x of xs) for (let k = 0; k < d; k++) sd[k]! += (x[k]! - mean[k]!) ** 2 / n;
  for (let k = 0; k < d; k++) sd[k] = Math.sqrt(sd[k]!) || 1;
  const z = xs.map((x) => {
    const r = new Array<number>(d + 1);
    for (let k = 0; k < d; k++) r[k] = (x[k]! - mean[k]!) / sd[k]!;
    r[d] = 1;
    return r;
  });
  let w = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < n; i++) {
      const r = z[i]!;
      let s = 0;
      for (let k = 0; k <= d; k++) s += w[k]! * r[k]!;
      const p = sigmoid(s);
      const g = p - ys[i]!;
      const h = Math.max(p * (1 - p), 1e-9);
      for (let k = 0; k <= d; k++) {
        grad[k]! += g * r[k]!;
        const hk = h * r[k]!;
        for (let l = k; l <= d; l++) hess[k]![l]! += hk * r[l]!;
      }
    }
    for (let k = 0; k <= d; k++) {
      for (let l = 0; l < k; l++) hess[k]![l] = hess[l]![k]!;
      if (k < d) {
        grad[k]! += l2 * w[k]!;
        hess[k]![k]! += l2;
      }
    }
    const step = solve(hess, grad);
    let change = 0;
    w = w.map((v, k) => {
      change += Math.abs(step[k]!);
      return v - step[k]!;
    });
    if (change < 1e-8) break;
  }
  const weights = new Array<number>(d);
  let bias = w[d]!;
  for (let k = 0; k < d; k++) {
    weights[k] = w[k]! / sd[k]!;
    bias -= (w[k]! * mean[k]!) / sd[k]!;
  }
  return { weights, bias };
}
