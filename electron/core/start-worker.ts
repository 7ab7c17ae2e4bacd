import { Worker, type WorkerOptions } from 'node:worker_threads';
import { keepHeapBoundsOnce } from './v8-settings';
import { startBelowMainThread } from './worker-priority';

/**
 * Starts a worker thread of ours, as every one Jejak starts itself is started: below the main
 * thread's priority from its first instruction (worker-priority.ts), and with the process's heaps
 * bounded again once it runs, since a new isolate's set-up undoes that (v8-settings.ts).
 */
export function startWorker(filename: string | URL, options: WorkerOptions): Worker {
  return keepHeapBoundsOnce(startBelowMainThread(() => new Worker(filename, options)));
}
