import { useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { IngestProblem } from '../../ingest/ingest.ts';
import { useParallax } from '../../state/store.ts';
import { Button } from '../../components/ui/Button.tsx';
import { AddFilesInput } from './AddFilesInput.tsx';
import { AddSourceDialog, type AddSourceInput } from './AddSourceDialog.tsx';
import { SourceItem } from './SourceItem.tsx';
import { addFiles, reportProblems } from './add-files.ts';
import { loadSampleInto } from './load-sample.ts';

/** Adds a pasted article (plain text or a web page's HTML); returns the problems for the dialog to show. */
export async function addPasted(input: AddSourceInput): Promise<readonly IngestProblem[]> {
  // Loaded on first use: the HTML adapter (DOMPurify + Readability) is not needed to open the app.
  const { ingestPastedHtml, ingestPastedText } = await import('../../ingest/ingest.ts');
  const store = useParallax.getState();
  const meta = { outlet: input.outlet, title: input.title };
  const r = input.html
    ? ingestPastedHtml(input.html, meta, store.sources)
    : ingestPastedText(input.text, meta, store.sources);
  if (r.added) {
    store.addSources([r.added]);
    store.notify('info', `Added “${r.added.outlet}”.`);
    // Errors stay in the dialog; warnings (near-duplicates) become notices once it closes.
    reportProblems(
      store,
      r.problems.filter((p) => p.severity === 'warning'),
    );
  }
  return r.problems;
}

/** The three ways in: "Add source", "Add files" and "Load sample". Shared by the sidebar and the empty state. */
export function AddSourceActions({ primary = false }: { readonly primary?: boolean }) {
  const [adding, setAdding] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {primary && (
        <Button variant="primary" onClick={() => void loadSampleInto(useParallax.getState)}>
          Load sample
        </Button>
      )}
      <Button variant={primary ? 'secondary' : 'primary'} onClick={() => setAdding(true)}>
        Add source
      </Button>
      <AddFilesInput onFiles={(files) => void addFiles(files, useParallax.getState)} />
      {!primary && (
        <Button variant="ghost" onClick={() => void loadSampleInto(useParallax.getState)}>
          Load sample
        </Button>
      )}
      {adding && <AddSourceDialog onSubmit={addPasted} onClose={() => setAdding(false)} />}
    </div>
  );
}

/** Boilerplate cleaning on or off for every source (bylines, author bios, "read more" blocks…). Saved. */
function CleaningToggle() {
  const cleaning = useParallax((s) => s.options.cleaning);
  const setCleaning = useParallax((s) => s.setCleaning);
  return (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        checked={cleaning}
        onChange={(e) => setCleaning(e.target.checked)}
        className="h-4 w-4 accent-blue-700 dark:accent-blue-400"
      />
      Remove boilerplate (bylines, author bios, link lists)
    </label>
  );
}

/** The Sources sidebar: every source with its metadata, removals and order. */
export function SourcesPanel() {
  const sources = useParallax((s) => s.sources);
  const comparison = useParallax((s) => s.comparison);
  const actions = useParallax(
    useShallow((s) => ({
      updateSource: s.updateSource,
      moveSource: s.moveSource,
      removeSource: s.removeSource,
      restoreRemoval: s.restoreRemoval,
      unrestoreRemoval: s.unrestoreRemoval,
    })),
  );

  const headingRef = useRef<HTMLHeadingElement>(null);

  const infoById = useMemo(() => new Map(comparison?.sources.map((s) => [s.id, s]) ?? []), [comparison]);
  const problemsById = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const p of comparison?.problems ?? []) {
      if (!p.sourceId) continue;
      m.set(p.sourceId, [...(m.get(p.sourceId) ?? []), p.message]);
    }
    return m;
  }, [comparison]);

  return (
    <section aria-labelledby="sources-heading" className="flex flex-col gap-3">
      <h2 id="sources-heading" ref={headingRef} tabIndex={-1} className="text-base font-semibold">
        Sources <span className="font-normal text-neutral-700 dark:text-neutral-300">({sources.length})</span>
      </h2>
      <AddSourceActions />
      <CleaningToggle />
      <ul aria-label="Sources" className="flex flex-col gap-3">
        {sources.map((doc, i) => (
          <SourceItem
            key={doc.id}
            doc={doc}
            info={infoById.get(doc.id)}
            problems={problemsById.get(doc.id) ?? []}
            isFirst={i === 0}
            isLast={i === sources.length - 1}
            onUpdate={(patch) => actions.updateSource(doc.id, patch)}
            onMove={(delta) => actions.moveSource(doc.id, delta)}
            onRemove={() => {
              actions.removeSource(doc.id);
              // The focused button is gone with its source: keep keyboard users in the list, not at the page top.
              headingRef.current?.focus();
            }}
            onRestore={(rid) => actions.restoreRemoval(doc.id, rid)}
            onUnrestore={(rid) => actions.unrestoreRemoval(doc.id, rid)}
          />
        ))}
      </ul>
    </section>
  );
}
