// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Comparison, Unit } from '../../core/model.ts';
import type { SourceDoc } from '../../lib/workspace-model.ts';
import { buildCoverageCsv, csvField } from './build-csv.ts';
import { buildHtmlReport, escapeHtml } from './build-html.ts';
import { buildMarkdownReport, mdInline } from './build-markdown.ts';
import { buildReportData } from './report-data.ts';

const HOSTILE = 'He said <script>alert("x")</script> | =cmd, "quoted"\nnext line';

function doc(id: string, outlet: string, text: string): SourceDoc {
  return { id, outlet, text, restored: [], origin: { kind: 'paste' }, addedAt: '2025-09-05T00:00:00Z' };
}

function unit(sourceId: string, index: number, text: string): Unit {
  return {
    id: `${sourceId}:u${index}`,
    sourceId,
    index,
    kind: 'sentence',
    text,
    start: 0,
    end: text.length,
    paragraph: 0,
    position: 'body',
  };
}

const units = [
  unit('a', 0, 'Putin warned on Friday that troops would be targets.'),
  unit('a', 1, 'Macron said 26 countries pledged support.'),
  unit('b', 0, 'Putin warned on Monday that troops would be targets.'),
  unit('b', 1, HOSTILE),
];

const comparison: Comparison = {
  version: 1,
  sources: [
    { id: 'a', outlet: 'Wire', length: 100, wordCount: 17, paragraphs: [], removals: [] },
    { id: 'b', outlet: 'Scopex', length: 100, wordCount: 20, paragraphs: [], removals: [] },
  ],
  units,
  quotes: [
    {
      id: 'b:q0',
      sourceId: 'b',
      unitId: 'b:u1',
      unitIds: ['b:u1'],
      text: 'alert("x")',
      start: 0,
      end: 1,
      kind: 'speech',
      speaker: 'sp:he',
      verb: 'said',
    },
  ],
  speakers: [{ id: 'sp:he', name: 'He <b>', variants: ['He'] }],
  groups: [
    {
      id: 'g0',
      unitIds: ['a:u0', 'b:u0'],
      score: 0.9,
      sourceIds: ['a', 'b'],
      omittedBy: [],
      relation: 'conflicting',
      hasQuote: false,
      kind: 'sentence',
    },
    {
      id: 'g1',
      unitIds: ['a:u1'],
      score: 1,
      sourceIds: ['a'],
      omittedBy: ['b'],
      relation: null,
      hasQuote: false,
      kind: 'sentence',
    },
    {
      id: 'g2',
      unitIds: ['b:u1'],
      score: 1,
      sourceIds: ['b'],
      omittedBy: ['a'],
      relation: null,
      hasQuote: true,
      kind: 'sentence',
    },
  ],
  quoteGroups: [{ id: 'qg0', quoteIds: ['b:q0'], speaker: 'sp:he', score: 1 }],
  pairs: [
    {
      id: 'p0',
      a: 'a:u0',
      b: 'b:u0',
      score: 0.9,
      relation: 'conflicting',
      diff: [
        { op: 'equal', text: 'Putin warned on ' },
        { op: 'delete', text: 'Friday' },
        { op: 'insert', text: 'Monday' },
        { op: 'equal', text: ' that troops would be targets.' },
      ],
      diffComplete: true,
      discrepancies: [
        {
          kind: 'weekday',
          a: { text: 'Friday', start: 16, end: 22 },
          b: { text: 'Monday', start: 16, end: 22 },
        },
      ],
    },
  ],
  report: {
    coverage: {
      groupIds: ['g0', 'g1', 'g2'],
      sourceIds: ['a', 'b'],
      cells: [
        ['conflicting', 'conflicting'],
        ['present', 'absent'],
        ['absent', 'present'],
      ],
    },
    perSource: [
      {
        sourceId: 'a',
        onlyHere: ['g1'],
        omitted: ['g2'],
        coverageShare: 2 / 3,
        placement: { headline: 0, lede: 1, body: 0 },
      },
      {
        sourceId: 'b',
        onlyHere: ['g2'],
        omitted: ['g1'],
        coverageShare: 2 / 3,
        placement: { headline: 0, lede: 1, body: 0 },
      },
    ],
    ledger: [{ speaker: 'sp:he', quoteGroupIds: ['qg0'] }],
    discrepancies: [
      {
        groupId: 'g0',
        pairId: 'p0',
        discrepancy: {
          kind: 'weekday',
          a: { text: 'Friday', start: 16, end: 22 },
          b: { text: 'Monday', start: 16, end: 22 },
        },
      },
    ],
    verbatim: [],
    names: [],
  },
  problems: [],
  stats: { timings: {}, units: 4, candidatePairs: 1, scoredPairs: 1, budgetsHit: [] },
};

