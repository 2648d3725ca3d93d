// Side by side: rows = aligned groups, one column per source in the user's workspace order (issue 4, "Views").
// Pure functions of (Comparison, options, corrections) so they are unit-tested without React; the component
// memoises them per comparison.
import type {
  Comparison,
  Correction,
  DiffPart,
  Group,
  Pair,
  Position,
  Relation,
  Unit,
} from '../../core/model.ts';
import { diffUnits } from '../../core/diff/word-diff.ts';
import { DEFAULT_OPTIONS } from '../../core/options.ts';
import type { RowFilter } from '../slices/types.ts';

export type { RowFilter };

export const RELATIONS: readonly Relation[] = [
  'identical',
  'minor',
  'paraphrase',
  'adds-detail',
  'conflicting',
];

/** Labels as a journalist reads them. */
export const RELATION_LABEL: Readonly<Record<Relation, string>> = {
  identical: 'Identical',
  minor: 'Minor wording change',
  paraphrase: 'Paraphrase',
  'adds-detail': 'Adds detail',
  conflicting: 'Conflicting',
};

export interface SideBySideOptions {
  /** Source ids in workspace order. Sources of the comparison missing here are appended in id order. */
  readonly sourceOrder: readonly string[];
  /** Null or unknown = the first source in workspace order. */
  readonly referenceSourceId: string | null;
}

export interface Column {
  readonly sourceId: string;
  readonly outlet: string;
  readonly isReference: boolean;
}

/** A pair as shown in a cell, with its word diff already oriented from the reference unit to the cell's unit. */
export interface PairView {
  readonly pairId: string;
  readonly a: string;
  readonly b: string;
  /** The unit at the other end of the pair (a reference unit when `vsReference`). */
  readonly otherUnitId: string;
  readonly vsReference: boolean;
  readonly relation: Relation;
  readonly score: number;
  readonly manual: boolean;
  readonly corrected: boolean;
  readonly diffComplete: boolean;
}

export interface CellUnit {
  readonly unitId: string;
  readonly text: string;
  readonly position: Position;
  readonly kind: 'sentence' | 'heading';
  readonly hasQuote: boolean;
  /** Word diff reference -> this unit ('insert' = added here, 'delete' = missing here); null = nothing to diff. */
  readonly diff: readonly DiffPart[] | null;
  /**
   * The reference unit's text when the row has one but the engine reported no pair between it and this unit
   * (it keeps only the strongest pairs per group): the view diffs the two lazily with `diffAgainstReference`.
   */
  readonly diffAgainst: string | null;
  /** The pair that links this unit to the reference (or, failing that, to another unit of the row). */
  readonly pair: PairView | null;
}

export interface Cell {
  readonly sourceId: string;
  readonly outlet: string;
  readonly omitted: boolean;
  readonly isReference: boolean;
  readonly units: readonly CellUnit[];
}

export interface Row {
  readonly groupId: string;
  readonly cells: readonly Cell[];
  readonly relation: Relation | null;
  readonly score: number;
  readonly kind: 'sentence' | 'heading';
  readonly hasQuote: boolean;
  readonly omittedBy: readonly string[];
  /** Not worded identically by every source, or omitted by some. */
  readonly isDifference: boolean;
  readonly isOmission: boolean;
  readonly isConflict: boolean;
  /** The user corrected a link, an unlink or a relation touching this row. */
  readonly corrected: boolean;
}

export interface SideBySideModel {
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  readonly referenceSourceId: string | null;
  /** unit id -> ids of the units it is paired with (for hover highlighting). */
  readonly partners: ReadonlyMap<string, readonly string[]>;
}

const pairKey = (x: string, y: string) => (x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);

/** Source ids in workspace order, restricted to sources the comparison knows, then any others in id order. */
export function orderedSourceIds(comparison: Comparison, sourceOrder: readonly string[]): string[] {
  const known = new Set(comparison.sources.map((s) => s.id));
  const out = sourceOrder.filter((id, i) => known.has(id) && sourceOrder.indexOf(id) === i);
  for (const s of comparison.sources) if (!out.includes(s.id)) out.push(s.id);
  return out;
}

