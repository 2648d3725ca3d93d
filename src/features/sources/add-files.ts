// Files chosen with "Add files" or dropped on the window: articles are added, a workspace file is opened (the
// current workspace is kept recoverable), and every refused file is named in a notice with the reason.

import type { IngestProblem } from '../../ingest/ingest.ts';
import type { ParallaxState } from '../../state/store.ts';

type Store = Pick<ParallaxState, 'sources' | 'addSources' | 'notify' | 'openWorkspace'>;

/** Shows ingest problems as notices: errors as alerts, warnings (duplicates, decoding notes) as status lines. */
export function reportProblems(
  store: Pick<ParallaxState, 'notify'>,
  problems: readonly IngestProblem[],
): void {
  for (const p of problems) store.notify(p.severity === 'error' ? 'error' : 'info', p.message);
}

export async function addFiles(files: readonly File[], getStore: () => Store): Promise<void> {
  if (files.length === 0) return;
  // Loaded on first use: the HTML adapter (DOMPurify + Readability) is not needed to open the app.
  const { ingestFiles } = await import('../../ingest/ingest.ts');
  const result = await ingestFiles(files, getStore().sources);
  const store = getStore();
  if (result.workspace) {
    const name = files.find((f) => /\.json$/i.test(f.name))?.name ?? 'the workspace file';
    store.openWorkspace(result.workspace, name);
  }
  if (result.added.length > 0) {
    getStore().addSources(result.added);
    const n = result.added.length;
    getStore().notify('info', n === 1 ? `Added “${result.added[0]?.outlet}”.` : `Added ${n} sources.`);
  }
  reportProblems(getStore(), result.problems);
}
