import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCompareClient, type WorkerLike } from './compare-client.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';
import type { Comparison, SourceInput } from '../core/model.ts';

class FakeWorker implements WorkerLike {
  static all: FakeWorker[] = [];
  posted: WorkerRequest[] = [];
  terminated = false;
  private listeners: Record<string, ((e: never) => void)[]> = {};
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(message: WorkerRequest): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: string, listener: (e: never) => void): void {
    (this.listeners[type] ??= []).push(listener);
  }
  emit(data: WorkerResponse): void {
    for (const l of this.listeners.message ?? []) (l as (e: { data: WorkerResponse }) => void)({ data });
  }
  crash(message = 'out of memory'): void {
    for (const l of this.listeners.error ?? []) (l as (e: { message: string }) => void)({ message });
  }
  lastCompareId(): number {
    const req = this.posted.filter((m) => m.type === 'compare').at(-1);
    if (!req) throw new Error('no compare request posted');
    return req.id;
  }
}

const fakeComparison = (tag: string) => ({ version: 1, tag }) as unknown as Comparison;
const sources: SourceInput[] = [
  { id: 'a', outlet: 'A', text: 'One.' },
  { id: 'b', outlet: 'B', text: 'Two.' },
];

beforeEach(() => {
  FakeWorker.all = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

function client(extra: Parameters<typeof createCompareClient>[0] = {}) {
  const mainCompare = vi.fn(() => fakeComparison('main'));
  const c = createCompareClient({ createWorker: () => new FakeWorker(), compare: mainCompare, ...extra });
  return { c, mainCompare };
}

describe('createCompareClient', () => {
  it('runs in the worker, reports progress, resolves with the result', async () => {
    const { c, mainCompare } = client();
    const progress: [string, number][] = [];
    const run = c.run(sources, { align: { threshold: 0.6 } }, (s, f) => progress.push([s, f]));
    const w = FakeWorker.all[0]!;
    expect(w.posted[0]).toEqual({ type: 'compare', id: 1, sources, options: { align: { threshold: 0.6 } } });
    w.emit({ type: 'ready' });
    w.emit({ type: 'progress', id: 1, stage: 'align', fraction: 0.5 });
    w.emit({ type: 'result', id: 1, comparison: fakeComparison('w'), ms: 12 });
    await expect(run.promise).resolves.toEqual({
      ok: true,
      comparison: fakeComparison('w'),
      ranIn: 'worker',
      ms: 12,
    });
    expect(progress).toEqual([['align', 0.5]]);
    expect(mainCompare).not.toHaveBeenCalled();
  });

  it('ignores a result for an older run: a new run supersedes the old one', async () => {
    const { c } = client();
    const first = c.run(sources, {});
    FakeWorker.all[0]!.emit({ type: 'ready' });
    const second = c.run(sources, {});
    await expect(first.promise).resolves.toMatchObject({ ok: false, cancelled: true });
    // The busy worker was terminated; the second run went to a fresh one.
    expect(FakeWorker.all[0]!.terminated).toBe(true);
    const w2 = FakeWorker.all[1]!;
    w2.emit({ type: 'ready' });
    w2.emit({ type: 'result', id: 1, comparison: fakeComparison('stale'), ms: 1 });
    FakeWorker.all[0]!.emit({ type: 'result', id: 2, comparison: fakeComparison('dead worker'), ms: 1 });
    w2.emit({ type: 'result', id: w2.lastCompareId(), comparison: fakeComparison('fresh'), ms: 1 });
    await expect(second.promise).resolves.toMatchObject({ ok: true, comparison: fakeComparison('fresh') });
  });

  it('cancel settles the promise at once and respawns the worker for the next run', async () => {
    const { c } = client();
    const run = c.run(sources, {});
    const w = FakeWorker.all[0]!;
    w.emit({ type: 'ready' });
    run.cancel();
    await expect(run.promise).resolves.toEqual({
      ok: false,
      cancelled: true,
      message: 'The comparison was cancelled.',
    });
    expect(w.posted.at(-1)).toEqual({ type: 'cancel', id: 1 });
    expect(w.terminated).toBe(true);
    c.run(sources, {});
    expect(FakeWorker.all).toHaveLength(2);
  });

  it('a worker crash mid-run becomes an error outcome; the next run respawns', async () => {
    const { c } = client();
    const run = c.run(sources, {});
    const w = FakeWorker.all[0]!;
    w.emit({ type: 'ready' });
    w.crash('out of memory');
    const outcome = await run.promise;
    expect(outcome).toMatchObject({ ok: false, cancelled: false });
    expect(outcome.ok === false && outcome.message).toContain('stopped unexpectedly (out of memory)');
    const next = c.run(sources, {});
    const w2 = FakeWorker.all[1]!;
    w2.emit({ type: 'ready' });
    w2.emit({ type: 'result', id: w2.lastCompareId(), comparison: fakeComparison('again'), ms: 1 });
    await expect(next.promise).resolves.toMatchObject({ ok: true, ranIn: 'worker' });
  });

  it('an error reported by the worker becomes an error outcome', async () => {
    const { c } = client();
    const run = c.run(sources, {});
    FakeWorker.all[0]!.emit({ type: 'error', id: 1, message: 'bad input' });
    await expect(run.promise).resolves.toEqual({
      ok: false,
      cancelled: false,
      message: 'The comparison failed: bad input',
    });
  });

  it('falls back to the main thread when the Worker constructor throws', async () => {
    const { c, mainCompare } = client({
      createWorker: () => {
        throw new Error('Workers are blocked');
      },
    });
    const progress = vi.fn();
    const run = c.run(sources, { diff: { maxEditLength: 10 } }, progress);
    await vi.runAllTimersAsync();
    await expect(run.promise).resolves.toMatchObject({
      ok: true,
      ranIn: 'main-thread',
      comparison: fakeComparison('main'),
    });
    expect(mainCompare).toHaveBeenCalledWith(
      sources,
      expect.objectContaining({ diff: { maxEditLength: 10 }, onProgress: progress }),
    );
  });

  it('falls back to the main thread when the worker errors before it is ready, and stays there', async () => {
    const { c, mainCompare } = client();
    const run = c.run(sources, {});
    FakeWorker.all[0]!.crash('module failed to load');
    await vi.runAllTimersAsync();
    await expect(run.promise).resolves.toMatchObject({ ok: true, ranIn: 'main-thread' });
    const again = c.run(sources, {});
    await vi.runAllTimersAsync();
    await expect(again.promise).resolves.toMatchObject({ ranIn: 'main-thread' });
    expect(FakeWorker.all).toHaveLength(1);
    expect(mainCompare).toHaveBeenCalledTimes(2);
  });

  it('falls back to the main thread when the worker never says ready', async () => {
    const { c } = client({ readyTimeoutMs: 1000 });
    const run = c.run(sources, {});
    await vi.advanceTimersByTimeAsync(1001);
    await expect(run.promise).resolves.toMatchObject({ ok: true, ranIn: 'main-thread' });
    expect(FakeWorker.all[0]!.terminated).toBe(true);
  });

  it('stops a run that exceeds the time budget and reports it as failed', async () => {
    const { c } = client({ budgetMs: 60_000 });
    const run = c.run(sources, {});
    FakeWorker.all[0]!.emit({ type: 'ready' });
    await vi.advanceTimersByTimeAsync(60_001);
    const outcome = await run.promise;
    expect(outcome).toMatchObject({ ok: false, cancelled: false });
    expect(outcome.ok === false && outcome.message).toContain('longer than 60 seconds');
    expect(FakeWorker.all[0]!.terminated).toBe(true);
  });

  it('main-thread errors become error outcomes, never rejections', async () => {
    const { c } = client({
      createWorker: () => {
        throw new Error('no workers');
      },
      compare: () => {
        throw new Error('boom');
      },
    });
    const run = c.run(sources, {});
    await vi.runAllTimersAsync();
    await expect(run.promise).resolves.toEqual({
      ok: false,
      cancelled: false,
      message: 'The comparison failed: boom',
    });
  });

  it('dispose cancels the run in flight and terminates the worker', async () => {
    const { c } = client();
    const run = c.run(sources, {});
    c.dispose();
    await expect(run.promise).resolves.toMatchObject({ cancelled: true });
    expect(FakeWorker.all[0]!.terminated).toBe(true);
    await expect(c.run(sources, {}).promise).resolves.toMatchObject({ ok: false, cancelled: true });
  });
});