// Workspace order differs from the comparison's (sorted by id): reports follow the workspace.
const docs = [doc('b', 'Scopex, Inc', 'x'), doc('a', '=Wire', 'y')];
const data = buildReportData(docs, comparison, 1);

describe('report data', () => {
  it('follows the workspace order of sources and the coverage order of claims', () => {
    expect(data.sources.map((s) => s.id)).toEqual(['b', 'a']);
    expect(data.rows.map((r) => r.groupId)).toEqual(['g0', 'g1', 'g2']);
    expect(data.rows[1]?.cells.map((c) => c.status)).toEqual(['absent', 'present']);
  });

  it('diffs each wording against the first source in workspace order that carries the claim', () => {
    const row = data.rows[0];
    // Scopex (b) comes first, so Wire's cell shows b -> a: "Monday" removed, "Friday" added.
    expect(row?.claim).toBe('Putin warned on Monday that troops would be targets.');
    expect(row?.cells[1]?.diff).toContainEqual({ op: 'insert', text: 'Friday' });
    expect(row?.cells[1]?.diff).toContainEqual({ op: 'delete', text: 'Monday' });
  });
});

describe('CSV of the coverage matrix', () => {
  const csv = buildCoverageCsv(data);
  it('quotes per RFC 4180 and ends lines with CRLF', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe('Claim #,Claim,Relation,Sources carrying it,"Scopex, Inc",\'=Wire');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx'])
      expect(csvField(bad).replace(/^"/, '')[0]).toBe("'");
    expect(csvField(3)).toBe('3');
    // A claim with commas, quotes and a line break stays one field.
    expect(csv).toContain('"He said <script>alert(""x"")</script> | =cmd, ""quoted""\nnext line"');
  });

  it('has one line per claim with a status per source', () => {
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 3);
    expect(lines[2]).toBe('2,Macron said 26 countries pledged support.,only one source,1,absent,present');
  });
});

describe('Markdown report', () => {
  const md = buildMarkdownReport(data, { generatedAt: new Date('2025-09-06T10:00:00Z') });
  it('escapes article text so it cannot become Markdown or HTML', () => {
    expect(mdInline('# a | b <i>')).toBe('\\# a \\| b \\<i\\>');
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>');
  });
  it('has the sections and marks changed words', () => {
    for (const h of [
      '# Parallax report',
      '## Sources',
      '## Coverage',
      '## Claims side by side',
      '## Quotes',
      '## Discrepancies',
      '## Only in one source',
    ]) {
      expect(md).toContain(h);
    }
    expect(md).toContain('~~Monday~~');
    expect(md).toContain('**Friday**');
    expect(md).toContain('with 1 manual correction.');
  });
});

describe('HTML report', () => {
  const html = buildHtmlReport(data, { generatedAt: new Date('2025-09-06T10:00:00Z') });
  const parsed = new DOMParser().parseFromString(html, 'text/html');

  it('is self-contained: no scripts, no external resources, a policy that forbids loading anything', () => {
    expect(parsed.querySelectorAll('script, link, img, iframe, object').length).toBe(0);
    expect(parsed.querySelectorAll('[src], [href]').length).toBe(0);
    expect(
      parsed.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    ).toContain("default-src 'none'");
    expect(parsed.querySelector('style')?.textContent).toContain('ins');
  });

  it('escapes every piece of user text and keeps it readable', () => {
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
    expect(parsed.body.textContent).toContain('<script>alert("x")</script>');
    expect(parsed.querySelector('h3')?.textContent).toBe('He <b>');
  });

  it('marks differences with <ins>/<del> and lists the discrepancy', () => {
    expect([...parsed.querySelectorAll('ins')].map((e) => e.textContent)).toContain('Friday');
    expect([...parsed.querySelectorAll('del')].map((e) => e.textContent)).toContain('Monday');
    expect(parsed.body.textContent).toContain('weekday');
  });
});
