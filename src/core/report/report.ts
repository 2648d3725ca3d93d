// The report (issue 3, stage 7): what a reader of the comparison wants at a glance. Decisions (also in
// docs/comparison-json.md):
// - Coverage rows are ALL claim groups (kind 'sentence'), shared or not, so the matrix shows every claim once.
//   Headings are not claims and are left out. Rows are ordered by first appearance: groups present in the first
//   source (sources in the order given, which compare sorts by id) in that source's text order, then groups first
//   present in the second source, and so on.
// - A cell is 'conflicting' when that source's unit in the group is part of a pair labelled conflicting.
// - coverageShare = claim groups this source carries / all claim groups (so the bars sum to more than 1 when
//   claims are shared, and a source with many claims of its own does not look like it "covers" everything).
// - placement counts shared claims (2+ sources) once per group, at this source's most prominent position.
// - The ledger lists speech quote groups by speaker, speakers with most quotes first, unattributed last.
// - Verbatim overlap: share of the shorter source's story words lying in runs of >= VERBATIM_RUN identical
//   normalised words also found in the other source (wire copy). Uses a hashed shingle index: linear in words
//   plus the number of shared shingles, never quadratic in text length.
import type {
  CoverageCell,
  DiscrepancyEntry,
  Group,
  LedgerEntry,
  Pair,
  Position,
  Quote,
  QuoteGroup,
  Report,
  SourceInfo,
  SourceReport,
  Unit,
  VerbatimOverlap,
} from '../model.ts';

/** Runs of this many identical words count as copied text (a wire sentence re-used verbatim). */
export const VERBATIM_RUN = 8;

export interface ReportInput {
  readonly sources: readonly SourceInfo[];
  readonly units: readonly Unit[];
  readonly quotes: readonly Quote[];
  readonly groups: readonly Group[];
  readonly quoteGroups: readonly QuoteGroup[];
  readonly pairs: readonly Pair[];
  /** Original text per source id (SourceInput.text); removals not put back are skipped for verbatim overlap. */
  readonly texts: ReadonlyMap<string, string>;
}

const PROMINENCE: Readonly<Record<Position, number>> = { headline: 0, lede: 1, body: 2 };

/** Normalised words of a source's story: the original text minus the removals that were not put back. */
function storyWords(source: SourceInfo, text: string | undefined, units: readonly Unit[]): string[] {
  let story: string;
  if (text === undefined) {
    story = units.map((u) => u.text).join(' ');
  } else {
    const cuts = source.removals.filter((r) => !r.restored).toSorted((x, y) => x.start - y.start);
    let pos = 0;
    const kept: string[] = [];
    for (const r of cuts) {
      if (r.start > pos) kept.push(text.slice(pos, r.start));
      pos = Math.max(pos, r.end);
    }
    kept.push(text.slice(pos));
    story = kept.join(' ');
  }
  return (
    story
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? []
  );
}

/** Two 32-bit polynomial hashes of each window of VERBATIM_RUN word ids, packed into one exact 53-bit number. */
function shingleKeys(ids: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + VERBATIM_RUN <= ids.length; i++) {
    let h1 = 0x811c9dc5;
    let h2 = 7;
    for (let k = 0; k < VERBATIM_RUN; k++) {
      const w = ids[i + k]!;
      h1 = Math.imul(h1 ^ w, 0x01000193) >>> 0;
      h2 = (Math.imul(h2, 31) + w + 1) >>> 0;
    }
    out.push(h1 * 0x200000 + (h2 & 0x1fffff));
  }
  return out;
}

