import { describe, expect, it } from 'vitest';
import { evaluateQuotes, matchSpans, overlapRatio, scoreArticle } from './eval-quotes.ts';

describe('quote metrics', () => {
  it('computes overlap as intersection over union', () => {
    expect(overlapRatio({ start: 0, end: 10 }, { start: 0, end: 10 })).toBe(1);
    expect(overlapRatio({ start: 0, end: 10 }, { start: 5, end: 15 })).toBeCloseTo(5 / 15);
    expect(overlapRatio({ start: 0, end: 4 }, { start: 4, end: 8 })).toBe(0);
  });

  it('matches one-to-one, best overlaps first, at overlap >= 0.5', () => {
    const gold = [
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ];
    const pred = [
      { start: 0, end: 9 },
      { start: 1, end: 10 },
      { start: 22, end: 40 },
    ];
    // [22,40) overlaps [20,30) by 8/20 = 0.4: no match.
    expect(matchSpans(gold, pred)).toEqual([{ gold: 0, predicted: 0, overlap: 0.9 }]);
  });

  it('scores a tiny article with known precision, recall and speaker accuracy', () => {
    const g = (start: number, end: number, speaker: string | null) => ({ start, end, text: 'x', speaker });
    const s = scoreArticle(
      't',
      [g(0, 10, 'Volodymyr Zelenskyy'), g(20, 30, 'Vladimir Putin'), g(40, 50, null)],
      [g(0, 10, 'Zelenskiy'), g(20, 30, 'Emmanuel Macron'), g(60, 70, null)],
    );
    expect(s).toMatchObject({ gold: 3, predicted: 3, matched: 2, speakerCorrect: 1 });
    expect(s.errors).toHaveLength(3);
  });

  it('meets the issue 5 targets on the hand-labelled articles', async () => {
    const r = await evaluateQuotes('eval/quotes');
    expect(r.articles).toBeGreaterThanOrEqual(14);
    expect(r.errors.filter((e) => e.includes('not found'))).toEqual([]);
    expect(r.spanF1).toBeGreaterThanOrEqual(0.9);
    expect(r.speakerAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});
