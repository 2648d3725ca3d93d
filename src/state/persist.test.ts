import { describe, expect, it, vi } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { createWorkspaceStorage, describeWriteError } from './persist.ts';

interface Facts {
  readonly sources: readonly string[];
}

function memory() {
  const data = new Map<string, string>();
  const writes: string[] = [];
  let failNext: unknown = null;
  const base: StateStorage = {
    getItem: async (k) => data.get(k) ?? null,
    setItem: async (k, v) => {
      if (failNext) {
        const e = failNext;
        failNext = null;
        throw e;
      }
      writes.push(v);
      data.set(k, v);
    },
    removeItem: async (k) => void data.delete(k),
  };
  return { base, data, writes, fail: (e: unknown) => (failNext = e) };
}

const unchanged = (a: Facts, b: Facts) => a.sources === b.sources;

describe('workspace storage guard', () => {
  it('writes nothing until the saved workspace has been read', async () => {
    const m = memory();
    m.data.set('k', JSON.stringify({ state: { sources: ['saved'] }, version: 1 }));
    const storage = createWorkspaceStorage<Facts>({ unchanged, onWriteError: vi.fn(), base: m.base });
    await storage.setItem('k', { state: { sources: [] }, version: 1 });
    expect(JSON.parse(m.data.get('k') ?? '')).toEqual({ state: { sources: ['saved'] }, version: 1 });
    storage.enableWrites();
    await storage.setItem('k', { state: { sources: ['new'] }, version: 1 });
    expect(m.writes).toHaveLength(1);
  });

  it('skips writes when the facts are the same objects (hover, tab switches)', async () => {
    const m = memory();
    const storage = createWorkspaceStorage<Facts>({ unchanged, onWriteError: vi.fn(), base: m.base });
    storage.enableWrites();
    const sources = ['a'];
    await storage.setItem('k', { state: { sources }, version: 1 });
    await storage.setItem('k', { state: { sources }, version: 1 });
    await storage.setItem('k', { state: { sources: [...sources] }, version: 1 });
    expect(m.writes).toHaveLength(2);
  });

  it('reports a failed write, keeps the last saved value, and retries on the next change', async () => {
    const m = memory();
    const onWriteError = vi.fn();
    const storage = createWorkspaceStorage<Facts>({ unchanged, onWriteError, base: m.base });
    storage.enableWrites();
    const first = { sources: ['a'] };
    await storage.setItem('k', { state: first, version: 1 });
    m.fail(new DOMException('full', 'QuotaExceededError'));
    const second = { sources: ['a', 'b'] };
    await storage.setItem('k', { state: second, version: 1 });
    expect(onWriteError).toHaveBeenCalledOnce();
    expect(JSON.parse(m.data.get('k') ?? '').state).toEqual(first);
    // Same facts again: the failed write is not mistaken for a saved one.
    await storage.setItem('k', { state: second, version: 1 });
    expect(JSON.parse(m.data.get('k') ?? '').state).toEqual(second);
  });

  it('keeps one write in flight and then writes only the latest of the changes made meanwhile', async () => {
    const m = memory();
    const waiting: (() => void)[] = [];
    const slow: StateStorage = {
      ...m.base,
      setItem: (k, v) =>
        new Promise<void>((resolve) => {
          waiting.push(() => resolve(m.base.setItem(k, v) as Promise<void>));
        }),
    };
    const storage = createWorkspaceStorage<Facts>({ unchanged, onWriteError: vi.fn(), base: slow });
    storage.enableWrites();
    const first = storage.setItem('k', { state: { sources: ['a'] }, version: 1 });
    // Three keystrokes while the first write runs.
    void storage.setItem('k', { state: { sources: ['ab'] }, version: 1 });
    void storage.setItem('k', { state: { sources: ['abc'] }, version: 1 });
    const last = storage.setItem('k', { state: { sources: ['abcd'] }, version: 1 });
    expect(last).toBe(first);
    expect(waiting).toHaveLength(1);
    waiting.shift()!();
    await vi.waitFor(() => expect(waiting).toHaveLength(1));
    waiting.shift()!();
    await last;
    expect(waiting).toHaveLength(0);
    expect(m.writes.map((w) => JSON.parse(w).state.sources[0])).toEqual(['a', 'abcd']);
  });

  it('explains a full disk in plain words and points to export', () => {
    const text = describeWriteError(new DOMException('full', 'QuotaExceededError'));
    expect(text).toMatch(/no storage space/);
    expect(text).toMatch(/Export the workspace/);
    expect(text).toMatch(/last saved version is unchanged/);
  });
});
