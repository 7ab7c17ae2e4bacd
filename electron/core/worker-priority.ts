import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import type { Worker } from 'node:worker_threads';

/**
 * Every worker thread runs below the main thread's priority. The main thread answers the window
 * (its event loop, the IPC): on two cores with two workers busy hashing or drawing, it waited for a
 * core 16-39 ms at a time during a 1 GiB export, 54 ms once, and 895-926 ms in all (the stall
 * probe's and the kernel's run-queue times, tests/bench/_process-probe.mjs); 377-665 ms in all with
 * the workers at this nice value. It gives a worker about a tenth of a core's share against the main
 * thread when both want one, and all of an idle core.
 *
 * Linux keeps a nice value per thread, and a process may raise any of its threads' without
 * privilege: os.setPriority given the thread's id. Where there is no /proc (not Linux) nothing is
 * done.
 */
export const WORKER_NICE = 10;

/**
 * Starts a worker (`start` calls `new Worker`, which makes its thread before it returns) and puts the
 * new thread below the main thread at once, before Node has set the thread up: that set-up took 34-47
 * ms of CPU here, and a worker's entry imports pdfkit and fontkit before its first line runs (0.2-0.3
 * s). Lowered from inside, by its first line, the report's drawing thread did both at the main
 * thread's priority as an export began, the hashing thread the first, and the 1 GiB export's main
 * thread waited for a core 12-31 ms at a time at about 1 s in, in 5 runs of 5; lowered here, never
 * over 12 (5 runs, alternated).
 *
 * The new thread is the one listed after `start` and not before: this thread made it. Only a thread
 * another one started in that millisecond (a helper of Node's, or in the app of Chromium's pool)
 * could be listed with it, and would then run below the main thread as the workers do.
 */
export function startBelowMainThread(start: () => Worker): Worker {
  const before = threadIds();
  const worker = start();
  if (before)
    for (const tid of threadIds() ?? [])
      if (!before.has(tid))
        try {
          setPriority(Number(tid), WORKER_NICE);
        } catch {
          // ended already
        }
  return worker;
}

function threadIds(): Set<string> | null {
  try {
    return new Set(readdirSync('/proc/self/task'));
  } catch {
    return null; // not Linux: the scheduler's own order
  }
}

/**
 * The same from inside, as CommonJS source a worker evaluated from a string runs before its own code:
 * for a worker a library starts itself (tesseract.js's, ocr.ts).
 */
export const BELOW_MAIN_THREAD_SOURCE = `try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  require('node:os').setPriority(tid, ${WORKER_NICE});
} catch {}
`;
