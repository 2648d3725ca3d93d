// The self-contained HTML report: one file, inline CSS, no scripts, no external resources, every piece of
// article text escaped. Its own Content-Security-Policy forbids loading anything, so it opens offline and cannot
// reach the network even if an article contained markup. Added and removed words are marked by colour AND by
// underline / strike-through.

import type { DiffPart } from '../../core/model.ts';
import type { ReportData } from './report-data.ts';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const CSS = `
:root { color-scheme: light dark; --fg:#1a1a1a; --bg:#fff; --muted:#4a4a4a; --line:#c8c8c8; --ins:#d7f5dd; --del:#fde0e0; --head:#f2f2f2; }
@media (prefers-color-scheme: dark) { :root { --fg:#ececec; --bg:#141414; --muted:#c2c2c2; --line:#555; --ins:#17452a; --del:#5c1f1f; --head:#262626; } }
body { font: 15px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid var(--line); } h3 { font-size: 1.05rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top; text-align: left; }
thead th { background: var(--head); }
td.mark { text-align: center; white-space: nowrap; }
.muted { color: var(--muted); }
ins { background: var(--ins); text-decoration: underline; text-decoration-thickness: 2px; }
del { background: var(--del); text-decoration: line-through; text-decoration-thickness: 2px; }
.absent { color: var(--muted); font-style: italic; }
tr { break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
`;

function diffHtml(parts: readonly DiffPart[]): string {
  return parts
    .map((p) =>
      p.op === 'equal'
        ? escapeHtml(p.text)
        : p.op === 'insert'
          ? `<ins>${escapeHtml(p.text)}</ins>`
          : `<del>${escapeHtml(p.text)}</del>`,
    )
    .join('');
}

const MARK = { present: '✓ reported', absent: '— not reported', conflicting: '≠ conflicting' } as const;

export interface HtmlOptions {
  readonly generatedAt?: Date;
}

export function buildHtmlReport(data: ReportData, opts: HtmlOptions = {}): string {
  const at = (opts.generatedAt ?? new Date()).toISOString().slice(0, 16).replace('T', ' ');
  const e = escapeHtml;
  const heads = data.sources.map((s) => `<th scope="col">${e(s.outlet)}</th>`).join('');
  const parts: string[] = [];
  parts.push(
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<title>Parallax report</title>',
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header><h1>Parallax report</h1>',
    `<p class="muted">Generated ${e(at)} UTC from ${data.sources.length} sources and ${data.rows.length} claims${
      data.corrections > 0
        ? `, with ${data.corrections} manual correction${data.corrections === 1 ? '' : 's'}`
        : ''
    }. Made in the browser; nothing was sent anywhere.</p></header>`,
    '<main>',
    '<section aria-labelledby="h-sources"><h2 id="h-sources">Sources</h2>',
    '<table><thead><tr><th scope="col">Outlet</th><th scope="col">Title</th><th scope="col">Date</th><th scope="col">Words</th><th scope="col">Share of claims</th></tr></thead><tbody>',
    ...data.sources.map(
      (s) =>
        `<tr><th scope="row">${e(s.outlet)}</th><td>${e(s.title ?? '')}${
          s.url ? `<br><span class="muted">${e(s.url)}</span>` : ''
        }</td><td>${e(s.publishedAt ?? '')}</td><td>${s.wordCount}</td><td>${Math.round(s.share * 100)}%</td></tr>`,
    ),
    '</tbody></table></section>',
    '<section aria-labelledby="h-coverage"><h2 id="h-coverage">Coverage</h2>',
    `<table><caption class="muted">Which outlet reports which claim</caption><thead><tr><th scope="col">#</th><th scope="col">Claim</th>${heads}</tr></thead><tbody>`,
    ...data.rows.map(
      (r, i) =>
        `<tr><td>${i + 1}</td><td>${e(r.claim)}</td>${r.cells.map((c) => `<td class="mark">${MARK[c.status]}</td>`).join('')}</tr>`,
    ),
    '</tbody></table></section>',
    '<section aria-labelledby="h-side"><h2 id="h-side">Claims side by side</h2>',
    '<p class="muted">Underlined words were added and struck-through words left out, compared with the first outlet that reports the claim.</p>',
    `<table><thead><tr><th scope="col">#</th><th scope="col">Relation</th>${heads}</tr></thead><tbody>`,
    ...data.rows.map(
      (r, i) =>
        `<tr><td>${i + 1}</td><td>${e(r.relation ?? 'only one source')}<br><span class="muted">${r.score.toFixed(2)}</span></td>${r.cells
          .map((c) =>
            c.status === 'absent'
              ? '<td class="absent">not reported</td>'
              : `<td>${c.diff ? diffHtml(c.diff) : e(c.text)}</td>`,
          )
          .join('')}</tr>`,
    ),
    '</tbody></table></section>',
    '<section aria-labelledby="h-quotes"><h2 id="h-quotes">Quotes</h2>',
  );
  if (data.speakers.length === 0) parts.push('<p>No quotes found.</p>');
  for (const sp of data.speakers) {
    parts.push(`<h3>${e(sp.name)}</h3>`);
    for (const u of sp.utterances) {
      parts.push(
        '<ul>',
        ...u.map(
          (q) =>
            `<li>“${e(q.text)}” — <strong>${e(q.outlet)}</strong>${q.verb ? ` (${e(q.verb)})` : ''}</li>`,
        ),
        '</ul>',
      );
    }
  }
  parts.push('</section>', '<section aria-labelledby="h-disc"><h2 id="h-disc">Discrepancies</h2>');
  if (data.discrepancies.length === 0) parts.push('<p>No disagreements on numbers, dates or names.</p>');
  else {
    parts.push(
      '<table><thead><tr><th scope="col">Kind</th><th scope="col">One outlet</th><th scope="col">Another outlet</th></tr></thead><tbody>',
      ...data.discrepancies.map(
        (d) =>
          `<tr><td>${e(d.kind)}</td><td><strong>${e(d.a.outlet)}: “${e(d.a.value)}”</strong><br>${e(d.a.passage)}</td><td><strong>${e(
            d.b.outlet,
          )}: “${e(d.b.value)}”</strong><br>${e(d.b.passage)}</td></tr>`,
      ),
      '</tbody></table>',
    );
  }
  parts.push('</section>', '<section aria-labelledby="h-only"><h2 id="h-only">Only in one source</h2>');
  for (const s of data.sources) {
    parts.push(`<h3>${e(s.outlet)} (${s.onlyHere.length})</h3>`);
    if (s.onlyHere.length > 0) parts.push('<ul>', ...s.onlyHere.map((t) => `<li>${e(t)}</li>`), '</ul>');
  }
  parts.push('</section>', '</main>', '</body>', '</html>', '');
  return parts.join('\n');
}
