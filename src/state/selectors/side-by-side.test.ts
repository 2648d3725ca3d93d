import { describe, expect, it } from 'vitest';
import {
  buildSideBySide,
  diffAgainstReference,
  differenceIndices,
  filterRows,
  findDifference,
  orderUnitIds,
  orientDiff,
  selectSideBySide,
} from './side-by-side.ts';
import {
  DAILY,
  SCOPEX,
  SUMMIT_ORDER,
  WIRE,
  summitComparison,
} from '../../test/fixtures/comparison-summit.ts';
import type { Correction } from '../../core/model.ts';
import { buildComparison } from '../../test/fixtures/comparison-builder.ts';

const comparison = summitComparison();
const model = (reference: string | null = null, corrections: readonly Correction[] = []) =>
  buildSideBySide(comparison, { sourceOrder: SUMMIT_ORDER, referenceSourceId: reference }, corrections);

const text = (parts: readonly { op: string; text: string }[] | null, op: string) =>
  (parts ?? [])
    .filter((p) => p.op === op)
    .map((p) => p.text.trim())
    .join(' ');

describe('side by side rows', () => {
  it('has one column per source in workspace order, the first being the default reference', () => {
    const m = model();
    expect(m.columns.map((c) => c.outlet)).toEqual(['Scopex', 'Wire report', 'Daily Courier']);
    expect(m.referenceSourceId).toBe(SCOPEX);
    expect(m.columns.map((c) => c.isReference)).toEqual([true, false, false]);
  });

  it('has a row for every group, one-source groups included, each unit exactly once', () => {
    const m = model();
    expect(m.rows).toHaveLength(comparison.groups.length);
    const seen = m.rows.flatMap((r) => r.cells.flatMap((c) => c.units.map((u) => u.unitId))).sort();
    expect(seen).toEqual(comparison.units.map((u) => u.id).sort());
  });

  it("orders rows by the reference's reading order and slots others' only-here claims where they appear", () => {
    expect(model(SCOPEX).rows.map((r) => r.groupId)).toEqual([
      'g0',
      'g1',
      'g2',
      'g3',
      'g6',
      'g4',
      'g7',
      'g5',
    ]);
    // With the wire as reference, Scopex's Zelenskiy claim (g4) and the Courier's quote that follows it (g7)
    // come after the claim they follow in their own sources, before the wire's own next claim.
    expect(model(WIRE).rows.map((r) => r.groupId)).toEqual(['g0', 'g1', 'g2', 'g3', 'g4', 'g7', 'g6', 'g5']);
  });

  it('marks omitted cells and keeps a claim on one row across outlets', () => {
    const row = model().rows.find((r) => r.groupId === 'g2');
    expect(row?.cells.map((c) => c.omitted)).toEqual([false, false, false]);
    expect(row?.cells.map((c) => c.units[0]?.unitId)).toEqual([`${SCOPEX}:u2`, `${WIRE}:u2`, `${DAILY}:u1`]);
    const g0 = model().rows.find((r) => r.groupId === 'g0');
    expect(g0?.cells.map((c) => c.omitted)).toEqual([false, false, true]);
    expect(g0?.omittedBy).toEqual([DAILY]);
    expect(g0?.isOmission).toBe(true);
  });

  it('diffs each cell against the reference unit of its row, inverting the pair when the reference is b', () => {
    // Pair a-wire:u2 -> b-scopex:u2 runs wire -> Scopex; with Scopex as reference it must be read backwards.
    const wireCell = model(SCOPEX)
      .rows.find((r) => r.groupId === 'g2')
      ?.cells.find((c) => c.sourceId === WIRE)?.units[0];
    expect(text(wireCell?.diff ?? null, 'insert')).toContain('strikes');
    expect(text(wireCell?.diff ?? null, 'delete')).toContain('destruction');
    expect(wireCell?.pair).toMatchObject({
      vsReference: true,
      relation: 'paraphrase',
      otherUnitId: `${SCOPEX}:u2`,
    });

    const scopexCell = model(WIRE)
      .rows.find((r) => r.groupId === 'g2')
      ?.cells.find((c) => c.sourceId === SCOPEX)?.units[0];
    expect(text(scopexCell?.diff ?? null, 'insert')).toContain('destruction');
    expect(text(scopexCell?.diff ?? null, 'delete')).toContain('strikes');
  });

  it('gives the reference cell no diff, and rebuilding the reference text from a diff round-trips', () => {
    const row = model(WIRE).rows.find((r) => r.groupId === 'g3');
    expect(row?.cells.find((c) => c.isReference)?.units[0]?.diff).toBeNull();
    const cell = row?.cells.find((c) => c.sourceId === SCOPEX)?.units[0];
    const parts = cell?.diff ?? [];
    expect(
      parts
        .filter((p) => p.op !== 'insert')
        .map((p) => p.text)
        .join(''),
    ).toBe(comparison.units.find((u) => u.id === `${WIRE}:u3`)?.text);
    expect(
      parts
        .filter((p) => p.op !== 'delete')
        .map((p) => p.text)
        .join(''),
    ).toBe(cell?.text);
  });

  it('has no diff when the reference omits the claim, but still names the pair in the row', () => {
    const row = model(WIRE).rows.find((r) => r.groupId === 'g4');
    const scopex = row?.cells.find((c) => c.sourceId === SCOPEX)?.units[0];
    expect(scopex?.diff).toBeNull();
    expect(scopex?.pair).toMatchObject({
      vsReference: false,
      relation: 'adds-detail',
      otherUnitId: `${DAILY}:u2`,
    });
  });

  it('offers a lazy diff against the reference when the engine kept no pair with it', () => {
    const c = summitComparison();
    const thin = { ...c, pairs: c.pairs.filter((p) => p.id !== `p:${WIRE}:u2~${DAILY}:u1`) };
    const row = buildSideBySide(thin, { sourceOrder: SUMMIT_ORDER, referenceSourceId: WIRE }, []).rows.find(
      (r) => r.groupId === 'g2',
    );
    const daily = row?.cells.find((x) => x.sourceId === DAILY)?.units[0];
    expect(daily?.diff).toBeNull();
    expect(daily?.pair).toMatchObject({ vsReference: false, otherUnitId: `${SCOPEX}:u2` });
    const wireText = c.units.find((u) => u.id === `${WIRE}:u2`)?.text ?? '';
    expect(daily?.diffAgainst).toBe(wireText);
    const parts = diffAgainstReference(wireText, daily?.text ?? '');
    expect(
      parts
        .filter((p) => p.op !== 'insert')
        .map((p) => p.text)
        .join(''),
    ).toBe(wireText);
    expect(
      parts
        .filter((p) => p.op !== 'delete')
        .map((p) => p.text)
        .join(''),
    ).toBe(daily?.text);
    expect(diffAgainstReference(wireText, daily?.text ?? '')).toBe(parts);
  });

  it('flags differences, omissions, quotes and conflicts for the filters', () => {
    const m = model();
    const ids = (f: Parameters<typeof filterRows>[1]) => filterRows(m.rows, f).map((r) => r.groupId);
    expect(ids('all')).toHaveLength(8);
    expect(ids('conflicts').sort()).toEqual(['g1', 'g3']);
    expect(ids('quotes').sort()).toEqual(['g2', 'g5', 'g7']);
    expect(ids('omissions').sort()).toEqual(['g0', 'g3', 'g4', 'g5', 'g6', 'g7']);
    // Every row differs somewhere in this fixture except none: g1 has a conflict, g2 paraphrases.
    expect(ids('differences')).toEqual(m.rows.filter((r) => r.isDifference).map((r) => r.groupId));
    expect(ids('differences')).toContain('g2');
  });

  it('does not count an identical row that every source carries as a difference', () => {
    const c = buildComparison({
      sources: [
        { id: 'x', outlet: 'X', units: [{ text: 'The summit opened on Friday.' }] },
        { id: 'y', outlet: 'Y', units: [{ text: 'The summit opened on Friday.' }] },
      ],
      groups: [['x:u0', 'y:u0']],
      pairs: [{ a: 'x:u0', b: 'y:u0', relation: 'identical', score: 1 }],
    });
    const row = buildSideBySide(c, { sourceOrder: ['x', 'y'], referenceSourceId: null }, []).rows[0];
    expect(row).toMatchObject({ isDifference: false, isOmission: false, isConflict: false });
    // A single source has nothing to differ from.
    const alone = buildSideBySide(c, { sourceOrder: ['x'], referenceSourceId: null }, []);
    expect(alone.columns).toHaveLength(2);
  });

  it('lists every unit partner for hover highlighting', () => {
    const m = model();
    expect([...(m.partners.get(`${WIRE}:u1`) ?? [])].sort()).toEqual([`${SCOPEX}:u1`, `${DAILY}:u0`].sort());
    expect(m.partners.get(`${WIRE}:u4`)).toBeUndefined();
  });

  it('marks rows and pairs touched by corrections as corrected', () => {
    const m = model(WIRE, [{ kind: 'relation', a: `${WIRE}:u2`, b: `${SCOPEX}:u2`, relation: 'minor' }]);
    const row = m.rows.find((r) => r.groupId === 'g2');
    expect(row?.corrected).toBe(true);
    expect(row?.cells.find((c) => c.sourceId === SCOPEX)?.units[0]?.pair?.corrected).toBe(true);
    expect(row?.cells.find((c) => c.sourceId === DAILY)?.units[0]?.pair?.corrected).toBe(false);
    expect(m.rows.filter((r) => r.corrected).map((r) => r.groupId)).toEqual(['g2']);
  });

  it('appends sources missing from the workspace order and ignores unknown ids', () => {
    const m = buildSideBySide(comparison, { sourceOrder: ['gone', DAILY], referenceSourceId: 'gone' }, []);
    expect(m.columns.map((c) => c.sourceId)).toEqual([DAILY, WIRE, SCOPEX]);
    expect(m.referenceSourceId).toBe(DAILY);
  });
});

