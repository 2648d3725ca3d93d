// `npm run compare -- [--format json|md] [--out FILE] FILE...` — the engine on the command line (issue 3).
// Reads .txt/.md/.html files (read-source.ts), runs the same pure `compare` as the app, and prints either the
// versioned JSON documented in docs/comparison-json.md or a readable Markdown report.
//
// JSON offsets: the app keeps offsets into the text as received, with removals marked in place. The JSON instead
// gives each source's CLEANED story as `text` (removed passages listed, not part of it, as issue 3 asks), so every
// offset in the JSON (units, quotes, discrepancies) is remapped into that cleaned text.
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { compare } from '../core/compare.ts';
import type { Comparison, Discrepancy, Removal, SourceInfo, Unit } from '../core/model.ts';
import { idsForFiles, readSource, type FileSource } from './read-source.ts';

export const JSON_FORMAT = 'parallax-comparison';
export const JSON_VERSION = 1;

const USAGE = `usage: npm run compare -- [--format json|md] [--out FILE] FILE...
Compares news reports (.txt, .md, .html) claim by claim and quote by quote.
  --format json|md   JSON (default, documented in docs/comparison-json.md) or a Markdown report
  --out FILE         write to FILE instead of standard output
  --timings          include per-stage timings (ms) in the JSON stats`;

/** Maps offsets in a source's original text to offsets in its cleaned story (removed passages cut out). */
export class CleanedText {
  readonly text: string;
  /** Cut ranges in original offsets, sorted, non-overlapping. */
  private readonly cuts: readonly { start: number; end: number; before: number }[];

  constructor(original: string, removals: readonly Removal[]) {
    const spans = removals
      .filter((r) => !r.restored)
      .map((r) => ({ start: r.start, end: r.end }))
      .sort((a, b) => a.start - b.start);
    const merged: { start: number; end: number; before: number }[] = [];
    let removed = 0;
    for (const s of spans) {
      const last = merged[merged.length - 1];
      if (last && s.start <= last.end) {
        const grow = Math.max(0, s.end - last.end);
        last.end += grow;
        removed += grow;
      } else {
        merged.push({ start: s.start, end: s.end, before: removed });
        removed += s.end - s.start;
      }
    }
    this.cuts = merged;
    let text = '';
    let pos = 0;
    for (const c of merged) {
      text += original.slice(pos, c.start);
      pos = c.end;
    }
    this.text = text + original.slice(pos);
  }

  /** The cleaned offset of an original offset; an offset inside a cut maps to where the cut was. */
  map(offset: number): number {
    let removed = 0;
    for (const c of this.cuts) {
      if (offset < c.start) break;
      if (offset < c.end) return c.start - c.before;
      removed = c.before + (c.end - c.start);
    }
    return offset - removed;
  }
}

export interface ComparisonJsonSource {
  id: string;
  file: string;
  outlet: string;
  title?: string;
  url?: string;
  publishedAt?: string;
  byline?: string;
  wordCount: number;
  text: string;
  removed: { id: string; kind: string; reason: string; text: string; at: number }[];
  dateline?: { text: string; place?: string; date?: string; agency?: string; start: number; end: number };
}

