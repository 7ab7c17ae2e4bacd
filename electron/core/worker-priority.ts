/**
 * Every worker thread runs below the main thread's priority. The main thread answers the window
 * (its event loop, the IPC): on two cores with two workers busy hashing or drawing, it waited for a
 * core 16-39 ms at a time during a 1 GiB export, and 54 ms once (the stall probe's run-queue time,
 * tests/bench/_process-probe.mjs). A nice of 10 gives a worker about a tenth of a core's share
 * against the main thread when both want one, and all of an idle core.
 *
 * CommonJS source a worker runs before its own code. Linux keeps a nice value per thread, and a
 * thread may lower its own without privilege: os.setPriority given the thread's id. Where there is
 * no /proc/thread-self (not Linux) it does nothing.
 */
export const WORKER_NICE = 10;

export const BELOW_MAIN_THREAD_SOURCE = `try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  require('node:os').setPriority(tid, ${WORKER_NICE});
} catch {}
`;
