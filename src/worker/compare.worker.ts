// The comparison worker: runs the pure core off the main thread so typing and scrolling stay smooth while 50
// sources are compared. The message loop lives in worker-handler.ts (tested without a Worker).
import { compare } from '../core/compare.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';
import { createWorkerHandler } from './worker-handler.ts';

/** The parts of DedicatedWorkerGlobalScope we use (the app's tsconfig has the DOM lib, not WebWorker). */
interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

const handle = createWorkerHandler({
  post: (message) => scope.postMessage(message),
  compare,
  now: () => performance.now(),
  defer: (fn) => void setTimeout(fn, 0),
});

scope.addEventListener('message', (event) => handle(event.data));
scope.postMessage({ type: 'ready' });
