// Reading the facts saved in this browser back into the store. The saved value is treated like any input (it may
// come from an older or newer Parallax, or have been damaged), so it goes through the same validating reader as an
// imported workspace file (src/ingest/workspace.ts) before it replaces anything.

import { migrateWorkspace } from '../ingest/workspace.ts';
import { WORKSPACE_VERSION } from '../lib/workspace-model.ts';
import type { WorkspaceFacts } from './selectors/workspace.ts';

/** The saved value is there but is not a workspace this Parallax can read. */
export class UnreadableWorkspaceError extends Error {
  override name = 'UnreadableWorkspaceError';
}

function factsOf(persisted: unknown, fromVersion: number): WorkspaceFacts {
  const r = migrateWorkspace(persisted, fromVersion);
  // Thrown, not returned: zustand's persist turns it into a hydration error, which the store reports and which
  // keeps the saved value aside instead of overwriting it (see store.ts, onRehydrateStorage).
  if (!r.ok) throw new UnreadableWorkspaceError(r.message);
  const { sources, options, corrections } = r.workspace;
  return { sources, options, corrections };
}

/** Checks facts saved by this version of Parallax; throws an Error saying what is wrong. */
export function readSavedFacts(persisted: unknown): WorkspaceFacts {
  return factsOf(persisted, WORKSPACE_VERSION);
}

/** Brings facts saved by an earlier Parallax up to date; refuses facts saved by a newer one (throws). */
export function migrateSavedFacts(persisted: unknown, fromVersion: number): WorkspaceFacts {
  return factsOf(persisted, fromVersion);
}
