import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Every worker thread runs below the main thread's priority. The main thread answers the window
 * (its event loop, the IPC): on two cores with two workers busy hashing or drawing, it waited for a
 * core 16-39 ms at a time during a 1 GiB export, 54 ms once, and 895-926 ms in all (the stall
 * probe's and the kernel's run-queue times, tests/bench/_process-probe.mjs); 377-665 ms in all with
 * the workers at this nice value. It gives a worker about a tenth of a core's share against the main
 * thread when both want one, and all of an idle core.
 *
 * Linux keeps a nice value per thread, and a thread may lower its own without privilege:
 * os.setPriority given the thread's id. Where there is no /proc/thread-self (not Linux) nothing is
 * done.
 */
export const WORKER_NICE = 10;

/** For a worker started from its entry file (the report's drawing, the pictures'): its first call. */
export function runBelowMainThread(): void {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), WORKER_NICE);
  } catch {
    // not Linux: the scheduler's own order
  }
}

/** The same, as CommonJS source a worker evaluated from a string runs before its own code. */
export const BELOW_MAIN_THREAD_SOURCE = `try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  require('node:os').setPriority(tid, ${WORKER_NICE});
} catch {}
`;
