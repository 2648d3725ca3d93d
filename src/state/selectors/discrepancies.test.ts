import { describe, expect, it } from 'vitest';
import { buildDiscrepancies, selectDiscrepancies } from './discrepancies.ts';
import {
  DAILY,
  SCOPEX,
  SUMMIT_ORDER,
  WIRE,
  summitComparison,
} from '../../test/fixtures/comparison-summit.ts';

const comparison = summitComparison();
const opts = { sourceOrder: SUMMIT_ORDER, referenceSourceId: null };

describe('discrepancies', () => {
  const items = buildDiscrepancies(comparison, opts);

  it('lists every disagreeing value in reading order, the earlier workspace source on the left', () => {
    expect(items.map((i) => [i.kind, i.left.value, i.right.value])).toEqual([
      ['weekday', 'Monday', 'Friday'],
      ['weekday', 'Monday', 'Friday'],
      ['number', '35', '26'],
    ]);
    expect(items[0]?.left.outlet).toBe('Scopex');
    expect(items.map((i) => i.right.sourceId)).toEqual([WIRE, DAILY, WIRE]);
    expect(items.map((i) => i.groupId)).toEqual(['g1', 'g1', 'g3']);
  });

  it('locates each value inside its passage', () => {
    for (const item of items) {
      for (const p of [item.left, item.right]) {
        expect(p.highlight).not.toBeNull();
        expect(p.text.slice(p.highlight?.start, p.highlight?.end)).toBe(p.value);
      }
    }
    expect(items[2]?.left.unitId).toBe(`${SCOPEX}:u3`);
  });

  it('falls back to searching the passage when offsets do not point at the value', () => {
    const broken = {
      ...comparison,
      report: {
        ...comparison.report,
        discrepancies: comparison.report.discrepancies.map((d) => ({
          ...d,
          discrepancy: { ...d.discrepancy, a: { ...d.discrepancy.a, start: 0, end: 3 } },
        })),
      },
    };
    const fixed = buildDiscrepancies(broken, opts);
    for (const item of fixed) {
      for (const p of [item.left, item.right])
        expect(p.text.slice(p.highlight?.start, p.highlight?.end)).toBe(p.value);
    }
  });

  it('is memoised per comparison', () => {
    expect(selectDiscrepancies(comparison, opts)).toBe(selectDiscrepancies(comparison, { ...opts }));
  });
});
