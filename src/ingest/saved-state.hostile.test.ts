// Issue 6, "Nothing lost", at unit level: the store's save path (src/state/persist.ts, owned by the app layer) over
// a fake IndexedDB that runs out of space. A failed write must be reported (so the user can export) and must leave
// the previously saved value exactly as it was; the next change writes the full workspace again. And nothing is
// written before the saved workspace has been read.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const db = new Map<string, unknown>();
let failWrites = false;

vi.mock('idb-keyval', () => ({
  get: async (k: string) => db.get(k),
  set: async (k: string, v: unknown) => {
    if (failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    db.set(k, v);
  },
  del: async (k: string) => void db.delete(k),
}));

const { createWorkspaceStorage, describeWriteError, WORKSPACE_KEY } = await import('../state/persist.ts');

interface Facts {
  readonly sources: readonly string[];
}

describe('saving the workspace when storage is full', () => {
  beforeEach(() => {
    db.clear();
    failWrites = false;
    // persist.ts saves only where IndexedDB exists; the calls themselves go to the mocked idb-keyval.
    vi.stubGlobal('indexedDB', {});
  });
  afterEach(() => vi.unstubAllGlobals());

  it('reports QuotaExceededError, keeps the last saved value whole, and retries the full state next time', async () => {
    const errors: unknown[] = [];
    const storage = createWorkspaceStorage<Facts>({
      unchanged: (a, b) => a.sources === b.sources,
      onWriteError: (e) => errors.push(e),
    });
    storage.enableWrites();
    const saved = { state: { sources: ['a', 'b'] }, version: 1 };
    await storage.setItem(WORKSPACE_KEY, saved);
    const before = db.get(WORKSPACE_KEY);
    expect(typeof before).toBe('string');

    failWrites = true;
    await storage.setItem(WORKSPACE_KEY, { state: { sources: ['a', 'b', 'c'] }, version: 1 });
    expect(errors).toHaveLength(1);
    expect(describeWriteError(errors[0])).toMatch(
      /no storage space left.*last saved version is unchanged.*Export/,
    );
    expect(db.get(WORKSPACE_KEY)).toBe(before);

    // Space again: the same (unchanged) state is written in full, not skipped as "already saved".
    failWrites = false;
    const next = { sources: ['a', 'b', 'c'] };
    await storage.setItem(WORKSPACE_KEY, { state: next, version: 1 });
    expect(JSON.parse(db.get(WORKSPACE_KEY) as string)).toEqual({ state: next, version: 1 });
  });

  it('writes nothing before the saved workspace has been read', async () => {
    db.set(WORKSPACE_KEY, JSON.stringify({ state: { sources: ['saved'] }, version: 1 }));
    const storage = createWorkspaceStorage<Facts>({ unchanged: () => false, onWriteError: () => {} });
    await storage.setItem(WORKSPACE_KEY, { state: { sources: [] }, version: 1 });
    expect(JSON.parse(db.get(WORKSPACE_KEY) as string).state.sources).toEqual(['saved']);
  });
});
