// What happens once per page load, after the saved workspace has been read: a first visit gets the sample, a
// workspace put aside by "New workspace" before a reload is offered again, and the engine starts following the
// store.

import { parseWorkspace } from '../ingest/workspace.ts';
import { loadSampleInto } from '../features/sources/load-sample.ts';
import { loadPreviousWorkspaceText } from '../state/persist.ts';
import { RESTORE_PREVIOUS_LABEL } from '../state/slices/workspace.ts';
import { useParallax } from '../state/store.ts';
import { createCompareClient } from '../worker/compare-client.ts';
import { wireCompare } from './compare-wiring.ts';

function whenHydrated(run: () => void): () => void {
  if (useParallax.getState().hydrated) {
    run();
    return () => {};
  }
  const unsubscribe = useParallax.subscribe((s) => {
    if (!s.hydrated) return;
    unsubscribe();
    run();
  });
  return unsubscribe;
}

async function offerPreviousWorkspace(): Promise<void> {
  const text = await loadPreviousWorkspaceText().catch(() => null);
  if (!text) return;
  const parsed = parseWorkspace(text, 'the previous workspace');
  if (!parsed.ok) return;
  const s = useParallax.getState();
  s.setPreviousWorkspace(parsed.workspace);
  s.notify('info', 'A previous workspace is still kept. Restore it, or dismiss this notice to let it go.', {
    kind: 'restore-previous-workspace',
    label: RESTORE_PREVIOUS_LABEL,
  });
}

/** One-time tasks run once per page load, even when React (StrictMode) mounts the app twice. */
let firstLoadDone = false;

/** Starts the app's background work; returns a function that stops it (used by StrictMode's double effects). */
export function startApp(): () => void {
  const client = createCompareClient();
  const stopCompare = wireCompare(useParallax, client);
  const stopWaiting = whenHydrated(() => {
    if (firstLoadDone) return;
    firstLoadDone = true;
    const s = useParallax.getState();
    if (s.firstVisit && s.sources.length === 0) void loadSampleInto(useParallax.getState);
    void offerPreviousWorkspace();
  });
  return () => {
    stopWaiting();
    stopCompare();
    client.dispose();
  };
}