/** The versioned CLI JSON (docs/comparison-json.md). */
export function toComparisonJson(
  comparison: Comparison,
  files: readonly FileSource[],
  opts: { timings?: boolean } = {},
): Record<string, unknown> {
  const inputs = new Map(files.map((f) => [f.id, f]));
  const cleaned = new Map<string, CleanedText>();
  for (const s of comparison.sources)
    cleaned.set(s.id, new CleanedText(inputs.get(s.id)?.text ?? '', s.removals));
  const map = (sourceId: string, o: number) => cleaned.get(sourceId)?.map(o) ?? o;
  const unitSource = new Map(comparison.units.map((u) => [u.id, u.sourceId]));
  const speakerName = new Map(comparison.speakers.map((s) => [s.id, s.name]));
  const remapDiscrepancy = (d: Discrepancy, sa: string, sb: string): Discrepancy => ({
    kind: d.kind,
    a: { text: d.a.text, start: map(sa, d.a.start), end: map(sa, d.a.end) },
    b: { text: d.b.text, start: map(sb, d.b.start), end: map(sb, d.b.end) },
  });
  const pairSources = new Map(
    comparison.pairs.map((p) => [p.id, [unitSource.get(p.a) ?? '', unitSource.get(p.b) ?? ''] as const]),
  );

  const sources: ComparisonJsonSource[] = comparison.sources.map((s: SourceInfo) => {
    const input = inputs.get(s.id);
    const c = cleaned.get(s.id)!;
    return {
      id: s.id,
      file: input?.file ?? s.id,
      outlet: s.outlet,
      ...(s.title ? { title: s.title } : {}),
      ...(s.url ? { url: s.url } : {}),
      ...(s.publishedAt ? { publishedAt: s.publishedAt } : {}),
      ...(s.byline ? { byline: s.byline } : {}),
      wordCount: s.wordCount,
      text: c.text,
      removed: s.removals
        .filter((r) => !r.restored)
        .map((r) => ({ id: r.id, kind: r.kind, reason: r.reason, text: r.text, at: c.map(r.start) })),
      ...(s.dateline
        ? {
            dateline: {
              text: s.dateline.text,
              ...(s.dateline.place ? { place: s.dateline.place } : {}),
              ...(s.dateline.date ? { date: s.dateline.date } : {}),
              ...(s.dateline.agency ? { agency: s.dateline.agency } : {}),
              start: c.map(s.dateline.start),
              end: c.map(s.dateline.end),
            },
          }
        : {}),
    };
  });

  return {
    format: JSON_FORMAT,
    version: JSON_VERSION,
    comparisonVersion: comparison.version,
    sources,
    units: comparison.units.map((u: Unit) => ({
      id: u.id,
      sourceId: u.sourceId,
      index: u.index,
      kind: u.kind,
      position: u.position,
      paragraph: u.paragraph,
      text: u.text,
      start: map(u.sourceId, u.start),
      end: map(u.sourceId, u.end),
    })),
    groups: comparison.groups.map((g) => ({
      id: g.id,
      unitIds: g.unitIds,
      score: g.score,
      kind: g.kind,
      sourceIds: g.sourceIds,
      omittedBy: g.omittedBy,
      relation: g.relation,
      hasQuote: g.hasQuote,
    })),
    quotes: comparison.quotes.map((q) => ({
      id: q.id,
      sourceId: q.sourceId,
      unitId: q.unitId,
      unitIds: q.unitIds,
      text: q.text,
      kind: q.kind,
      speaker: q.speaker ? (speakerName.get(q.speaker) ?? q.speaker) : null,
      speakerId: q.speaker,
      ...(q.speakerText ? { speakerText: q.speakerText } : {}),
      verb: q.verb,
      start: map(q.sourceId, q.start),
      end: map(q.sourceId, q.end),
      ...(q.parentId ? { parentId: q.parentId } : {}),
    })),
    quoteGroups: comparison.quoteGroups.map((g) => ({
      id: g.id,
      quoteIds: g.quoteIds,
      speaker: g.speaker ? (speakerName.get(g.speaker) ?? g.speaker) : null,
      speakerId: g.speaker,
      score: g.score,
    })),
    speakers: comparison.speakers,
    pairs: comparison.pairs.map((p) => {
      const [sa, sb] = pairSources.get(p.id)!;
      return {
        id: p.id,
        a: p.a,
        b: p.b,
        score: p.score,
        relation: p.relation,
        ...(p.manual ? { manual: true } : {}),
        diffComplete: p.diffComplete,
        diff: p.diff,
        discrepancies: p.discrepancies.map((d) => remapDiscrepancy(d, sa, sb)),
      };
    }),
    report: {
      ...comparison.report,
      discrepancies: comparison.report.discrepancies.map((e) => {
        const [sa, sb] = pairSources.get(e.pairId) ?? ['', ''];
        return { ...e, discrepancy: remapDiscrepancy(e.discrepancy, sa, sb) };
      }),
    },
    problems: comparison.problems,
    stats: opts.timings ? comparison.stats : { ...comparison.stats, timings: {} },
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const clip = (s: string, n = 160) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};
/** Markdown-safe inline text: escapes the characters that would start formatting. */
const md = (s: string) => clip(s, 400).replace(/([\\`*_[\]<>|])/g, '\\$1');

/** A readable report of a comparison: what a journalist would print out. */
export function toMarkdown(comparison: Comparison, files: readonly FileSource[]): string {
  const out: string[] = [];
  const outlet = new Map(comparison.sources.map((s) => [s.id, s.outlet]));
  const unit = new Map(comparison.units.map((u) => [u.id, u]));
  const group = new Map(comparison.groups.map((g) => [g.id, g]));
  const quote = new Map(comparison.quotes.map((q) => [q.id, q]));
  const speaker = new Map(comparison.speakers.map((s) => [s.id, s]));
  const file = new Map(files.map((f) => [f.id, f.file]));
  const name = (id: string) => md(outlet.get(id) ?? id);

  out.push('# Parallax comparison', '');
  out.push(`${comparison.sources.length} sources, ${comparison.units.length} sentences and headings.`, '');
  for (const p of comparison.problems) out.push(`> **Note:** ${md(p.message)}`, '');

  out.push('## Sources', '', '| Outlet | Title | Words | File |', '| --- | --- | ---: | --- |');
  for (const s of comparison.sources) {
    out.push(`| ${name(s.id)} | ${md(s.title ?? '')} | ${s.wordCount} | ${md(file.get(s.id) ?? '')} |`);
  }
  out.push('');
  const removed = comparison.sources.flatMap((s) =>
    s.removals.filter((r) => !r.restored).map((r) => ({ s, r })),
  );
  out.push('### What cleaning removed', '');
  if (removed.length === 0) out.push('Nothing was removed.');
  for (const { s, r } of removed)
    out.push(`- **${name(s.id)}** — ${md(r.reason)}: “${md(clip(r.text, 120))}”`);
  out.push('');

  const rows = comparison.report.coverage.groupIds.map((id) => group.get(id)!).filter(Boolean);
  const shared = rows.filter((g) => g.sourceIds.length > 1);
  out.push('## Shared claims', '');
  if (shared.length === 0) out.push('No claim appears in more than one source.', '');
  shared.forEach((g, i) => {
    const omitted = g.omittedBy.length ? `; not in ${g.omittedBy.map(name).join(', ')}` : '';
    out.push(`${i + 1}. **${g.relation ?? 'single'}** (similarity ${g.score.toFixed(2)})${omitted}`);
    for (const id of g.unitIds) {
      const u = unit.get(id);
      if (u) out.push(`   - ${name(u.sourceId)}: ${md(u.text)}`);
    }
  });
  out.push('');

  for (const r of comparison.report.perSource) {
    out.push(`## Only in ${name(r.sourceId)}`, '');
    out.push(
      `Carries ${pct(r.coverageShare)} of all claims; leaves out ${r.omitted.length} that others carry.`,
      '',
    );
    if (r.onlyHere.length === 0) out.push('Nothing: every claim here is also in another source.');
    for (const gid of r.onlyHere) {
      for (const id of group.get(gid)?.unitIds ?? []) {
        const u = unit.get(id);
        if (u) out.push(`- ${md(u.text)}`);
      }
    }
    out.push('');
  }

  out.push('## Quote ledger', '');
  if (comparison.report.ledger.length === 0) out.push('No quotes found.', '');
  for (const entry of comparison.report.ledger) {
    const sp = entry.speaker ? speaker.get(entry.speaker) : undefined;
    out.push(`### ${sp ? md(sp.name) : 'Unattributed'}`, '');
    for (const qgId of entry.quoteGroupIds) {
      const qg = comparison.quoteGroups.find((g) => g.id === qgId);
      if (!qg) continue;
      const variants = qg.quoteIds.map((id) => quote.get(id)).filter((q) => q !== undefined);
      const [first, ...rest] = variants;
      if (!first) continue;
      out.push(`- “${md(first.text)}” — ${name(first.sourceId)}${first.verb ? ` (${md(first.verb)})` : ''}`);
      for (const q of rest)
        out.push(`  - “${md(q.text)}” — ${name(q.sourceId)}${q.verb ? ` (${md(q.verb)})` : ''}`);
    }
    out.push('');
  }

  out.push('## Discrepancies', '');
  if (comparison.report.discrepancies.length === 0) out.push('No facts disagree between aligned claims.');
  const pairById = new Map(comparison.pairs.map((p) => [p.id, p]));
  for (const e of comparison.report.discrepancies) {
    const p = pairById.get(e.pairId);
    const ua = p ? unit.get(p.a) : undefined;
    const ub = p ? unit.get(p.b) : undefined;
    if (!ua || !ub) continue;
    out.push(
      `- ${e.discrepancy.kind}: “${md(e.discrepancy.a.text)}” (${name(ua.sourceId)}) vs “${md(e.discrepancy.b.text)}” (${name(ub.sourceId)}) — ${md(clip(ua.text, 100))}`,
    );
  }
  out.push('');

  out.push('## Verbatim overlap (wire copy)', '');
  out.push('Share of the shorter text found in runs of 8 or more identical words in the other.', '');
  out.push('| Source | Source | Shared verbatim |', '| --- | --- | ---: |');
  for (const v of comparison.report.verbatim) out.push(`| ${name(v.a)} | ${name(v.b)} | ${pct(v.share)} |`);
  out.push('');
  return out.join('\n');
}

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  writeFile: (path: string, data: string) => Promise<void>;
}

const defaultIo: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  writeFile: (p, d) => writeFile(p, d, 'utf8'),
};

