import { describe, expect, it } from 'vitest';
import { buildSourcesReport } from './sources.ts';
import {
  DAILY,
  SCOPEX,
  SUMMIT_ORDER,
  WIRE,
  summitComparison,
} from '../../test/fixtures/comparison-summit.ts';

const comparison = summitComparison();
const report = buildSourcesReport(comparison, { sourceOrder: SUMMIT_ORDER, referenceSourceId: null });
const of = (id: string) => report.find((r) => r.sourceId === id);

describe('sources report', () => {
  it('has one entry per outlet in workspace order', () => {
    expect(report.map((r) => r.outlet)).toEqual(['Scopex', 'Wire report', 'Daily Courier']);
  });

  it('lists what only each outlet reports, in its own words', () => {
    expect(of(WIRE)?.onlyHere.map((c) => c.text)).toEqual(['The forum in Vladivostok ran for three days.']);
    expect(of(SCOPEX)?.onlyHere).toEqual([]);
    expect(of(DAILY)?.onlyHere.map((c) => c.text)).toEqual(['“Nobody trusts his words,” a statement read.']);
  });

  it('lists what each outlet omits with who carries it, in reading order', () => {
    expect(of(DAILY)?.omitted.map((c) => c.groupId)).toEqual(['g0', 'g3', 'g6', 'g5']);
    expect(of(DAILY)?.omitted[0]).toMatchObject({
      text: 'Putin threatens foreign forces in Ukraine',
      carriedBy: ['Scopex', 'Wire report'],
    });
  });

  it('counts where shared claims are placed and the coverage share', () => {
    expect(of(WIRE)?.placement).toEqual({ headline: 1, lede: 1, body: 3 });
    expect(of(DAILY)?.placement).toEqual({ headline: 0, lede: 1, body: 2 });
    expect(of(DAILY)?.coverageShare).toBe(0.5);
  });

  it('gives verbatim overlap with every other source', () => {
    expect(of(WIRE)?.overlap).toEqual([
      { sourceId: SCOPEX, outlet: 'Scopex', share: 0.12 },
      { sourceId: DAILY, outlet: 'Daily Courier', share: 0.34 },
    ]);
  });
});