export function resolveReference(
  ordered: readonly string[],
  referenceSourceId: string | null,
): string | null {
  if (referenceSourceId && ordered.includes(referenceSourceId)) return referenceSourceId;
  return ordered[0] ?? null;
}

/**
 * A pair's diff runs a -> b. Views diff against the reference unit, so when the reference is b the diff is
 * read backwards: what b has and a lacks was an 'insert' from a's side and is a 'delete' from b's side.
 */
export function orientDiff(
  pair: Pick<Pair, 'a' | 'b' | 'diff'>,
  referenceUnitId: string,
): readonly DiffPart[] {
  if (pair.a === referenceUnitId) return pair.diff;
  return pair.diff.map((p) =>
    p.op === 'equal' ? p : { op: p.op === 'insert' ? 'delete' : 'insert', text: p.text },
  );
}

/** Correction ends ordered like Pair ids: by source id, then unit index (model.ts, Pair). */
export function orderUnitIds(comparison: Comparison, x: string, y: string): { a: string; b: string } {
  const ux = comparison.units.find((u) => u.id === x);
  const uy = comparison.units.find((u) => u.id === y);
  if (!ux || !uy) return x < y ? { a: x, b: y } : { a: y, b: x };
  const first = ux.sourceId < uy.sourceId ? true : ux.sourceId > uy.sourceId ? false : ux.index <= uy.index;
  return first ? { a: x, b: y } : { a: y, b: x };
}

/**
 * Reading order of the rows: the reference source's order; a group the reference lacks goes right after the
 * claim that precedes it in the first source (workspace order) that carries it. Keys are paths: a reference
 * group is [rank]; a group placed after group K is K + [source position, unit index], so chains of claims the
 * reference lacks keep their own order. Deterministic and independent of the order groups arrive in.
 */
function orderGroups(
  groups: readonly Group[],
  unitsBySource: ReadonlyMap<string, readonly Unit[]>,
  groupOfUnit: ReadonlyMap<string, string>,
  ordered: readonly string[],
  reference: string | null,
): Group[] {
  const key = new Map<string, readonly number[]>();
  for (const u of reference ? (unitsBySource.get(reference) ?? []) : []) {
    const g = groupOfUnit.get(u.id);
    if (g !== undefined && !key.has(g)) key.set(g, [u.index]);
  }
  ordered.forEach((sid, pos) => {
    let last: readonly number[] = [-1];
    for (const u of unitsBySource.get(sid) ?? []) {
      const g = groupOfUnit.get(u.id);
      if (g === undefined) continue;
      let k = key.get(g);
      if (!k) {
        k = [...last, pos, u.index];
        key.set(g, k);
      }
      last = k;
    }
  });
  const cmp = (x: readonly number[], y: readonly number[]) => {
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const d = (x[i] ?? 0) - (y[i] ?? 0);
      if (d !== 0) return d;
    }
    return x.length - y.length;
  };
  const end = [Number.MAX_SAFE_INTEGER];
  return [...groups].sort(
    (x, y) => cmp(key.get(x.id) ?? end, key.get(y.id) ?? end) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
}

/** Groups in Side by side reading order (shared by Coverage, Discrepancies and the other views). */
export function readingOrder(comparison: Comparison, options: SideBySideOptions): Group[] {
  const ordered = orderedSourceIds(comparison, options.sourceOrder);
  const reference = resolveReference(ordered, options.referenceSourceId);
  const unitsBySource = new Map<string, Unit[]>();
  for (const u of comparison.units) {
    const list = unitsBySource.get(u.sourceId);
    if (list) list.push(u);
    else unitsBySource.set(u.sourceId, [u]);
  }
  for (const list of unitsBySource.values()) list.sort((x, y) => x.index - y.index);
  const groupOfUnit = new Map<string, string>();
  for (const g of comparison.groups) for (const id of g.unitIds) groupOfUnit.set(id, g.id);
  return orderGroups(comparison.groups, unitsBySource, groupOfUnit, ordered, reference);
}