export function verbatimOverlap(
  sources: readonly SourceInfo[],
  units: readonly Unit[],
  texts: ReadonlyMap<string, string>,
): VerbatimOverlap[] {
  const unitsBySource = new Map<string, Unit[]>();
  for (const u of units) {
    const list = unitsBySource.get(u.sourceId);
    if (list) list.push(u);
    else unitsBySource.set(u.sourceId, [u]);
  }
  const vocab = new Map<string, number>();
  const keysPerSource = sources.map((s) => {
    const words = storyWords(s, texts.get(s.id), unitsBySource.get(s.id) ?? []);
    const ids = words.map((w) => {
      let id = vocab.get(w);
      if (id === undefined) vocab.set(w, (id = vocab.size));
      return id;
    });
    return { keys: shingleKeys(ids), words: ids.length };
  });
  // shingle -> source indexes that contain it (each index once, ascending).
  const index = new Map<number, number[]>();
  keysPerSource.forEach(({ keys }, s) => {
    for (const k of keys) {
      const list = index.get(k);
      if (!list) index.set(k, [s]);
      else if (list[list.length - 1] !== s) list.push(s);
    }
  });
  // covered.get(s * n + t)[i] = 1 when word i of source s lies in a run shared with source t.
  const n = sources.length;
  const covered = new Map<number, Uint8Array>();
  keysPerSource.forEach(({ keys, words }, s) => {
    keys.forEach((k, i) => {
      const list = index.get(k)!;
      if (list.length < 2) return;
      for (const t of list) {
        if (t === s) continue;
        let marks = covered.get(s * n + t);
        if (!marks) covered.set(s * n + t, (marks = new Uint8Array(words)));
        marks.fill(1, i, i + VERBATIM_RUN);
      }
    });
  });
  const out: VerbatimOverlap[] = [];
  for (let s = 0; s < n; s++) {
    for (let t = s + 1; t < n; t++) {
      const ws = keysPerSource[s]!.words;
      const wt = keysPerSource[t]!.words;
      const [short, other, len] = ws <= wt ? [s, t, ws] : [t, s, wt];
      const marks = covered.get(short * n + other);
      let hit = 0;
      if (marks) for (const m of marks) hit += m;
      out.push({ a: sources[s]!.id, b: sources[t]!.id, share: len === 0 ? 0 : hit / len });
    }
  }
  return out;
}

