import { describe, expect, it } from 'vitest';
import {
  accuracy,
  averageRanks,
  bestThreshold,
  confusion,
  crossValidateThreshold,
  f1,
  foldAssignment,
  leaveOneGroupOutAuc,
  pairPrecisionRecall,
  pearson,
  rocAuc,
  spearman,
} from './metrics.ts';

describe('binary metrics', () => {
  it('counts a confusion matrix at a threshold and derives accuracy and F1', () => {
    const c = confusion([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0], 0.5);
    expect(c).toEqual({ tp: 1, fp: 1, tn: 1, fn: 1 });
    expect(accuracy(c)).toBe(0.5);
    expect(f1(c)).toBe(0.5);
  });

  it('ROC AUC is 1 for a perfect ranking, 0 for a reversed one, and halves ties', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(rocAuc([0.5, 0.5], [0, 1])).toBe(0.5);
    // One of four positive-negative orderings is wrong.
    expect(rocAuc([0.1, 0.6, 0.5, 0.9], [0, 0, 1, 1])).toBe(0.75);
  });

  it('pair precision and recall', () => {
    const r = pairPrecisionRecall([true, true, false, false], [1, 0, 1, 1]);
    expect(r.precision).toBe(0.5);
    expect(r.recall).toBeCloseTo(1 / 3);
  });
});

describe('correlations', () => {
  it('Pearson of a linear relation is 1, Spearman of a monotone one is 1', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1);
    expect(spearman([1, 2, 3, 4], [1, 4, 9, 100])).toBeCloseTo(1);
  });

  it('average ranks give ties the mean rank', () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
  });
});

describe('threshold selection', () => {
  it('picks a cut between the classes when they separate', () => {
    const t = bestThreshold([0.1, 0.2, 0.7, 0.9], [0, 0, 1, 1]);
    expect(t).toBeGreaterThan(0.2);
    expect(t).toBeLessThanOrEqual(0.7);
  });

  it('cross-validation on separable data is perfect and folds are balanced and deterministic', () => {
    const scores = Array.from({ length: 40 }, (_, i) => i / 40);
    const labels = scores.map((s) => (s >= 0.5 ? 1 : 0));
    const cv = crossValidateThreshold(scores, labels, 5);
    expect(cv.accuracy).toBe(1);
    expect(cv.f1).toBe(1);
    expect(cv.foldThresholds).toHaveLength(5);
    const folds = foldAssignment(40, 5);
    expect(folds).toEqual(foldAssignment(40, 5));
    for (let f = 0; f < 5; f++) expect(folds.filter((x) => x === f)).toHaveLength(8);
  });
});

describe('leave-one-group-out parameter choice', () => {
  it('scores each group with the parameter chosen on the others', () => {
    // Parameter 'up' ranks group g1 perfectly and g2 backwards; 'down' the reverse. Chosen on g2 alone, 'down'
    // wins and scores g1 backwards, and vice versa: the held-out AUC is 0, although each group has a perfect
    // parameter (what fitting on everything would report).
    const labels = [0, 1, 0, 1];
    const groups = ['g1', 'g1', 'g2', 'g2'];
    const value = [0.1, 0.9, 0.5, -0.5];
    const scoreOf = (p: 'up' | 'down', k: number) => (p === 'up' ? value[k]! : -value[k]!);
    const r = leaveOneGroupOutAuc(['up', 'down'] as const, scoreOf, labels, groups);
    expect(r.chosen.get('g1')).toBe('down');
    expect(r.chosen.get('g2')).toBe('up');
    expect(r.auc).toBe(0);
  });

  it('keeps a parameter that is right everywhere', () => {
    const labels = [0, 1, 0, 1, 0, 1];
    const groups = ['a', 'a', 'b', 'b', 'c', 'c'];
    const r = leaveOneGroupOutAuc([1, -1], (p, k) => p * labels[k]!, labels, groups);
    expect([...r.chosen.values()]).toEqual([1, 1, 1]);
    expect(r.auc).toBe(1);
  });
});