export function buildSideBySide(
  comparison: Comparison,
  options: SideBySideOptions,
  corrections: readonly Correction[],
): SideBySideModel {
  const ordered = orderedSourceIds(comparison, options.sourceOrder);
  const reference = resolveReference(ordered, options.referenceSourceId);
  const outletOf = new Map(comparison.sources.map((s) => [s.id, s.outlet]));
  const columns: Column[] = ordered.map((id) => ({
    sourceId: id,
    outlet: outletOf.get(id) ?? id,
    isReference: id === reference,
  }));

  const unitById = new Map(comparison.units.map((u) => [u.id, u]));

  const pairByUnits = new Map<string, Pair>();
  const pairsOfUnit = new Map<string, Pair[]>();
  const partners = new Map<string, string[]>();
  for (const p of comparison.pairs) {
    pairByUnits.set(pairKey(p.a, p.b), p);
    for (const [x, y] of [
      [p.a, p.b],
      [p.b, p.a],
    ] as const) {
      const own = pairsOfUnit.get(x);
      if (own) own.push(p);
      else pairsOfUnit.set(x, [p]);
      const mates = partners.get(x);
      if (mates) mates.push(y);
      else partners.set(x, [y]);
    }
  }
  const quotedUnits = new Set<string>();
  for (const q of comparison.quotes) if (q.kind === 'speech') for (const id of q.unitIds) quotedUnits.add(id);

  const correctedUnits = new Set<string>();
  const relationCorrected = new Set<string>();
  for (const c of corrections) {
    correctedUnits.add(c.a);
    correctedUnits.add(c.b);
    if (c.kind === 'relation') relationCorrected.add(pairKey(c.a, c.b));
  }
  const pairView = (p: Pair, self: string, vsReference: boolean): PairView => ({
    pairId: p.id,
    a: p.a,
    b: p.b,
    otherUnitId: p.a === self ? p.b : p.a,
    vsReference,
    relation: p.relation,
    score: p.score,
    manual: p.manual === true,
    corrected: p.manual === true || relationCorrected.has(pairKey(p.a, p.b)),
    diffComplete: p.diffComplete,
  });
  const multiSource = ordered.length > 1;

  const rows: Row[] = readingOrder(comparison, { sourceOrder: ordered, referenceSourceId: reference }).map(
    (g) => {
      const members = g.unitIds.map((id) => unitById.get(id)).filter((u): u is Unit => !!u);
      members.sort((x, y) => x.index - y.index);
      const refUnits = members.filter((u) => u.sourceId === reference);
      const inGroup = new Set(g.unitIds);
      const cells: Cell[] = columns.map((col) => {
        const units = members
          .filter((u) => u.sourceId === col.sourceId)
          .map((u): CellUnit => {
            let pair: PairView | null = null;
            let diff: readonly DiffPart[] | null = null;
            if (!col.isReference) {
              let best: { p: Pair; ref: string } | undefined;
              for (const r of refUnits) {
                const p = pairByUnits.get(pairKey(u.id, r.id));
                if (p && (!best || p.score > best.p.score)) best = { p, ref: r.id };
              }
              if (best) {
                pair = pairView(best.p, u.id, true);
                diff = orientDiff(best.p, best.ref);
              }
            }
            if (!pair) {
              const inRow = (pairsOfUnit.get(u.id) ?? []).filter((p) => inGroup.has(p.a) && inGroup.has(p.b));
              const p = inRow.sort((x, y) => y.score - x.score)[0];
              if (p && !col.isReference) pair = pairView(p, u.id, false);
            }
            return {
              unitId: u.id,
              text: u.text,
              position: u.position,
              kind: u.kind,
              hasQuote: quotedUnits.has(u.id),
              diff,
              diffAgainst: diff === null && !col.isReference && refUnits[0] ? refUnits[0].text : null,
              pair,
            };
          });
        return {
          sourceId: col.sourceId,
          outlet: col.outlet,
          omitted: units.length === 0,
          isReference: col.isReference,
          units,
        };
      });
      const groupPairs = members.flatMap((u) =>
        (pairsOfUnit.get(u.id) ?? []).filter((p) => p.a === u.id && inGroup.has(p.b)),
      );
      const omitted = cells.filter((c) => c.omitted).map((c) => c.sourceId);
      const isConflict = g.relation === 'conflicting' || groupPairs.some((p) => p.discrepancies.length > 0);
      return {
        groupId: g.id,
        cells,
        relation: g.relation,
        score: g.score,
        kind: g.kind,
        hasQuote: g.hasQuote || members.some((u) => quotedUnits.has(u.id)),
        omittedBy: omitted,
        isOmission: multiSource && omitted.length > 0,
        isConflict,
        isDifference:
          multiSource && (omitted.length > 0 || (g.relation !== null && g.relation !== 'identical')),
        corrected: members.some((u) => correctedUnits.has(u.id)),
      };
    },
  );
  return { columns, rows, referenceSourceId: reference, partners };
}

