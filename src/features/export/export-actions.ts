// The four exports, reading the store at the moment the user asks.

import { serializeWorkspace } from '../../ingest/workspace.ts';
import type { ParallaxState } from '../../state/store.ts';
import { buildCoverageCsv } from './build-csv.ts';
import { buildHtmlReport } from './build-html.ts';
import { buildMarkdownReport } from './build-markdown.ts';
import { downloadText } from './download.ts';
import { buildReportData, exportStem } from './report-data.ts';

export type ExportKind = 'workspace' | 'markdown' | 'html' | 'csv';

type Store = Pick<ParallaxState, 'sources' | 'options' | 'corrections' | 'comparison' | 'notify'>;

export function exportWorkspace(s: Store): void {
  downloadText(`${exportStem()}.parallax.json`, 'application/json', serializeWorkspace(s));
}

export function runExport(kind: ExportKind, s: Store): void {
  if (kind === 'workspace') {
    exportWorkspace(s);
    return;
  }
  if (!s.comparison) {
    s.notify(
      'error',
      'There is no comparison to export yet: add at least two sources and wait for it to finish.',
    );
    return;
  }
  const data = buildReportData(s.sources, s.comparison, s.corrections.length);
  if (kind === 'markdown')
    downloadText(`${exportStem()}-report.md`, 'text/markdown', buildMarkdownReport(data));
  else if (kind === 'html') downloadText(`${exportStem()}-report.html`, 'text/html', buildHtmlReport(data));
  else downloadText(`${exportStem()}-coverage.csv`, 'text/csv', buildCoverageCsv(data));
}
