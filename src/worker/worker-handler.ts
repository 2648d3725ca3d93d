// The worker's message loop, kept apart from compare.worker.ts so it can be tested without a real Worker.
import type { Comparison, SourceInput } from '../core/model.ts';
import type { CompareOptionsInput } from '../core/options.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

export type CompareFn = (sources: readonly SourceInput[], options?: CompareOptionsInput) => Comparison;

export interface HandlerDeps {
  readonly post: (message: WorkerResponse) => void;
  readonly compare: CompareFn;
  readonly now: () => number;
  /** Defers a job by one macrotask (setTimeout 0 in the worker) so a `cancel` right behind it can be read first. */
  readonly defer: (fn: () => void) => void;
  /** Minimum milliseconds between two progress messages of the same stage: posting is not free. */
  readonly progressIntervalMs?: number;
}

/** Thrown from inside compare by the isCancelled hook's owner; compare.ts exports CancelledError for this. */
function isCancelledError(e: unknown): boolean {
  return e instanceof Error && e.name === 'CancelledError';
}

export function createWorkerHandler(deps: HandlerDeps): (request: WorkerRequest) => void {
  const cancelled = new Set<number>();
  // Jobs received but not started: only these can still be cancelled by message (see protocol.ts).
  const queued = new Set<number>();
  const interval = deps.progressIntervalMs ?? 50;

  const run = (id: number, sources: readonly SourceInput[], options: CompareOptionsInput): void => {
    queued.delete(id);
    if (cancelled.delete(id)) {
      deps.post({ type: 'cancelled', id });
      return;
    }
    let lastStage = '';
    let lastAt = -Infinity;
    const started = deps.now();
    try {
      const comparison = deps.compare(sources, {
        ...options,
        now: deps.now,
        isCancelled: () => cancelled.has(id),
        onProgress: (stage, fraction) => {
          const t = deps.now();
          if (stage === lastStage && fraction < 1 && t - lastAt < interval) return;
          lastStage = stage;
          lastAt = t;
          deps.post({ type: 'progress', id, stage, fraction });
        },
      });
      deps.post({ type: 'result', id, comparison, ms: deps.now() - started });
    } catch (e) {
      if (isCancelledError(e) || cancelled.has(id)) deps.post({ type: 'cancelled', id });
      else deps.post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
    } finally {
      cancelled.delete(id);
    }
  };

  return (request) => {
    if (request.type === 'cancel') {
      if (queued.has(request.id)) cancelled.add(request.id);
      return;
    }
    const { id, sources, options } = request;
    queued.add(id);
    deps.post({ type: 'progress', id, stage: 'queued', fraction: 0 });
    deps.defer(() => run(id, sources, options));
  };
}
