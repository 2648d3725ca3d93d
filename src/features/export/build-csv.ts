// The coverage matrix as CSV (RFC 4180): CRLF line ends, every field that holds a comma, quote or line break is
// quoted with quotes doubled. Cells that a spreadsheet would run as a formula (starting with = + - @, or a tab or
// carriage return) get a leading apostrophe (OWASP "CSV injection"), because article text is untrusted.

import type { ReportData } from './report-data.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number): string {
  let v = String(value);
  if (typeof value === 'string' && FORMULA_START.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvLine(fields: readonly (string | number)[]): string {
  return fields.map(csvField).join(',');
}

/** One row per claim: its number, wording, relation, how many sources carry it, and one column per source. */
export function buildCoverageCsv(data: ReportData): string {
  const header = [
    'Claim #',
    'Claim',
    'Relation',
    'Sources carrying it',
    ...data.sources.map((s) => s.outlet),
  ];
  const lines = [csvLine(header)];
  data.rows.forEach((row, i) => {
    const carrying = row.cells.filter((c) => c.status !== 'absent').length;
    lines.push(
      csvLine([
        i + 1,
        row.claim,
        row.relation ?? 'only one source',
        carrying,
        ...row.cells.map((c) => c.status),
      ]),
    );
  });
  return lines.join('\r\n') + '\r\n';
}
