// Store -> engine: whenever the facts that affect the comparison change, wait until the user pauses
// (DEBOUNCE_MS), cancel the run in flight and start a new one in the compare client (a Web Worker). The result,
// progress and failures go back into the store. The reference source is a view option: changing it recompares
// nothing.

import type { StoreApi } from 'zustand';
import type { CompareClient } from '../worker/compare-client.ts';
import { toCompareRequest } from '../state/selectors/workspace.ts';
import type { ParallaxState } from '../state/store.ts';

export const DEBOUNCE_MS = 250;

/** What the comparison depends on; compared by reference (the store never mutates in place). */
function inputsOf(s: ParallaxState) {
  return [s.sources, s.corrections, s.options.threshold, s.options.cleaning] as const;
}

function sameInputs(a: ReturnType<typeof inputsOf>, b: ReturnType<typeof inputsOf>): boolean {
  return a.every((v, i) => v === b[i]);
}

export interface WiringOptions {
  readonly debounceMs?: number;
}

/** Starts comparing on every relevant change; returns a function that stops it (and cancels the run in flight). */
export function wireCompare(
  store: Pick<StoreApi<ParallaxState>, 'getState' | 'subscribe'>,
  client: CompareClient,
  opts: WiringOptions = {},
): () => void {
  const debounceMs = opts.debounceMs ?? DEBOUNCE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelRun: (() => void) | null = null;
  let last: ReturnType<typeof inputsOf> | null = null;

  function run(): void {
    timer = undefined;
    cancelRun?.();
    cancelRun = null;
    const state = store.getState();
    if (state.sources.length === 0) {
      state.setComparison(null);
      state.setCompareStatus({ phase: 'idle', stage: '', progress: 0 });
      return;
    }
    const req = toCompareRequest(state);
    state.setCompareStatus({ phase: 'running', stage: 'Starting', progress: 0 });
    const handle = client.run(req.sources, req.options, (stage, fraction) => {
      store.getState().setCompareStatus({ phase: 'running', stage, progress: fraction });
    });
    let live = true;
    cancelRun = () => {
      live = false;
      handle.cancel();
    };
    void handle.promise.then(async (outcome) => {
      // The worker's message was deserialised in the task that resolved this promise (tens of ms for a 50-source
      // comparison); rendering the new comparison in a task of its own keeps each main-thread task shorter
      // (issue 4: no task over 200 ms while comparing).
      if (outcome.ok) await new Promise((resolve) => setTimeout(resolve, 0));
      if (!live) return;
      cancelRun = null;
      const s = store.getState();
      if (outcome.ok) {
        s.setComparison(outcome.comparison);
        s.setCompareStatus({ phase: 'done', stage: '', progress: 1 });
      } else if (!outcome.cancelled) {
        s.setCompareStatus({ phase: 'error', stage: '', progress: 0, message: outcome.message });
        s.notify('error', outcome.message);
      }
    });
  }

  function schedule(): void {
    clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  }

  const unsubscribe = store.subscribe((s) => {
    if (!s.hydrated) return;
    const next = inputsOf(s);
    if (last && sameInputs(last, next)) return;
    last = next;
    schedule();
  });
  // The store may already hold a workspace (restored before wiring started).
  const initial = store.getState();
  if (initial.hydrated) {
    last = inputsOf(initial);
    schedule();
  }

  return () => {
    unsubscribe();
    clearTimeout(timer);
    cancelRun?.();
    cancelRun = null;
  };
}
