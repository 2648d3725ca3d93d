// Reading the facts saved in this browser back into the store. The saved value is treated like any input: it
// may come from an older or newer Parallax, or have been damaged, so it is checked before it replaces anything.

import { WORKSPACE_VERSION } from '../lib/workspace-model.ts';
import type { WorkspaceFacts } from './selectors/workspace.ts';

const SAVED_NAME = 'the workspace saved in this browser';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks the saved facts, throwing an Error whose message says what is wrong (shown to the user). */
export function readSavedFacts(persisted: unknown): WorkspaceFacts {
  if (!isRecord(persisted)) throw new Error(`${SAVED_NAME} is not a workspace`);
  const { sources, options, corrections } = persisted;
  if (!Array.isArray(sources)) throw new Error(`${SAVED_NAME} has no list of sources`);
  if (!isRecord(options)) throw new Error(`${SAVED_NAME} has no options`);
  if (!Array.isArray(corrections)) throw new Error(`${SAVED_NAME} has no list of corrections`);
  for (const s of sources) {
    if (
      !isRecord(s) ||
      typeof s.id !== 'string' ||
      typeof s.outlet !== 'string' ||
      typeof s.text !== 'string'
    ) {
      throw new Error(`${SAVED_NAME} has a source without an id, outlet or text`);
    }
    if (!Array.isArray(s.restored))
      throw new Error(`${SAVED_NAME} has a source “${s.outlet}” without its restored passages`);
  }
  return persisted as unknown as WorkspaceFacts;
}

/** Brings facts saved by an earlier Parallax up to date; refuses facts saved by a newer one. */
export function migrateSavedFacts(persisted: unknown, fromVersion: number): WorkspaceFacts {
  if (fromVersion > WORKSPACE_VERSION) {
    throw new Error(
      `${SAVED_NAME} was made by a newer version of Parallax (format ${fromVersion}; this one reads up to ${WORKSPACE_VERSION})`,
    );
  }
  return readSavedFacts(persisted);
}
