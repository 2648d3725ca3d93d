// The one Parallax store (UI contract, "Store"): slices for sources, options, corrections, comparison, workspace
// and ui, persisted to IndexedDB. Only the facts are saved (partialize); the comparison is recomputed and the UI
// state starts fresh on every visit.

import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { WORKSPACE_VERSION } from '../lib/workspace-model.ts';
import {
  WORKSPACE_KEY,
  createWorkspaceStorage,
  describeWriteError,
  keepUnreadableWorkspace,
  savePreviousWorkspace,
} from './persist.ts';
import type { WorkspaceFacts } from './selectors/workspace.ts';
import { createComparisonSlice } from './slices/comparison.ts';
import { createCorrectionsSlice } from './slices/corrections.ts';
import { createOptionsSlice } from './slices/options.ts';
import { createSourcesSlice } from './slices/sources.ts';
import type { ParallaxState } from './slices/types.ts';
import { createUiSlice } from './slices/ui.ts';
import { createWorkspaceSlice } from './slices/workspace.ts';
import { UnreadableWorkspaceError, migrateSavedFacts, readSavedFacts } from './saved-facts.ts';

export type { ParallaxState } from './slices/types.ts';

const storage = createWorkspaceStorage<WorkspaceFacts>({
  unchanged: (a, b) => a.sources === b.sources && a.options === b.options && a.corrections === b.corrections,
  onWriteError: (error) =>
    useParallax
      .getState()
      .notify('error', describeWriteError(error), { kind: 'export-workspace', label: 'Export workspace' }),
});

/** Set while reading: whether this browser had a saved workspace at all (first visit = load the sample). */
let foundSaved = false;

export const useParallax = create<ParallaxState>()(
  persist(
    (...a) => ({
      ...createSourcesSlice(...a),
      ...createOptionsSlice(...a),
      ...createCorrectionsSlice(...a),
      ...createComparisonSlice(...a),
      ...createWorkspaceSlice(...a),
      ...createUiSlice(...a),
    }),
    {
      name: WORKSPACE_KEY,
      storage,
      version: WORKSPACE_VERSION,
      partialize: (s): WorkspaceFacts => ({
        sources: s.sources,
        options: s.options,
        corrections: s.corrections,
      }),
      migrate: (persisted, version) => migrateSavedFacts(persisted, version),
      merge: (persisted, current) => {
        if (persisted == null) return current;
        foundSaved = true;
        // Throws with a reason when the saved value is not a workspace: handled in onRehydrateStorage below.
        return { ...current, ...readSavedFacts(persisted) };
      },
      onRehydrateStorage: () => (_state, error) => {
        const store = useParallax.getState();
        if (error) {
          if (!(error instanceof UnreadableWorkspaceError) && !(error instanceof SyntaxError)) {
            // Reading failed (storage blocked or broken), not the data. Whatever is saved may be intact, so this
            // session must not write over it: writes stay off and the user is told to export instead.
            store.notify(
              'error',
              `This browser does not let Parallax read its saved work (${error instanceof Error ? error.message : String(error)}). Changes in this session will not be saved here: export the workspace to keep them.`,
              { kind: 'export-workspace', label: 'Export workspace' },
            );
            store.setHydrated(false);
            return;
          }
          foundSaved = true;
          // Keep the unreadable value aside before anything can be written over it.
          void keepUnreadableWorkspace()
            .catch(() => false)
            .then((kept) => {
              storage.enableWrites();
              // Issue 6: the kept-aside copy must be exportable, so the notice offers it whenever it exists.
              store.notify(
                'error',
                `Your saved workspace could not be opened: ${error.message} It was kept aside unchanged; this is a fresh workspace.`,
                ...(kept
                  ? [{ kind: 'export-unreadable-workspace', label: 'Export unreadable copy' } as const]
                  : []),
              );
              store.setHydrated(false);
            });
          return;
        }
        storage.enableWrites();
        useParallax.getState().setHydrated(!foundSaved);
      },
    },
  ),
);

// The workspace put aside by "New workspace" survives a reload until the user restores or dismisses it.
useParallax.subscribe((s, prev) => {
  if (s.previousWorkspace !== prev.previousWorkspace && s.hydrated) {
    void savePreviousWorkspace(s.previousWorkspace).catch((error: unknown) =>
      useParallax.getState().notify('error', describeWriteError(error)),
    );
  }
});
