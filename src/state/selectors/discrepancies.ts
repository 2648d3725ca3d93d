// Discrepancies (issue 4): numbers, dates, weekdays and names that disagree between outlets for the same claim,
// each with both passages and the disagreeing values located inside them.
import type { Comparison, DiscrepancyKind } from '../../core/model.ts';
import { orderedSourceIds, readingOrder } from './side-by-side.ts';

export const DISCREPANCY_LABEL: Readonly<Record<DiscrepancyKind, string>> = {
  number: 'Number',
  date: 'Date',
  weekday: 'Weekday',
  name: 'Name',
};

export interface Passage {
  readonly sourceId: string;
  readonly outlet: string;
  readonly unitId: string;
  readonly text: string;
  /** The disagreeing value. */
  readonly value: string;
  /** [start, end) of the value inside `text`, or null when it could not be located. */
  readonly highlight: { readonly start: number; readonly end: number } | null;
}

export interface DiscrepancyItem {
  readonly key: string;
  readonly groupId: string;
  readonly pairId: string;
  readonly kind: DiscrepancyKind;
  /** The two passages, the source earlier in workspace order first. */
  readonly left: Passage;
  readonly right: Passage;
}

export function buildDiscrepancies(
  comparison: Comparison,
  options: { sourceOrder: readonly string[]; referenceSourceId: string | null },
): readonly DiscrepancyItem[] {
  const ordered = orderedSourceIds(comparison, options.sourceOrder);
  const sourcePos = new Map(ordered.map((s, i) => [s, i]));
  const outletOf = new Map(comparison.sources.map((s) => [s.id, s.outlet]));
  const unitById = new Map(comparison.units.map((u) => [u.id, u]));
  const pairById = new Map(comparison.pairs.map((p) => [p.id, p]));
  const rank = new Map(
    readingOrder(comparison, { sourceOrder: ordered, referenceSourceId: options.referenceSourceId }).map(
      (g, i) => [g.id, i],
    ),
  );

  const passage = (unitId: string, v: { text: string; start: number; end: number }): Passage | null => {
    const u = unitById.get(unitId);
    if (!u) return null;
    // Offsets are into the source text; convert to the unit's own text and check they still point at the value.
    let start = v.start - u.start;
    let end = v.end - u.start;
    if (start < 0 || end > u.text.length || u.text.slice(start, end) !== v.text) {
      start = u.text.indexOf(v.text);
      end = start + v.text.length;
    }
    return {
      sourceId: u.sourceId,
      outlet: outletOf.get(u.sourceId) ?? u.sourceId,
      unitId: u.id,
      text: u.text,
      value: v.text,
      highlight: start >= 0 ? { start, end } : null,
    };
  };

  const items: (DiscrepancyItem & { order: number })[] = [];
  comparison.report.discrepancies.forEach((entry, i) => {
    const pair = pairById.get(entry.pairId);
    if (!pair) return;
    const a = passage(pair.a, entry.discrepancy.a);
    const b = passage(pair.b, entry.discrepancy.b);
    if (!a || !b) return;
    const aFirst = (sourcePos.get(a.sourceId) ?? 0) <= (sourcePos.get(b.sourceId) ?? 0);
    items.push({
      key: `${entry.pairId}#${i}`,
      groupId: entry.groupId,
      pairId: entry.pairId,
      kind: entry.discrepancy.kind,
      left: aFirst ? a : b,
      right: aFirst ? b : a,
      order: i,
    });
  });
  items.sort(
    (x, y) =>
      (rank.get(x.groupId) ?? Infinity) - (rank.get(y.groupId) ?? Infinity) ||
      (sourcePos.get(x.left.sourceId) ?? 0) - (sourcePos.get(y.left.sourceId) ?? 0) ||
      (sourcePos.get(x.right.sourceId) ?? 0) - (sourcePos.get(y.right.sourceId) ?? 0) ||
      x.order - y.order,
  );
  return items.map(({ order: _order, ...item }) => item);
}

const cache = new WeakMap<Comparison, { key: string; items: readonly DiscrepancyItem[] }>();

export function selectDiscrepancies(
  comparison: Comparison,
  options: { sourceOrder: readonly string[]; referenceSourceId: string | null },
): readonly DiscrepancyItem[] {
  const key = `${options.sourceOrder.join('\u0000')}\u0001${options.referenceSourceId ?? ''}`;
  const hit = cache.get(comparison);
  if (hit && hit.key === key) return hit.items;
  const items = buildDiscrepancies(comparison, options);
  cache.set(comparison, { key, items });
  return items;
}
