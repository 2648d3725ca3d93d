// Messages between the app and the comparison worker. Every request carries an id chosen by the client; every
// response echoes it, so a late answer to an old request can be recognised and dropped.
//
// Cancelling: `compare` is synchronous, so a worker busy with a job cannot read a `cancel` message until the job
// ends. The worker therefore starts each job one macrotask after receiving it, which lets a `cancel` sent right
// behind the request skip the job cheaply; and the client cancels a job that is already running by terminating
// the worker and starting a fresh one for the next run (compare-client.ts).
import type { Comparison, SourceInput } from '../core/model.ts';
import type { CompareOptionsInput } from '../core/options.ts';

/** Options that can cross the worker boundary: everything except the callbacks, which the worker supplies. */
export type SerializableCompareOptions = Omit<CompareOptionsInput, 'now' | 'onProgress' | 'isCancelled'>;

export type WorkerRequest =
  | {
      readonly type: 'compare';
      readonly id: number;
      readonly sources: readonly SourceInput[];
      readonly options: SerializableCompareOptions;
    }
  | { readonly type: 'cancel'; readonly id: number };

export type WorkerResponse =
  /** Sent once when the worker's module has loaded: proof that the worker can run at all. */
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly id: number; readonly stage: string; readonly fraction: number }
  | { readonly type: 'result'; readonly id: number; readonly comparison: Comparison; readonly ms: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string }
  | { readonly type: 'cancelled'; readonly id: number };

export type CompareOutcome =
  | {
      readonly ok: true;
      readonly comparison: Comparison;
      readonly ranIn: 'worker' | 'main-thread';
      /** Milliseconds the comparison itself took. */
      readonly ms: number;
    }
  | { readonly ok: false; readonly cancelled: boolean; readonly message: string };