export function buildReport(input: ReportInput): Report {
  const { sources, units, quotes, groups, quoteGroups, pairs, texts } = input;
  const sourceIds = sources.map((s) => s.id);
  const sourceOrder = new Map(sourceIds.map((id, i) => [id, i]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const groupOfUnit = new Map<string, string>();
  for (const g of groups) for (const u of g.unitIds) groupOfUnit.set(u, g.id);

  // Row order: first source that carries the group, then the earliest unit there.
  const firstAppearance = (g: Group): [number, number] => {
    let best: [number, number] = [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
    for (const id of g.unitIds) {
      const u = unitById.get(id);
      if (!u) continue;
      const key: [number, number] = [sourceOrder.get(u.sourceId) ?? Number.MAX_SAFE_INTEGER, u.index];
      if (key[0] < best[0] || (key[0] === best[0] && key[1] < best[1])) best = key;
    }
    return best;
  };
  const claimGroups = groups
    .filter((g) => g.kind === 'sentence')
    .map((g) => ({ g, key: firstAppearance(g) }))
    .sort((x, y) => x.key[0] - y.key[0] || x.key[1] - y.key[1] || (x.g.id < y.g.id ? -1 : 1))
    .map((x) => x.g);
  const rowOf = new Map(claimGroups.map((g, i) => [g.id, i]));

  const conflictingUnits = new Set<string>();
  for (const p of pairs) {
    if (p.relation !== 'conflicting') continue;
    conflictingUnits.add(p.a);
    conflictingUnits.add(p.b);
  }

  const cells: CoverageCell[][] = claimGroups.map((g) => {
    const row: CoverageCell[] = sourceIds.map(() => 'absent');
    for (const id of g.unitIds) {
      const u = unitById.get(id);
      const s = u ? sourceOrder.get(u.sourceId) : undefined;
      if (s === undefined) continue;
      if (conflictingUnits.has(id)) row[s] = 'conflicting';
      else if (row[s] === 'absent') row[s] = 'present';
    }
    return row;
  });

  const perSource: SourceReport[] = sources.map((src, s) => {
    const onlyHere: string[] = [];
    const omitted: string[] = [];
    const placement = { headline: 0, lede: 0, body: 0 };
    let carried = 0;
    claimGroups.forEach((g, r) => {
      const row = cells[r]!;
      const here = row[s] !== 'absent';
      const others = row.some((c, t) => t !== s && c !== 'absent');
      if (here) carried++;
      if (here && !others && sources.length > 1) onlyHere.push(g.id);
      if (!here && others) omitted.push(g.id);
      if (here && others) {
        let best: Position = 'body';
        for (const id of g.unitIds) {
          const u = unitById.get(id);
          if (u && u.sourceId === src.id && PROMINENCE[u.position] < PROMINENCE[best]) best = u.position;
        }
        placement[best]++;
      }
    });
    return {
      sourceId: src.id,
      onlyHere,
      omitted,
      coverageShare: claimGroups.length === 0 ? 0 : carried / claimGroups.length,
      placement,
    };
  });

  // Ledger: speech quote groups by speaker.
  const quoteById = new Map(quotes.map((q) => [q.id, q]));
  const quoteKey = (qg: QuoteGroup): [number, number] => {
    let best: [number, number] = [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
    for (const id of qg.quoteIds) {
      const q = quoteById.get(id);
      if (!q) continue;
      const key: [number, number] = [sourceOrder.get(q.sourceId) ?? Number.MAX_SAFE_INTEGER, q.start];
      if (key[0] < best[0] || (key[0] === best[0] && key[1] < best[1])) best = key;
    }
    return best;
  };
  const bySpeaker = new Map<
    string | null,
    { groups: { id: string; key: [number, number] }[]; count: number }
  >();
  for (const qg of quoteGroups) {
    const isSpeech = qg.quoteIds.some((id) => quoteById.get(id)?.kind === 'speech');
    if (!isSpeech) continue;
    let entry = bySpeaker.get(qg.speaker);
    if (!entry) bySpeaker.set(qg.speaker, (entry = { groups: [], count: 0 }));
    entry.groups.push({ id: qg.id, key: quoteKey(qg) });
    entry.count += qg.quoteIds.length;
  }
  const ledger: LedgerEntry[] = [...bySpeaker.entries()]
    .sort(([sa, ea], [sb, eb]) => {
      if (sa === null || sb === null) return sa === sb ? 0 : sa === null ? 1 : -1;
      return eb.count - ea.count || (sa < sb ? -1 : sa > sb ? 1 : 0);
    })
    .map(([speaker, e]) => ({
      speaker,
      quoteGroupIds: e.groups
        .sort((x, y) => x.key[0] - y.key[0] || x.key[1] - y.key[1] || (x.id < y.id ? -1 : 1))
        .map((x) => x.id),
    }));

  const discrepancies: DiscrepancyEntry[] = [];
  for (const p of pairs) {
    const groupId = groupOfUnit.get(p.a);
    if (groupId === undefined) continue;
    for (const d of p.discrepancies) discrepancies.push({ groupId, pairId: p.id, discrepancy: d });
  }
  const rowKey = (id: string): number => rowOf.get(id) ?? Number.MAX_SAFE_INTEGER;
  discrepancies.sort(
    (x, y) =>
      rowKey(x.groupId) - rowKey(y.groupId) ||
      (x.pairId < y.pairId ? -1 : x.pairId > y.pairId ? 1 : 0) ||
      x.discrepancy.a.start - y.discrepancy.a.start,
  );

  return {
    coverage: { groupIds: claimGroups.map((g) => g.id), sourceIds, cells },
    perSource,
    ledger,
    discrepancies,
    verbatim: verbatimOverlap(sources, units, texts),
  };
}
