// The app's handle on the comparison engine (ui-contract.md): runs `compare` in a Web Worker, reports progress,
// cancels, and never leaves a promise pending.
//
// Policies, and why:
// - One job at a time. A new run cancels the one in flight: its result would be stale anyway.
// - Cancelling a job in flight terminates the worker; the next run starts a fresh one. `compare` is synchronous,
//   so a busy worker cannot read a `cancel` message (protocol.ts); terminating is the only prompt way to stop it.
// - If the worker cannot start (constructor throws, an error before it says `ready`, or no `ready` within
//   readyTimeoutMs), the client falls back to running compare on the main thread, for this run and every later
//   one: the app stays usable where workers are blocked (file:// pages, strict policies, old browsers).
// - A worker that crashes mid-run turns into an error outcome for that run; the next run spawns a new worker.
// - A run that takes longer than budgetMs is stopped and reported as failed, so the UI never spins forever.
// - Every message carries the job id; answers for any other id are ignored (stale results cannot overwrite).
import type { Comparison, SourceInput } from '../core/model.ts';
import type { CompareOptionsInput } from '../core/options.ts';
import type {
  CompareOutcome,
  SerializableCompareOptions,
  WorkerRequest,
  WorkerResponse,
} from './protocol.ts';

export type { CompareOutcome } from './protocol.ts';

/** The parts of a Worker the client uses; tests inject a fake. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerResponse>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
}

export type MainThreadCompare = (
  sources: readonly SourceInput[],
  options?: CompareOptionsInput,
) => Comparison;

export interface CompareClientOptions {
  /** Spawns the worker. Default: the module worker in compare.worker.ts. */
  readonly createWorker?: () => WorkerLike;
  /** compare for the main-thread fallback. Default: the core's compare, loaded on first use. */
  readonly compare?: MainThreadCompare;
  /** How long a new worker has to say `ready` before the client gives up on workers. */
  readonly readyTimeoutMs?: number;
  /** Longest a run may take before it is stopped and reported as failed. */
  readonly budgetMs?: number;
  readonly now?: () => number;
}

export interface CompareRun {
  readonly promise: Promise<CompareOutcome>;
  cancel(): void;
}

export interface CompareClient {
  run(
    sources: readonly SourceInput[],
    options: SerializableCompareOptions,
    onProgress?: (stage: string, fraction: number) => void,
  ): CompareRun;
  dispose(): void;
}

export const DEFAULT_CLIENT_OPTIONS = Object.freeze({ readyTimeoutMs: 5_000, budgetMs: 60_000 });

interface Job {
  readonly id: number;
  readonly sources: readonly SourceInput[];
  readonly options: SerializableCompareOptions;
  readonly onProgress: ((stage: string, fraction: number) => void) | undefined;
  readonly resolve: (outcome: CompareOutcome) => void;
  where: 'worker' | 'main-thread';
  budgetTimer: ReturnType<typeof setTimeout> | undefined;
}

const CANCELLED: CompareOutcome = { ok: false, cancelled: true, message: 'The comparison was cancelled.' };

function defaultCreateWorker(): WorkerLike {
  return new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module' }) as WorkerLike;
}

