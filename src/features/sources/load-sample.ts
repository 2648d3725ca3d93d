// The built-in sample: the two seed reports in public/sample/, fetched with relative URLs so the app works from
// any sub-path. They go through the same text adapter as pasted text (headline and header lines read alike).

import type { IngestProblem } from '../../ingest/ingest.ts';
import type { SourceDoc } from '../../lib/workspace-model.ts';
import type { ParallaxState } from '../../state/store.ts';

interface SampleManifest {
  readonly sources: readonly {
    readonly file: string;
    readonly outlet: string;
    readonly publishedAt?: string;
  }[];
}

function isManifest(v: unknown): v is SampleManifest {
  if (typeof v !== 'object' || v === null || !Array.isArray((v as { sources?: unknown }).sources))
    return false;
  return (v as { sources: unknown[] }).sources.every(
    (s) =>
      typeof s === 'object' &&
      s !== null &&
      typeof (s as { file?: unknown }).file === 'string' &&
      typeof (s as { outlet?: unknown }).outlet === 'string',
  );
}

export interface SampleResult {
  readonly added: SourceDoc[];
  readonly problems: IngestProblem[];
}

/** Fetches the sample reports; sources already in the workspace are reported as duplicates, not added twice. */
export async function fetchSample(
  existing: readonly SourceDoc[],
  fetchFn: typeof fetch = fetch,
  base = './sample/',
): Promise<SampleResult> {
  const problems: IngestProblem[] = [];
  let manifest: unknown;
  try {
    const res = await fetchFn(`${base}manifest.json`);
    if (!res.ok) throw new Error(`the server answered ${res.status}`);
    manifest = await res.json();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      added: [],
      problems: [{ input: 'Sample', severity: 'error', message: `The sample could not be loaded (${why}).` }],
    };
  }
  if (!isManifest(manifest)) {
    return {
      added: [],
      problems: [
        { input: 'Sample', severity: 'error', message: 'The sample list (sample/manifest.json) is damaged.' },
      ],
    };
  }
  const texts = await Promise.all(
    manifest.sources.map(async (s) => {
      try {
        const res = await fetchFn(`${base}${encodeURIComponent(s.file)}`);
        if (!res.ok) throw new Error(`the server answered ${res.status}`);
        return { entry: s, text: await res.text() };
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        problems.push({
          input: s.file,
          severity: 'error',
          message: `The sample report “${s.file}” could not be loaded (${why}).`,
        });
        return null;
      }
    }),
  );
  const { ingestPastedText } = await import('../../ingest/ingest.ts');
  const added: SourceDoc[] = [];
  for (const t of texts) {
    if (!t) continue;
    const r = ingestPastedText(t.text, { outlet: t.entry.outlet }, [...existing, ...added]);
    problems.push(...r.problems.map((p) => ({ ...p, input: t.entry.file })));
    if (r.added) {
      added.push({
        ...r.added,
        origin: { kind: 'sample', fileName: t.entry.file },
        ...(t.entry.publishedAt && !r.added.publishedAt ? { publishedAt: t.entry.publishedAt } : {}),
      });
    }
  }
  return { added, problems };
}

type Store = Pick<ParallaxState, 'sources' | 'addSources' | 'notify'>;

/** "Load sample": adds the sample reports that are not in the workspace yet and says what happened. */
export async function loadSampleInto(getStore: () => Store, fetchFn: typeof fetch = fetch): Promise<void> {
  const { added, problems } = await fetchSample(getStore().sources, fetchFn);
  const store = getStore();
  // A second click while the first load was still fetching must not add the sample twice.
  const present = new Set(store.sources.map((d) => d.text));
  const fresh = added.filter((d) => !present.has(d.text));
  if (fresh.length > 0) store.addSources(fresh);
  const errors = problems.filter((p) => p.severity === 'error' && !/already/i.test(p.message));
  if (fresh.length === 0 && errors.length === 0) {
    store.notify('info', 'The sample is already in this workspace.');
    return;
  }
  for (const p of errors) store.notify('error', p.message);
}
