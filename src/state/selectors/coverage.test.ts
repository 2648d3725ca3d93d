import { describe, expect, it } from 'vitest';
import { buildCoverage, selectCoverage, sortCoverageRows } from './coverage.ts';
import {
  DAILY,
  SCOPEX,
  SUMMIT_ORDER,
  WIRE,
  summitComparison,
} from '../../test/fixtures/comparison-summit.ts';

const comparison = summitComparison();
const opts = { sourceOrder: SUMMIT_ORDER, referenceSourceId: null };

describe('coverage matrix', () => {
  const model = buildCoverage(comparison, opts);

  it('has sources as columns in workspace order and a row per group in reading order', () => {
    expect(model.columns.map((c) => c.outlet)).toEqual(['Scopex', 'Wire report', 'Daily Courier']);
    expect(model.rows.map((r) => r.groupId)).toEqual(['g0', 'g1', 'g2', 'g3', 'g6', 'g4', 'g7', 'g5']);
  });

  it('maps report cells to the workspace column order', () => {
    const g1 = model.rows.find((r) => r.groupId === 'g1');
    expect(g1?.cells).toEqual(['conflicting', 'conflicting', 'conflicting']);
    const g6 = model.rows.find((r) => r.groupId === 'g6');
    // Only the wire (second column) carries the forum claim.
    expect(g6?.cells).toEqual(['absent', 'present', 'absent']);
    expect(g6?.carriedBy).toBe(1);
    expect(g6?.label).toBe('The forum in Vladivostok ran for three days.');
  });

  it('labels a claim with the wording of the first carrying source in workspace order', () => {
    expect(model.rows.find((r) => r.groupId === 'g2')?.label).toContain('destruction');
  });

  it('gives each source its share of all claims from the report', () => {
    const share = Object.fromEntries(model.shares.map((s) => [s.sourceId, s.share]));
    expect(share).toEqual({ [SCOPEX]: 6 / 8, [WIRE]: 6 / 8, [DAILY]: 4 / 8 });
    expect(model.shares.find((s) => s.sourceId === DAILY)).toMatchObject({ carried: 4, total: 8 });
  });

  it('sorts by a source column (absent first when ascending), by outlet count and back to reading order', () => {
    const byDaily = sortCoverageRows(model, { key: DAILY, direction: 'ascending' }).map((r) => r.cells[2]);
    expect(byDaily.slice(0, 4)).toEqual(['absent', 'absent', 'absent', 'absent']);
    const desc = sortCoverageRows(model, { key: 'sources', direction: 'descending' });
    expect(desc.map((r) => r.carriedBy)).toEqual([...desc.map((r) => r.carriedBy)].sort((a, b) => b - a));
    // Ties keep reading order.
    expect(desc.slice(0, 2).map((r) => r.groupId)).toEqual(['g1', 'g2']);
    expect(sortCoverageRows(model, { key: 'order', direction: 'ascending' })).toEqual(model.rows);
    const claims = sortCoverageRows(model, { key: 'claim', direction: 'ascending' }).map((r) => r.label);
    expect(claims[0]?.startsWith('Macron')).toBe(true);
  });

  it('is memoised per comparison and options', () => {
    expect(selectCoverage(comparison, opts)).toBe(selectCoverage(comparison, { ...opts }));
    expect(selectCoverage(comparison, { ...opts, sourceOrder: [WIRE] })).not.toBe(
      selectCoverage(comparison, opts),
    );
  });
});
