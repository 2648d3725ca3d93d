// Saving the workspace in this browser (IndexedDB through idb-keyval). Kept small on purpose: one adapter, one
// guard, three keys.
//
// Invariants:
// - Nothing is written before the saved workspace has been read (zustand's persist would otherwise write the
//   empty initial state over the user's work while the asynchronous read is still running).
// - A failed write (quota, private mode) leaves the previously saved value untouched: an IndexedDB put is one
//   transaction, so it is written whole or not at all. The user is told and offered an export.
// - Only changes to the facts are written: hovering or switching tabs writes nothing.

import { del, get, set } from 'idb-keyval';
import {
  createJSONStorage,
  type PersistStorage,
  type StateStorage,
  type StorageValue,
} from 'zustand/middleware';
import type { Workspace } from '../lib/workspace-model.ts';

export const WORKSPACE_KEY = 'parallax-workspace';
/** The workspace put aside by "New workspace", until the user restores or dismisses it. */
export const PREVIOUS_WORKSPACE_KEY = 'parallax-previous-workspace';
/** A saved workspace this version could not read, kept aside instead of being overwritten. */
export const UNREADABLE_KEY = 'parallax-workspace-unreadable';

const hasIndexedDb = () => typeof indexedDB !== 'undefined';

/** Async string storage over idb-keyval. Without IndexedDB (tests in jsdom) nothing is saved. */
export const idbStateStorage: StateStorage = {
  async getItem(name) {
    if (!hasIndexedDb()) return null;
    const value = await get<unknown>(name);
    if (value == null) return null;
    // Anything but a string was not written by Parallax: hand it to the parser so it is refused as unreadable.
    return typeof value === 'string' ? value : String(value);
  },
  async setItem(name, value) {
    if (hasIndexedDb()) await set(name, value);
  },
  async removeItem(name) {
    if (hasIndexedDb()) await del(name);
  },
};

export interface GuardedStorage<S> extends PersistStorage<S> {
  /** Called once the saved workspace has been read: from then on, changes are saved. */
  enableWrites(): void;
}

export interface GuardOptions<S> {
  /** True when `next` holds the same facts as `prev` (compared by reference), so there is nothing to write. */
  readonly unchanged: (prev: S, next: S) => boolean;
  readonly onWriteError: (error: unknown) => void;
  /** Where strings are kept; IndexedDB unless a test passes another. */
  readonly base?: StateStorage;
}

export function createWorkspaceStorage<S>(opts: GuardOptions<S>): GuardedStorage<S> {
  const json = createJSONStorage<S>(() => opts.base ?? idbStateStorage);
  if (!json) throw new Error('Parallax could not set up saving in this browser.');
  let writable = false;
  let lastWritten: S | undefined;
  // At most one write in flight; changes made meanwhile wait as one pending value, and only the latest is written
  // when the running write ends. Typing in a 50-source workspace changes the facts on every keystroke, and each
  // write serialises the whole workspace (hundreds of kB): coalescing keeps that to one per storage round trip,
  // with no timer, so nothing is left unwritten when the typing stops.
  let pending: { name: string; value: StorageValue<S> } | null = null;
  let running: Promise<void> | null = null;
  const drain = async () => {
    while (pending) {
      const { name, value } = pending;
      pending = null;
      lastWritten = value.state;
      try {
        await json.setItem(name, value);
      } catch (error: unknown) {
        // Forget what we "wrote" so the next change tries again with the full workspace.
        lastWritten = undefined;
        opts.onWriteError(error);
      }
    }
    running = null;
  };
  return {
    getItem: (name) => json.getItem(name),
    removeItem: (name) => json.removeItem(name),
    setItem(name, value: StorageValue<S>) {
      if (!writable) return;
      if (lastWritten !== undefined && opts.unchanged(lastWritten, value.state)) {
        // Back to what is being (or was) written: a pending older change must not overwrite it.
        pending = null;
        return running ?? undefined;
      }
      pending = { name, value };
      return (running ??= drain());
    },
    enableWrites() {
      writable = true;
    },
  };
}

/** Words for a failed save. Quota errors are the common case (a full disk, a strict private mode). */
export function describeWriteError(error: unknown): string {
  const quota =
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
  const reason = quota
    ? 'the browser has no storage space left for Parallax'
    : `the browser refused (${error instanceof Error ? error.message : String(error)})`;
  return `Your latest changes could not be saved in this browser: ${reason}. The last saved version is unchanged. Export the workspace to keep your changes.`;
}

/**
 * Moves an unreadable saved workspace aside (rather than overwriting it) so it can still be recovered by hand.
 * True when a copy is now kept aside (issue 6: the user is then offered to export it).
 */
export async function keepUnreadableWorkspace(): Promise<boolean> {
  if (!hasIndexedDb()) return false;
  const raw = await get<unknown>(WORKSPACE_KEY);
  if (raw == null) return false;
  await set(UNREADABLE_KEY, raw);
  return true;
}

/**
 * The kept-aside unreadable workspace exactly as it was saved, for "Export unreadable copy"; null when there is
 * none. Parallax saves strings; anything else was written by someone else and is exported as JSON when it can be.
 */
export async function loadUnreadableWorkspaceText(): Promise<string | null> {
  if (!hasIndexedDb()) return null;
  const raw = await get<unknown>(UNREADABLE_KEY);
  if (raw == null) return null;
  if (typeof raw === 'string') return raw;
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    // Cyclic or otherwise unserialisable: its text form is still better than nothing.
    return String(raw);
  }
}

export async function savePreviousWorkspace(ws: Workspace | null): Promise<void> {
  if (!hasIndexedDb()) return;
  if (ws) await set(PREVIOUS_WORKSPACE_KEY, JSON.stringify(ws));
  else await del(PREVIOUS_WORKSPACE_KEY);
}

/** The raw JSON text of the workspace put aside by "New workspace", if any; the caller validates it. */
export async function loadPreviousWorkspaceText(): Promise<string | null> {
  if (!hasIndexedDb()) return null;
  const raw = await get<unknown>(PREVIOUS_WORKSPACE_KEY);
  return typeof raw === 'string' ? raw : null;
}
