import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { Comparison, SourceInput } from '../core/model.ts';
import { DEFAULT_WORKSPACE_OPTIONS, type SourceDoc } from '../lib/workspace-model.ts';
import type { ParallaxState } from '../state/store.ts';
import { useParallax } from '../state/store.ts';
import { INITIAL_UI } from '../state/slices/ui.ts';
import type { CompareClient, CompareOutcome } from '../worker/compare-client.ts';
import { DEBOUNCE_MS, wireCompare } from './compare-wiring.ts';

function doc(id: string): SourceDoc {
  return {
    id,
    outlet: id,
    text: `${id} text.`,
    restored: [],
    origin: { kind: 'paste' },
    addedAt: '2025-09-05T00:00:00Z',
  };
}

interface Call {
  sources: readonly SourceInput[];
  options: unknown;
  cancelled: boolean;
  resolve: (o: CompareOutcome) => void;
}

function fakeClient() {
  const calls: Call[] = [];
  const client: CompareClient = {
    run(sources, options, onProgress) {
      let resolve!: (o: CompareOutcome) => void;
      const promise = new Promise<CompareOutcome>((r) => (resolve = r));
      const call: Call = { sources, options, cancelled: false, resolve };
      calls.push(call);
      onProgress?.('align', 0.5);
      return {
        promise,
        cancel() {
          call.cancelled = true;
          resolve({ ok: false, cancelled: true, message: 'cancelled' });
        },
      };
    },
    dispose() {},
  };
  return { client, calls };
}

const fakeComparison = { sources: [] } as unknown as Comparison;

// The real store's actions on a plain vanilla store, so each test starts clean and hydrated.
function freshStore() {
  const initial = useParallax.getState();
  return createStore<ParallaxState>()(() => ({
    ...initial,
    sources: [],
    options: DEFAULT_WORKSPACE_OPTIONS,
    corrections: [],
    comparison: null,
    hydrated: true,
    ui: INITIAL_UI,
  }));
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('compare wiring', () => {
  it('waits for a pause, runs once for a burst of changes, and stores the result', async () => {
    const store = freshStore();
    const set = (patch: Partial<ParallaxState>) => store.setState(patch);
    const statuses: string[] = [];
    store.setState({
      setCompareStatus: (s) => {
        statuses.push(s.phase);
        set({ compareStatus: s });
      },
      setComparison: (c) => set({ comparison: c }),
    });
    const { client, calls } = fakeClient();
    const stop = wireCompare(store, client);
    set({ sources: [doc('a')] });
    set({ sources: [doc('a'), doc('b')] });
    vi.advanceTimersByTime(DEBOUNCE_MS - 1);
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.sources.map((s) => s.id)).toEqual(['a', 'b']);
    expect(store.getState().compareStatus).toMatchObject({ phase: 'running', stage: 'align', progress: 0.5 });
    calls[0]?.resolve({ ok: true, comparison: fakeComparison, ranIn: 'worker', ms: 3 });
    await vi.runAllTimersAsync();
    expect(store.getState().comparison).toBe(fakeComparison);
    expect(statuses.at(-1)).toBe('done');
    stop();
  });

  it('cancels the run in flight when the facts change again, and ignores its late answer', async () => {
    const store = freshStore();
    store.setState({
      setCompareStatus: (s) => store.setState({ compareStatus: s }),
      setComparison: (c) => store.setState({ comparison: c }),
    });
    const { client, calls } = fakeClient();
    const stop = wireCompare(store, client);
    store.setState({ sources: [doc('a'), doc('b')] });
    vi.advanceTimersByTime(DEBOUNCE_MS);
    store.setState({ options: { ...DEFAULT_WORKSPACE_OPTIONS, threshold: 0.7 } });
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(calls).toHaveLength(2);
    expect(calls[0]?.cancelled).toBe(true);
    expect(calls[1]?.options).toMatchObject({ align: { threshold: 0.7 } });
    await vi.runAllTimersAsync();
    expect(store.getState().comparison).toBeNull();
    stop();
  });

  it('does not recompare when only the reference source or the UI changes', () => {
    const store = freshStore();
    const { client, calls } = fakeClient();
    store.setState({ sources: [doc('a'), doc('b')] });
    const stop = wireCompare(store, client);
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(calls).toHaveLength(1);
    store.setState({ options: { ...store.getState().options, referenceSourceId: 'b' } });
    store.setState({ ui: { ...INITIAL_UI, tab: 'coverage' } });
    vi.advanceTimersByTime(DEBOUNCE_MS * 4);
    expect(calls).toHaveLength(1);
    stop();
  });

  it('reports a failed run as an error notice', async () => {
    const store = freshStore();
    const notices: string[] = [];
    store.setState({
      setCompareStatus: (s) => store.setState({ compareStatus: s }),
      notify: (_tone, text) => {
        notices.push(text);
        return 'n';
      },
    });
    const { client, calls } = fakeClient();
    const stop = wireCompare(store, client);
    store.setState({ sources: [doc('a'), doc('b')] });
    vi.advanceTimersByTime(DEBOUNCE_MS);
    calls[0]?.resolve({ ok: false, cancelled: false, message: 'The comparison failed: out of memory' });
    await vi.runAllTimersAsync();
    expect(notices).toEqual(['The comparison failed: out of memory']);
    expect(store.getState().compareStatus.phase).toBe('error');
    stop();
  });
});
