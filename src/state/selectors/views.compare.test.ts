// The view selectors on real engine output: three short reports of a council vote written for this test, run
// through core compare(). Checks the invariants every view relies on, whatever the engine's exact alignment.
import { describe, expect, it } from 'vitest';
import { compare } from '../../core/compare.ts';
import type { SourceInput } from '../../core/model.ts';
import { buildSideBySide, diffAgainstReference, filterRows } from './side-by-side.ts';
import { buildCoverage } from './coverage.ts';
import { buildLedger } from './quotes.ts';
import { buildDiscrepancies } from './discrepancies.ts';
import { buildSourcesReport } from './sources.ts';

const SOURCES: SourceInput[] = [
  {
    id: 'herald',
    outlet: 'Harbour Herald',
    text: [
      'Council approves new ferry terminal',
      'The city council voted 12 to 3 on Tuesday to approve a new ferry terminal on the east quay.',
      '“This terminal will carry the island’s economy for the next fifty years,” Mayor Ruth Adeyemi said.',
      'The project is expected to cost 48 million pounds and open in 2028.',
      'Residents of the east quay have complained about construction noise for months.',
    ].join('\n\n'),
  },
  {
    id: 'gazette',
    outlet: 'Island Gazette',
    text: [
      'Ferry terminal gets green light',
      'The city council voted 11 to 3 on Tuesday to approve a new ferry terminal on the east quay.',
      '“This terminal will carry the island’s economy for decades,” Adeyemi told reporters.',
      'The project is expected to cost 48 million pounds and open in 2028.',
      'Opposition councillor Tom Reed called the plan a “vanity project”.',
    ].join('\n\n'),
  },
  {
    id: 'post',
    outlet: 'Evening Post',
    text: [
      'Mayor hails ferry vote',
      'Councillors backed a new ferry terminal on the east quay on Tuesday.',
      'Mayor Ruth Adeyemi said the terminal would carry the island’s economy for the next fifty years.',
      'Work is due to start in the spring.',
    ].join('\n\n'),
  },
];

const order = ['gazette', 'herald', 'post'];
const comparison = compare(SOURCES);
const opts = { sourceOrder: order, referenceSourceId: 'herald' };

describe('views on compare() output', () => {
  const sbs = buildSideBySide(comparison, opts, []);

  it('shows every unit exactly once, in columns that follow the workspace order', () => {
    expect(sbs.columns.map((c) => c.sourceId)).toEqual(order);
    expect(sbs.rows).toHaveLength(comparison.groups.length);
    const seen = sbs.rows.flatMap((r) => r.cells.flatMap((c) => c.units.map((u) => u.unitId))).sort();
    expect(seen).toEqual(comparison.units.map((u) => u.id).sort());
  });

  it('keeps each source’s own reading order down the rows', () => {
    for (const col of sbs.columns) {
      const indices = sbs.rows.flatMap((r) =>
        r.cells
          .filter((c) => c.sourceId === col.sourceId)
          .flatMap((c) => c.units.map((u) => Number(u.unitId.split(':u')[1]))),
      );
      if (col.isReference) expect(indices).toEqual([...indices].sort((a, b) => a - b));
    }
  });

  it('puts the sentence two outlets share word for word on one row', () => {
    const row = sbs.rows.find((r) =>
      r.cells.some((c) => c.units.some((u) => u.text.startsWith('The project is expected'))),
    );
    const carriers = row?.cells.filter((c) =>
      c.units.some((u) => u.text.startsWith('The project is expected')),
    );
    expect(carriers?.map((c) => c.sourceId).sort()).toEqual(['gazette', 'herald']);
  });

  it('gives diffs that rebuild both the reference text and the cell text', () => {
    for (const row of sbs.rows) {
      const ref = row.cells.find((c) => c.isReference)?.units[0];
      for (const cell of row.cells) {
        for (const u of cell.units) {
          const parts =
            u.diff ?? (u.diffAgainst !== null ? diffAgainstReference(u.diffAgainst, u.text) : null);
          if (!parts || !ref) continue;
          if (u.pair && !u.pair.diffComplete) continue;
          expect(
            parts
              .filter((p) => p.op !== 'insert')
              .map((p) => p.text)
              .join(''),
          ).toBe(u.diff ? comparison.units.find((x) => x.id === u.pair?.otherUnitId)?.text : u.diffAgainst);
          expect(
            parts
              .filter((p) => p.op !== 'delete')
              .map((p) => p.text)
              .join(''),
          ).toBe(u.text);
        }
      }
    }
  });

  it('filters are subsets of all rows', () => {
    for (const f of ['differences', 'omissions', 'quotes', 'conflicts'] as const) {
      const ids = new Set(sbs.rows.map((r) => r.groupId));
      for (const r of filterRows(sbs.rows, f)) expect(ids.has(r.groupId)).toBe(true);
    }
  });

  it('builds a coverage matrix with a row per group and shares in [0, 1]', () => {
    const cov = buildCoverage(comparison, opts);
    expect(cov.rows).toHaveLength(comparison.report.coverage.groupIds.length);
    for (const s of cov.shares) expect(s.share).toBeGreaterThanOrEqual(0);
    for (const s of cov.shares) expect(s.share).toBeLessThanOrEqual(1);
    for (const r of cov.rows) expect(r.cells).toHaveLength(3);
  });

  it('lists every speech quote exactly once in the ledger and every term apart', () => {
    const ledger = buildLedger(comparison, order);
    const listed = [...ledger.speakers.flatMap((s) => s.entries), ...ledger.unattributed].flatMap((e) =>
      e.variants.map((v) => v.quoteId),
    );
    const speech = comparison.quotes.filter((q) => q.kind === 'speech').map((q) => q.id);
    expect([...listed].sort()).toEqual([...speech].sort());
    const terms = ledger.terms.flatMap((t) => t.uses.map((u) => u.quoteId));
    expect(terms.sort()).toEqual(
      comparison.quotes
        .filter((q) => q.kind === 'term')
        .map((q) => q.id)
        .sort(),
    );
  });

  it('locates every discrepancy value inside its passage', () => {
    for (const d of buildDiscrepancies(comparison, opts)) {
      for (const p of [d.left, d.right])
        expect(p.text.slice(p.highlight?.start, p.highlight?.end)).toBe(p.value);
    }
  });

  it('reports every outlet', () => {
    expect(buildSourcesReport(comparison, opts).map((r) => r.outlet)).toEqual([
      'Island Gazette',
      'Harbour Herald',
      'Evening Post',
    ]);
  });
});
