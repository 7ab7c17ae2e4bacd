import type { Worker } from 'node:worker_threads';
import { JejakError } from './errors';
import { startWorker } from './start-worker';

/**
 * A hashing worker thread run from CommonJS source held in a string, so there is no file to find
 * in a bundle or an installed app. It starts unreferenced (the caller refs it while it has work),
 * inherits no flags (its source is CommonJS however the parent was started), and its first failure,
 * an error or an unexpected exit, reaches `failed` once, as a JejakError naming what was lost.
 */
/** `onMessage` gets what the source posts, as the caller's own message type M. */
export function startHashingWorker<M>(
  source: string,
  onMessage: (message: M) => void,
  failed: (e: JejakError) => void,
  workerData?: unknown,
): Worker {
  // trackUnmanagedFds off: a file the worker seals and writes is handed to the caller open (for the
  // batch's fsync); tracked, it would be the worker's, closed under the caller if the worker stopped.
  const worker = startWorker(source, { eval: true, execArgv: [], workerData, trackUnmanagedFds: false });
  let stopped = false;
  const fail = (e: Error) => {
    if (stopped) return;
    stopped = true;
    failed(new JejakError('INTERNAL', `Hashes could not be computed: ${e.message}`));
  };
  worker.on('message', (message: M) => onMessage(message));
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('the hashing worker stopped')));
  worker.unref();
  return worker;
}
