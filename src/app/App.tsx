import { useEffect } from 'react';
import { AddSourceActions, SourcesPanel } from '../features/sources/SourcesPanel.tsx';
import { useParallax } from '../state/store.ts';
import { CompareProgress } from './CompareProgress.tsx';
import { CorrectionsPanel } from './CorrectionsPanel.tsx';
import { DropOverlay } from './DropOverlay.tsx';
import { Header } from './Header.tsx';
import { Notices } from './Notices.tsx';
import { Views } from './Views.tsx';
import { startApp } from './startup.ts';

/** An empty workspace: the sample is the main call to action, with the two ways to add one's own articles. */
function EmptyState() {
  return (
    <section aria-labelledby="empty-heading" className="mx-auto mt-16 max-w-xl text-center">
      <h2 id="empty-heading" className="mb-2 text-xl font-semibold">
        Compare news reports, claim by claim
      </h2>
      <p className="mb-6 text-neutral-700 dark:text-neutral-300">
        Add two or more reports of the same event: paste them, choose files (.txt, .md, .html, or a saved
        workspace), or drop files anywhere on this page. Start with the sample to see how it works.
      </p>
      <div className="flex justify-center">
        <AddSourceActions primary />
      </div>
    </section>
  );
}

export function App() {
  const hydrated = useParallax((s) => s.hydrated);
  const empty = useParallax((s) => s.sources.length === 0);

  useEffect(() => startApp(), []);

  return (
    <div className="flex h-screen min-w-[1024px] flex-col bg-white text-neutral-900 dark:bg-neutral-900 dark:text-neutral-100 print:block print:h-auto print:min-w-0">
      <Header />
      <CompareProgress />
      <Notices />
      {!hydrated ? (
        <p className="p-6" role="status">
          Opening your workspace…
        </p>
      ) : empty ? (
        <main className="flex-1 overflow-auto p-4">
          <EmptyState />
        </main>
      ) : (
        <div className="flex min-h-0 flex-1 print:block">
          <aside
            aria-label="Workspace"
            className="flex w-72 shrink-0 xl:w-80 flex-col gap-6 overflow-auto border-r border-neutral-300 bg-neutral-50 p-3 dark:border-neutral-700 dark:bg-neutral-950 print:hidden"
          >
            <SourcesPanel />
            <CorrectionsPanel />
          </aside>
          <main className="flex min-w-0 flex-1 flex-col p-3 print:p-0">
            <Views />
          </main>
        </div>
      )}
      <DropOverlay />
    </div>
  );
}