export function createCompareClient(opts: CompareClientOptions = {}): CompareClient {
  const createWorker = opts.createWorker ?? defaultCreateWorker;
  const readyTimeoutMs = opts.readyTimeoutMs ?? DEFAULT_CLIENT_OPTIONS.readyTimeoutMs;
  const budgetMs = opts.budgetMs ?? DEFAULT_CLIENT_OPTIONS.budgetMs;
  const now = opts.now ?? (() => performance.now());

  let worker: WorkerLike | null = null;
  let ready = false;
  let readyTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set once workers proved unusable here: every later run goes to the main thread. */
  let workersUnavailable = false;
  let disposed = false;
  let seq = 0;
  let current: Job | null = null;

  function finish(job: Job, outcome: CompareOutcome): void {
    if (current !== job) return;
    clearTimeout(job.budgetTimer);
    current = null;
    job.resolve(outcome);
  }

  function dropWorker(): void {
    clearTimeout(readyTimer);
    worker?.terminate();
    worker = null;
    ready = false;
  }

  /** Workers do not work here: stop using them and move the job in flight (if any) to the main thread. */
  function giveUpOnWorkers(): void {
    workersUnavailable = true;
    dropWorker();
    if (current && current.where === 'worker') void runOnMainThread(current);
  }

  function onMessage(from: WorkerLike, data: WorkerResponse): void {
    if (from !== worker) return; // a terminated worker's last words
    if (data.type === 'ready') {
      ready = true;
      clearTimeout(readyTimer);
      return;
    }
    const job = current;
    if (!job || job.where !== 'worker' || data.id !== job.id) return; // stale: an older run's answer
    switch (data.type) {
      case 'progress':
        job.onProgress?.(data.stage, data.fraction);
        break;
      case 'result':
        finish(job, { ok: true, comparison: data.comparison, ranIn: 'worker', ms: data.ms });
        break;
      case 'error':
        finish(job, { ok: false, cancelled: false, message: `The comparison failed: ${data.message}` });
        break;
      case 'cancelled':
        finish(job, CANCELLED);
        break;
    }
  }

  function onCrash(from: WorkerLike, event: Event): void {
    if (from !== worker) return;
    if (!ready) {
      giveUpOnWorkers();
      return;
    }
    // ErrorEvent is not a global everywhere (Node tests): read its message structurally.
    const message = (event as { message?: unknown }).message;
    const detail = typeof message === 'string' && message ? ` (${message})` : '';
    dropWorker();
    if (current && current.where === 'worker') {
      finish(current, {
        ok: false,
        cancelled: false,
        message: `The comparison stopped unexpectedly${detail}. Run it again; if it keeps failing, remove the source you added last.`,
      });
    }
  }

  function ensureWorker(): WorkerLike | null {
    if (worker) return worker;
    let w: WorkerLike;
    try {
      w = createWorker();
    } catch {
      workersUnavailable = true;
      return null;
    }
    worker = w;
    ready = false;
    w.addEventListener('message', (e: MessageEvent<WorkerResponse>) => onMessage(w, e.data));
    w.addEventListener('error', (e: Event) => onCrash(w, e));
    w.addEventListener('messageerror', (e: Event) => onCrash(w, e));
    readyTimer = setTimeout(() => {
      if (worker === w && !ready) giveUpOnWorkers();
    }, readyTimeoutMs);
    return w;
  }

  async function runOnMainThread(job: Job): Promise<void> {
    job.where = 'main-thread';
    // Let the UI paint "Comparing…" before the main thread is busy.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (current !== job) return;
    let compareFn = opts.compare;
    if (!compareFn) compareFn = (await import('../core/compare.ts')).compare;
    if (current !== job) return;
    const started = now();
    try {
      const comparison = compareFn(job.sources, {
        ...job.options,
        now,
        ...(job.onProgress ? { onProgress: job.onProgress } : {}),
        isCancelled: () => current !== job,
      });
      finish(job, { ok: true, comparison, ranIn: 'main-thread', ms: now() - started });
    } catch (e) {
      finish(
        job,
        e instanceof Error && e.name === 'CancelledError'
          ? CANCELLED
          : {
              ok: false,
              cancelled: false,
              message: `The comparison failed: ${e instanceof Error ? e.message : String(e)}`,
            },
      );
    }
  }

  function cancelJob(job: Job): void {
    if (current !== job) return;
    if (job.where === 'worker' && worker) {
      worker.postMessage({ type: 'cancel', id: job.id });
      dropWorker();
    }
    finish(job, CANCELLED);
  }

  return {
    run(sources, options, onProgress) {
      if (disposed) {
        return {
          promise: Promise.resolve({ ...CANCELLED, message: 'The comparison engine was closed.' }),
          cancel() {},
        };
      }
      if (current) cancelJob(current);
      let resolve!: (o: CompareOutcome) => void;
      const promise = new Promise<CompareOutcome>((r) => (resolve = r));
      const job: Job = {
        id: ++seq,
        sources,
        options,
        onProgress,
        resolve,
        where: 'worker',
        budgetTimer: undefined,
      };
      current = job;
      job.budgetTimer = setTimeout(() => {
        if (current !== job) return;
        if (job.where === 'worker') dropWorker();
        finish(job, {
          ok: false,
          cancelled: false,
          message: `The comparison took longer than ${Math.round(budgetMs / 1000)} seconds and was stopped. Try fewer or shorter sources.`,
        });
      }, budgetMs);
      const w = workersUnavailable ? null : ensureWorker();
      if (w) {
        try {
          w.postMessage({ type: 'compare', id: job.id, sources, options });
        } catch {
          // Sources that cannot be cloned, or a dead worker: the main thread can still do it.
          giveUpOnWorkers();
        }
      } else {
        void runOnMainThread(job);
      }
      return { promise, cancel: () => cancelJob(job) };
    },
    dispose() {
      disposed = true;
      if (current) cancelJob(current);
      dropWorker();
    },
  };
}
