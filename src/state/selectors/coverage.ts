// Coverage: the matrix of claims (groups) x sources, present / absent / conflicting, sortable, and the share of
// all claims each source carries (issue 4, "Coverage"). Built from comparison.report.coverage, with columns in
// the user's workspace order and rows in the Side by side reading order by default.
import type { Comparison, CoverageCell } from '../../core/model.ts';
import { orderedSourceIds, readingOrder } from './side-by-side.ts';

export interface CoverageColumn {
  readonly sourceId: string;
  readonly outlet: string;
}

export interface CoverageRow {
  readonly groupId: string;
  /** Position in reading order (the default sort). */
  readonly order: number;
  /** The claim as the first carrying source (workspace order) words it. */
  readonly label: string;
  readonly cells: readonly CoverageCell[];
  /** Sources carrying the claim. */
  readonly carriedBy: number;
}

export interface ShareBar {
  readonly sourceId: string;
  readonly outlet: string;
  /** In [0, 1]. */
  readonly share: number;
  readonly carried: number;
  readonly total: number;
}

export interface CoverageModel {
  readonly columns: readonly CoverageColumn[];
  readonly rows: readonly CoverageRow[];
  readonly shares: readonly ShareBar[];
}

/** 'order' = reading order, 'sources' = number of outlets carrying the claim, or a source id. */
export type CoverageSortKey = 'order' | 'claim' | 'sources' | string;
export interface CoverageSort {
  readonly key: CoverageSortKey;
  readonly direction: 'ascending' | 'descending';
}

export const CELL_LABEL: Readonly<Record<CoverageCell, string>> = {
  present: 'Present',
  absent: 'Absent',
  conflicting: 'Conflicting',
};

export function buildCoverage(
  comparison: Comparison,
  options: { sourceOrder: readonly string[]; referenceSourceId: string | null },
): CoverageModel {
  const ordered = orderedSourceIds(comparison, options.sourceOrder);
  const outletOf = new Map(comparison.sources.map((s) => [s.id, s.outlet]));
  const columns = ordered.map((id) => ({ sourceId: id, outlet: outletOf.get(id) ?? id }));
  const { coverage } = comparison.report;
  const colIndex = ordered.map((id) => coverage.sourceIds.indexOf(id));
  const rowIndex = new Map(coverage.groupIds.map((g, i) => [g, i]));
  const unitText = new Map(comparison.units.map((u) => [u.id, u]));
  const reading = readingOrder(comparison, { ...options, sourceOrder: ordered });
  const sourcePos = new Map(ordered.map((s, i) => [s, i]));

  const rows: CoverageRow[] = [];
  reading.forEach((group, order) => {
    const gi = rowIndex.get(group.id);
    if (gi === undefined) return;
    const raw = coverage.cells[gi] ?? [];
    const cells = colIndex.map((ci) => (ci < 0 ? 'absent' : (raw[ci] ?? 'absent')));
    const first = group.unitIds
      .map((id) => unitText.get(id))
      .filter((u) => u !== undefined)
      .sort(
        (x, y) => (sourcePos.get(x.sourceId) ?? 0) - (sourcePos.get(y.sourceId) ?? 0) || x.index - y.index,
      )[0];
    rows.push({
      groupId: group.id,
      order,
      label: first?.text ?? '',
      cells,
      carriedBy: cells.filter((c) => c !== 'absent').length,
    });
  });

  const perSource = new Map(comparison.report.perSource.map((p) => [p.sourceId, p]));
  const shares = columns.map((col, ci) => {
    const carried = rows.filter((r) => r.cells[ci] !== 'absent').length;
    const share = perSource.get(col.sourceId)?.coverageShare ?? (rows.length ? carried / rows.length : 0);
    return { ...col, share, carried, total: rows.length };
  });
  return { columns, rows, shares };
}

// Absent sorts before present before conflicting when ascending: "who is missing what" comes first.
const CELL_RANK: Readonly<Record<CoverageCell, number>> = { absent: 0, present: 1, conflicting: 2 };

export function sortCoverageRows(model: CoverageModel, sort: CoverageSort): readonly CoverageRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const col = model.columns.findIndex((c) => c.sourceId === sort.key);
  const value = (r: CoverageRow): number | string => {
    if (sort.key === 'order') return r.order;
    if (sort.key === 'sources') return r.carriedBy;
    // Alphabetical by the words, not by a leading quotation mark.
    if (sort.key === 'claim') return r.label.replace(/^[^\p{L}\p{N}]+/u, '').toLocaleLowerCase();
    return col < 0 ? r.order : CELL_RANK[r.cells[col] ?? 'absent'];
  };
  // Ties keep reading order, so sorting is stable and predictable.
  return [...model.rows].sort((x, y) => {
    const a = value(x);
    const b = value(y);
    const d = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
    return d !== 0 ? d * sign : x.order - y.order;
  });
}

const cache = new WeakMap<Comparison, { key: string; model: CoverageModel }>();

export function selectCoverage(
  comparison: Comparison,
  options: { sourceOrder: readonly string[]; referenceSourceId: string | null },
): CoverageModel {
  const key = `${options.sourceOrder.join('\u0000')}\u0001${options.referenceSourceId ?? ''}`;
  const hit = cache.get(comparison);
  if (hit && hit.key === key) return hit.model;
  const model = buildCoverage(comparison, options);
  cache.set(comparison, { key, model });
  return model;
}
