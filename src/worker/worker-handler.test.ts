import { describe, expect, it } from 'vitest';
import { createWorkerHandler } from './worker-handler.ts';
import type { WorkerResponse } from './protocol.ts';
import type { Comparison } from '../core/model.ts';
import type { CompareOptionsInput } from '../core/options.ts';

function setup(compare: (o: CompareOptionsInput) => unknown) {
  const posted: WorkerResponse[] = [];
  const deferred: (() => void)[] = [];
  let clock = 0;
  const handle = createWorkerHandler({
    post: (m) => posted.push(m),
    compare: (_s, o) => compare(o ?? {}) as Comparison,
    now: () => (clock += 10),
    defer: (fn) => deferred.push(fn),
  });
  return { posted, handle, flush: () => deferred.splice(0).forEach((f) => f()) };
}

describe('worker handler', () => {
  it('runs compare with a clock and posts throttled progress then the result', () => {
    const { posted, handle, flush } = setup((o) => {
      expect(typeof o.now).toBe('function');
      o.onProgress?.('segment', 0.5);
      o.onProgress?.('segment', 0.6); // within 50 ms of the previous one: dropped
      o.onProgress?.('align', 0.1);
      o.onProgress?.('align', 1);
      return { version: 1 };
    });
    handle({ type: 'compare', id: 7, sources: [], options: {} });
    flush();
    expect(posted.map((m) => (m.type === 'progress' ? `${m.stage}:${m.fraction}` : m.type))).toEqual([
      'queued:0',
      'segment:0.5',
      'align:0.1',
      'align:1',
      'result',
    ]);
  });

  it('skips a job cancelled before it started', () => {
    let ran = false;
    const { posted, handle, flush } = setup(() => {
      ran = true;
      return {};
    });
    handle({ type: 'compare', id: 1, sources: [], options: {} });
    handle({ type: 'cancel', id: 1 });
    flush();
    expect(ran).toBe(false);
    expect(posted.at(-1)).toEqual({ type: 'cancelled', id: 1 });
  });

  it('reports a thrown error as an error message with the id', () => {
    const { posted, handle, flush } = setup(() => {
      throw new Error('source too long');
    });
    handle({ type: 'compare', id: 3, sources: [], options: {} });
    flush();
    expect(posted.at(-1)).toEqual({ type: 'error', id: 3, message: 'source too long' });
  });

  it('reports a CancelledError as cancelled', () => {
    const { posted, handle, flush } = setup(() => {
      const e = new Error('cancelled');
      e.name = 'CancelledError';
      throw e;
    });
    handle({ type: 'compare', id: 4, sources: [], options: {} });
    flush();
    expect(posted.at(-1)).toEqual({ type: 'cancelled', id: 4 });
  });
});
