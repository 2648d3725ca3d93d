// The content shared by the exported reports (Markdown, HTML) and the coverage CSV: plain rows derived from the
// workspace and its comparison, in the workspace's source order. Pure functions, tested directly.

import type { Comparison, CoverageCell, DiffPart, Relation, Unit } from '../../core/model.ts';
import type { SourceDoc } from '../../lib/workspace-model.ts';

export interface ReportSource {
  readonly id: string;
  readonly outlet: string;
  readonly title?: string;
  readonly publishedAt?: string;
  readonly url?: string;
  readonly wordCount: number;
  /** Share of all claims this source carries, [0, 1]. */
  readonly share: number;
  readonly onlyHere: readonly string[];
}

export interface ReportCell {
  readonly status: CoverageCell;
  /** The source's wording of the claim (several sentences joined), or '' when absent. */
  readonly text: string;
  /** Word diff from the row's reference wording to this one, when the engine paired them. */
  readonly diff?: readonly DiffPart[];
}

export interface ReportRow {
  readonly groupId: string;
  /** The claim as first worded (by the first source, in workspace order, that carries it). */
  readonly claim: string;
  readonly relation: Relation | null;
  readonly score: number;
  readonly hasQuote: boolean;
  /** One cell per ReportData.sources entry, same order. */
  readonly cells: readonly ReportCell[];
}

export interface ReportQuote {
  readonly outlet: string;
  readonly text: string;
  readonly verb: string | null;
}

export interface ReportSpeaker {
  readonly name: string;
  /** One entry per utterance; each lists how every outlet carrying it quoted it. */
  readonly utterances: readonly (readonly ReportQuote[])[];
}

export interface ReportDiscrepancy {
  readonly kind: string;
  readonly a: { readonly outlet: string; readonly value: string; readonly passage: string };
  readonly b: { readonly outlet: string; readonly value: string; readonly passage: string };
}

export interface ReportData {
  readonly sources: readonly ReportSource[];
  readonly rows: readonly ReportRow[];
  readonly speakers: readonly ReportSpeaker[];
  readonly discrepancies: readonly ReportDiscrepancy[];
  readonly corrections: number;
}

function invert(parts: readonly DiffPart[]): DiffPart[] {
  return parts.map((p) =>
    p.op === 'insert'
      ? { op: 'delete', text: p.text }
      : p.op === 'delete'
        ? { op: 'insert', text: p.text }
        : p,
  );
}

export function buildReportData(docs: readonly SourceDoc[], c: Comparison, corrections = 0): ReportData {
  const units = new Map(c.units.map((u) => [u.id, u]));
  const infos = new Map(c.sources.map((s) => [s.id, s]));
  const per = new Map(c.report.perSource.map((p) => [p.sourceId, p]));
  const outletOf = (id: string) => docs.find((d) => d.id === id)?.outlet ?? infos.get(id)?.outlet ?? id;
  const groupsById = new Map(c.groups.map((g) => [g.id, g]));
  // Pairs by unordered unit ids, to find the diff between a row's reference wording and each other wording.
  const pairs = new Map<string, (typeof c.pairs)[number]>();
  for (const p of c.pairs) pairs.set(`${p.a}|${p.b}`, p);

  // Only sources the comparison knows about get a column (a source added a moment ago has no results yet).
  const ordered = docs.filter((d) => infos.has(d.id));
  const sources: ReportSource[] = ordered.map((d) => {
    const p = per.get(d.id);
    const claimOf = (gid: string) =>
      (groupsById.get(gid)?.unitIds ?? [])
        .map((u) => units.get(u)?.text ?? '')
        .join(' ')
        .trim();
    return {
      id: d.id,
      outlet: d.outlet,
      ...(d.title ? { title: d.title } : {}),
      ...(d.publishedAt ? { publishedAt: d.publishedAt } : {}),
      ...(d.url ? { url: d.url } : {}),
      wordCount: infos.get(d.id)?.wordCount ?? 0,
      share: p?.coverageShare ?? 0,
      onlyHere: (p?.onlyHere ?? []).map(claimOf),
    };
  });

  const column = new Map(c.report.coverage.sourceIds.map((id, i) => [id, i]));
  const rows: ReportRow[] = [];
  c.report.coverage.groupIds.forEach((gid, gi) => {
    const g = groupsById.get(gid);
    if (!g) return;
    const unitsOf = (sid: string): Unit[] =>
      g.unitIds.map((u) => units.get(u)).filter((u): u is Unit => !!u && u.sourceId === sid);
    const refSource = ordered.find((d) => unitsOf(d.id).length > 0);
    const refUnit = refSource ? unitsOf(refSource.id)[0] : undefined;
    const cells: ReportCell[] = ordered.map((d) => {
      const us = unitsOf(d.id);
      const status =
        c.report.coverage.cells[gi]?.[column.get(d.id) ?? -1] ?? (us.length > 0 ? 'present' : 'absent');
      const text = us.map((u) => u.text).join(' ');
      const first = us[0];
      if (!refUnit || !first || first.id === refUnit.id || us.length !== 1) return { status, text };
      const forward = pairs.get(`${refUnit.id}|${first.id}`);
      const backward = pairs.get(`${first.id}|${refUnit.id}`);
      const diff = forward ? forward.diff : backward ? invert(backward.diff) : undefined;
      return diff ? { status, text, diff } : { status, text };
    });
    rows.push({
      groupId: gid,
      claim: refUnit
        ? unitsOf(refUnit.sourceId)
            .map((u) => u.text)
            .join(' ')
        : '',
      relation: g.relation,
      score: g.score,
      hasQuote: g.hasQuote,
      cells,
    });
  });

  const quotes = new Map(c.quotes.map((q) => [q.id, q]));
  const quoteGroups = new Map(c.quoteGroups.map((q) => [q.id, q]));
  const speakerNames = new Map(c.speakers.map((s) => [s.id, s.name]));
  const speakers: ReportSpeaker[] = c.report.ledger.map((entry) => ({
    name: entry.speaker ? (speakerNames.get(entry.speaker) ?? entry.speaker) : 'Unattributed',
    utterances: entry.quoteGroupIds.map((qg) =>
      (quoteGroups.get(qg)?.quoteIds ?? [])
        .map((qid) => quotes.get(qid))
        .filter((q) => q !== undefined)
        .map((q) => ({ outlet: outletOf(q.sourceId), text: q.text, verb: q.verb })),
    ),
  }));

  const pairById = new Map(c.pairs.map((p) => [p.id, p]));
  const discrepancies: ReportDiscrepancy[] = c.report.discrepancies.flatMap((d) => {
    const pair = pairById.get(d.pairId);
    const ua = pair ? units.get(pair.a) : undefined;
    const ub = pair ? units.get(pair.b) : undefined;
    if (!ua || !ub) return [];
    return [
      {
        kind: d.discrepancy.kind,
        a: { outlet: outletOf(ua.sourceId), value: d.discrepancy.a.text, passage: ua.text },
        b: { outlet: outletOf(ub.sourceId), value: d.discrepancy.b.text, passage: ub.text },
      },
    ];
  });

  return { sources, rows, speakers, discrepancies, corrections };
}

export const CELL_LABEL: Readonly<Record<CoverageCell, string>> = {
  present: 'present',
  absent: 'absent',
  conflicting: 'conflicting',
};

/** File-name-safe stem for exports: "parallax-2025-09-05". */
export function exportStem(now: Date = new Date()): string {
  return `parallax-${now.toISOString().slice(0, 10)}`;
}