describe('navigation between differences', () => {
  const rows = model().rows;
  it('finds the next and previous difference without wrapping', () => {
    const idx = differenceIndices(rows);
    expect(idx.length).toBeGreaterThan(1);
    expect(findDifference(rows, -1, 1)).toBe(idx[0]);
    expect(findDifference(rows, idx[0] ?? 0, 1)).toBe(idx[1]);
    expect(findDifference(rows, rows.length, -1)).toBe(idx[idx.length - 1]);
    expect(findDifference(rows, idx[idx.length - 1] ?? 0, 1)).toBeNull();
    expect(findDifference(rows, idx[0] ?? 0, -1)).toBeNull();
  });
});

describe('helpers', () => {
  it('inverts insert and delete only when the reference is the pair b side', () => {
    const pair = {
      a: 'x:u0',
      b: 'y:u0',
      diff: [
        { op: 'equal', text: 'a ' },
        { op: 'delete', text: 'b' },
        { op: 'insert', text: 'c' },
      ] as const,
    };
    expect(orientDiff(pair, 'x:u0')).toBe(pair.diff);
    expect(orientDiff(pair, 'y:u0').map((p) => p.op)).toEqual(['equal', 'insert', 'delete']);
  });

  it('orders correction ends by source id then unit index, not by string', () => {
    expect(orderUnitIds(comparison, `${SCOPEX}:u4`, `${WIRE}:u5`)).toEqual({
      a: `${WIRE}:u5`,
      b: `${SCOPEX}:u4`,
    });
    expect(orderUnitIds(comparison, `${WIRE}:u1`, `${WIRE}:u0`)).toEqual({
      a: `${WIRE}:u0`,
      b: `${WIRE}:u1`,
    });
  });

  it('memoises per comparison and recomputes when options or corrections change', () => {
    const opts = { sourceOrder: SUMMIT_ORDER, referenceSourceId: null };
    const none: Correction[] = [];
    const first = selectSideBySide(comparison, opts, none);
    expect(selectSideBySide(comparison, { ...opts }, none)).toBe(first);
    expect(selectSideBySide(comparison, { ...opts, referenceSourceId: WIRE }, none)).not.toBe(first);
    expect(selectSideBySide(comparison, opts, [])).not.toBe(first);
  });
});