/** Runs the CLI; returns the exit code (0 ok, 1 unreadable input, 2 bad usage). Never calls process.exit. */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let format: 'json' | 'md' = 'json';
  let out: string | undefined;
  let timings = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--format' || arg.startsWith('--format=')) {
      const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (v !== 'json' && v !== 'md') {
        io.stderr(`parallax: --format must be json or md, not ${v ?? 'nothing'}\n${USAGE}\n`);
        return 2;
      }
      format = v;
    } else if (arg === '--out' || arg.startsWith('--out=')) {
      out = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!out) {
        io.stderr(`parallax: --out needs a file name\n${USAGE}\n`);
        return 2;
      }
    } else if (arg === '--timings') timings = true;
    else if (arg === '--help' || arg === '-h') {
      io.stdout(`${USAGE}\n`);
      return 0;
    } else if (arg.startsWith('--') && arg !== '--') {
      io.stderr(`parallax: unknown option ${arg}\n${USAGE}\n`);
      return 2;
    } else if (arg !== '--') files.push(arg);
  }
  if (files.length === 0) {
    io.stderr(`parallax: name at least one file to compare\n${USAGE}\n`);
    return 2;
  }

  const ids = idsForFiles(files);
  const results = await Promise.all(files.map((f, i) => readSource(f, ids[i]!)));
  const failures = results.filter((r) => !r.ok);
  if (failures.length > 0) {
    for (const f of failures) io.stderr(`parallax: ${f.message}\n`);
    return 1;
  }
  const sources = results.map((r) => (r.ok ? r.source : null)).filter((s) => s !== null);
  const comparison = compare(sources, timings ? { now: () => performance.now() } : {});
  for (const p of comparison.problems) io.stderr(`parallax: ${p.message}\n`);

  const text =
    format === 'json'
      ? `${JSON.stringify(toComparisonJson(comparison, sources, { timings }), null, 2)}\n`
      : toMarkdown(comparison, sources);
  if (out) await io.writeFile(out, text);
  else io.stdout(text);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`parallax: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
