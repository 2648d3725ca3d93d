// Sources report (issue 4, "Sources"): per outlet, what only it reports, what it omits, where it places the
// shared claims (headline / lede / body), its verbatim overlap with every other source and the names it shares with each.
import type { Comparison } from '../../core/model.ts';
import { orderedSourceIds, readingOrder } from './side-by-side.ts';

export interface ClaimRef {
  readonly groupId: string;
  /** The claim as written by the outlet concerned (only-here) or by the first outlet carrying it (omitted). */
  readonly text: string;
  /** Outlets that carry it (for omitted claims). */
  readonly carriedBy: readonly string[];
}

export interface OutletReport {
  readonly sourceId: string;
  readonly outlet: string;
  readonly title: string | null;
  readonly wordCount: number;
  /** Share of all claims this outlet carries, [0, 1]. */
  readonly coverageShare: number;
  readonly onlyHere: readonly ClaimRef[];
  readonly omitted: readonly ClaimRef[];
  readonly placement: { readonly headline: number; readonly lede: number; readonly body: number };
  /** Verbatim overlap with each other source, workspace order. */
  readonly overlap: readonly { readonly sourceId: string; readonly outlet: string; readonly share: number }[];
  /**
   * Names in common with each other source (Report.names), workspace order; `cautious` when the aligner matched
   * the two reports' sentences more cautiously (Report.names' `lowered`).
   */
  readonly names: readonly {
    readonly sourceId: string;
    readonly outlet: string;
    readonly overlap: number | null;
    readonly cautious: boolean;
  }[];
}

export function buildSourcesReport(
  comparison: Comparison,
  options: { sourceOrder: readonly string[]; referenceSourceId: string | null },
): readonly OutletReport[] {
  const ordered = orderedSourceIds(comparison, options.sourceOrder);
  const sourcePos = new Map(ordered.map((s, i) => [s, i]));
  const infoOf = new Map(comparison.sources.map((s) => [s.id, s]));
  const outlet = (id: string) => infoOf.get(id)?.outlet ?? id;
  const unitById = new Map(comparison.units.map((u) => [u.id, u]));
  const groupById = new Map(comparison.groups.map((g) => [g.id, g]));
  const rank = new Map(
    readingOrder(comparison, { sourceOrder: ordered, referenceSourceId: options.referenceSourceId }).map(
      (g, i) => [g.id, i],
    ),
  );
  const byRank = (x: ClaimRef, y: ClaimRef) => (rank.get(x.groupId) ?? 0) - (rank.get(y.groupId) ?? 0);
  const perSource = new Map(comparison.report.perSource.map((p) => [p.sourceId, p]));

  const claim = (groupId: string, preferSource: string | null): ClaimRef | null => {
    const g = groupById.get(groupId);
    if (!g) return null;
    const units = g.unitIds
      .map((id) => unitById.get(id))
      .filter((u) => u !== undefined)
      .sort(
        (x, y) =>
          Number(y.sourceId === preferSource) - Number(x.sourceId === preferSource) ||
          (sourcePos.get(x.sourceId) ?? 0) - (sourcePos.get(y.sourceId) ?? 0) ||
          x.index - y.index,
      );
    return {
      groupId,
      text: units[0]?.text ?? '',
      carriedBy: [...g.sourceIds]
        .sort((x, y) => (sourcePos.get(x) ?? 0) - (sourcePos.get(y) ?? 0))
        .map(outlet),
    };
  };

  return ordered.map((id) => {
    const r = perSource.get(id);
    const info = infoOf.get(id);
    const overlap = comparison.report.verbatim
      .filter((v) => v.a === id || v.b === id)
      .map((v) => {
        const other = v.a === id ? v.b : v.a;
        return { sourceId: other, outlet: outlet(other), share: v.share };
      })
      .sort((x, y) => (sourcePos.get(x.sourceId) ?? 0) - (sourcePos.get(y.sourceId) ?? 0));
    const names = comparison.report.names
      .filter((v) => v.a === id || v.b === id)
      .map((v) => {
        const other = v.a === id ? v.b : v.a;
        return { sourceId: other, outlet: outlet(other), overlap: v.overlap, cautious: v.lowered };
      })
      .sort((x, y) => (sourcePos.get(x.sourceId) ?? 0) - (sourcePos.get(y.sourceId) ?? 0));
    return {
      sourceId: id,
      outlet: outlet(id),
      title: info?.title ?? null,
      wordCount: info?.wordCount ?? 0,
      coverageShare: r?.coverageShare ?? 0,
      onlyHere: (r?.onlyHere ?? [])
        .map((g) => claim(g, id))
        .filter((c) => c !== null)
        .sort(byRank),
      omitted: (r?.omitted ?? [])
        .map((g) => claim(g, null))
        .filter((c) => c !== null)
        .sort(byRank),
      placement: r?.placement ?? { headline: 0, lede: 0, body: 0 },
      overlap,
      names,
    };
  });
}

const cache = new WeakMap<Comparison, { key: string; model: readonly OutletReport[] }>();

export function selectSourcesReport(
  comparison: Comparison,
  options: { sourceOrder: readonly string[]; referenceSourceId: string | null },
): readonly OutletReport[] {
  const key = `${options.sourceOrder.join('\u0000')}\u0001${options.referenceSourceId ?? ''}`;
  const hit = cache.get(comparison);
  if (hit && hit.key === key) return hit.model;
  const model = buildSourcesReport(comparison, options);
  cache.set(comparison, { key, model });
  return model;
}
