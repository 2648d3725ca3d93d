// The Markdown report: sources, share of claims, the coverage matrix, every claim side by side, quotes by
// speaker, discrepancies and what only one outlet reported. Article text is escaped so it cannot turn into
// Markdown structure (headings, links, tables) or raw HTML in whatever renders the report.

import type { ReportData, ReportRow } from './report-data.ts';

/** Escapes Markdown syntax and HTML in inline text; newlines become spaces (one claim = one line). */
export function mdInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]<>|#~!]/g, (ch) => `\\${ch}`)
    .replace(/^([+-]|\d+\.)(\s)/, '\\$1$2');
}

const MARK = { present: '✓', absent: '—', conflicting: '≠' } as const;

function pct(v: number): string {
  return `${Math.round(v * 100)}%`;
}

function claimLines(row: ReportRow, data: ReportData, n: number): string[] {
  const lines = [
    `### ${n}. ${row.relation ? row.relation.replace('-', ' ') : 'only one source'} · score ${row.score.toFixed(2)}`,
    '',
  ];
  row.cells.forEach((cell, i) => {
    const outlet = mdInline(data.sources[i]?.outlet ?? '');
    if (cell.status === 'absent') lines.push(`- **${outlet}**: _not reported_`);
    else {
      const text = cell.diff
        ? cell.diff
            .map((p) =>
              p.op === 'equal'
                ? mdInline(p.text)
                : p.op === 'insert'
                  ? `**${mdInline(p.text)}**`
                  : `~~${mdInline(p.text)}~~`,
            )
            .join(' ')
        : mdInline(cell.text);
      lines.push(`- **${outlet}**${cell.status === 'conflicting' ? ' (conflicting)' : ''}: ${text}`);
    }
  });
  lines.push('');
  return lines;
}

export interface MarkdownOptions {
  readonly generatedAt?: Date;
}

export function buildMarkdownReport(data: ReportData, opts: MarkdownOptions = {}): string {
  const at = (opts.generatedAt ?? new Date()).toISOString().slice(0, 16).replace('T', ' ');
  const out: string[] = [
    '# Parallax report',
    '',
    `Generated ${at} UTC from ${data.sources.length} sources and ${data.rows.length} claims` +
      (data.corrections > 0
        ? `, with ${data.corrections} manual correction${data.corrections === 1 ? '' : 's'}.`
        : '.'),
    '',
    '## Sources',
    '',
    '| # | Outlet | Title | Date | Words | Share of claims |',
    '| ---: | --- | --- | --- | ---: | ---: |',
    ...data.sources.map(
      (s, i) =>
        `| ${i + 1} | ${mdInline(s.outlet)} | ${mdInline(s.title ?? '')} | ${mdInline(s.publishedAt ?? '')} | ${s.wordCount} | ${pct(s.share)} |`,
    ),
    '',
    '## Coverage',
    '',
    '✓ reported · — not reported · ≠ reported with conflicting facts',
    '',
    `| # | Claim | ${data.sources.map((s) => mdInline(s.outlet)).join(' | ')} |`,
    `| ---: | --- | ${data.sources.map(() => ':---:').join(' | ')} |`,
    ...data.rows.map((r, i) => {
      const claim = mdInline(r.claim.length > 120 ? `${r.claim.slice(0, 119)}…` : r.claim);
      return `| ${i + 1} | ${claim} | ${r.cells.map((c) => MARK[c.status]).join(' | ')} |`;
    }),
    '',
    '## Claims side by side',
    '',
    'Words in **bold** were added and ~~struck~~ words left out, compared with the first outlet that reports the claim.',
    '',
  ];
  data.rows.forEach((row, i) => out.push(...claimLines(row, data, i + 1)));

  out.push('## Quotes', '');
  if (data.speakers.length === 0) out.push('No quotes found.', '');
  for (const sp of data.speakers) {
    out.push(`### ${mdInline(sp.name)}`, '');
    for (const utterance of sp.utterances) {
      for (const q of utterance) {
        out.push(`- “${mdInline(q.text)}” — ${mdInline(q.outlet)}${q.verb ? ` (${mdInline(q.verb)})` : ''}`);
      }
      out.push('');
    }
  }

  out.push('## Discrepancies', '');
  if (data.discrepancies.length === 0) out.push('No disagreements on numbers, dates or names.', '');
  for (const d of data.discrepancies) {
    out.push(
      `- **${d.kind}**: ${mdInline(d.a.outlet)} says “${mdInline(d.a.value)}”, ${mdInline(d.b.outlet)} says “${mdInline(d.b.value)}”`,
      `  - ${mdInline(d.a.outlet)}: ${mdInline(d.a.passage)}`,
      `  - ${mdInline(d.b.outlet)}: ${mdInline(d.b.passage)}`,
    );
  }
  if (data.discrepancies.length > 0) out.push('');

  out.push('## Only in one source', '');
  for (const s of data.sources) {
    out.push(`### ${mdInline(s.outlet)} (${s.onlyHere.length})`, '');
    for (const t of s.onlyHere) out.push(`- ${mdInline(t)}`);
    out.push('');
  }
  return out.join('\n');
}