export function rowMatches(row: Row, filter: RowFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'differences':
      return row.isDifference;
    case 'omissions':
      return row.isOmission;
    case 'quotes':
      return row.hasQuote;
    case 'conflicts':
      return row.isConflict;
  }
}

export function filterRows(rows: readonly Row[], filter: RowFilter): readonly Row[] {
  return filter === 'all' ? rows : rows.filter((r) => rowMatches(r, filter));
}

/**
 * The next (dir 1) or previous (dir -1) difference row after `from` (an index into `rows`; -1 = before the
 * first row, rows.length = after the last). Null when there is none in that direction: no wrap-around, so the
 * user knows they reached the end.
 */
export function findDifference(rows: readonly Row[], from: number, dir: 1 | -1): number | null {
  for (let i = from + dir; i >= 0 && i < rows.length; i += dir) if (rows[i]?.isDifference) return i;
  return null;
}

/** Indices of difference rows, for scrollbar markers and the "n of m" counter. */
export function differenceIndices(rows: readonly Row[]): number[] {
  const out: number[] = [];
  rows.forEach((r, i) => {
    if (r.isDifference) out.push(i);
  });
  return out;
}

const lazyDiffs = new Map<string, readonly DiffPart[]>();
/** Bounded: only rows on screen ask, so a few thousand entries cover any scrolling session. */
const LAZY_DIFF_LIMIT = 4000;

/**
 * Word diff reference -> unit for cells the engine paired with another unit of the row but not with the
 * reference one. Same differ and budgets as the engine (core/diff), computed on demand for visible rows only.
 */
export function diffAgainstReference(referenceText: string, text: string): readonly DiffPart[] {
  const key = `${referenceText}\u0000${text}`;
  const hit = lazyDiffs.get(key);
  if (hit) return hit;
  const { parts } = diffUnits(referenceText, text, DEFAULT_OPTIONS.diff);
  if (lazyDiffs.size >= LAZY_DIFF_LIMIT) lazyDiffs.clear();
  lazyDiffs.set(key, parts);
  return parts;
}

const cache = new WeakMap<
  Comparison,
  { key: string; corrections: readonly Correction[]; model: SideBySideModel }
>();

/** `buildSideBySide`, memoised per comparison for the latest (order, reference, corrections). */
export function selectSideBySide(
  comparison: Comparison,
  options: SideBySideOptions,
  corrections: readonly Correction[],
): SideBySideModel {
  const key = `${options.sourceOrder.join('\u0000')}\u0001${options.referenceSourceId ?? ''}`;
  const hit = cache.get(comparison);
  if (hit && hit.key === key && hit.corrections === corrections) return hit.model;
  const model = buildSideBySide(comparison, options, corrections);
  cache.set(comparison, { key, corrections, model });
  return model;
}
