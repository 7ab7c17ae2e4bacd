// What the main thread sat in, for the stall probe (tests/bench/_process-probe.mjs) when JEJAK_PROBE_WATCH=1:
// a thread that reads, every millisecond, the kernel's view of the main thread (/proc/<pid>/task/<pid>/{stat,
// syscall,wchan}) and keeps every stretch of WATCH_MIN_MS or more spent asleep in one system call, or blocked
// outside one (a page fault): when, how long, the call, its file, the thread's state and where the kernel had it
// wait. A stall with the thread neither on a CPU nor waiting for one (an fsync of the database's log behind a busy
// disk, a lock another thread held) is then named where it happened, in the bench's own runs.
// Off by default: the thread takes a few percent of a core and its heap about 20 MiB (the probe's peak RSS counts
// it: a 1 GiB export's 145-150 MiB read 164-180 watched), which the bench would otherwise measure. Linux only.
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import process from 'node:process';

/** Stretches shorter than this are not kept: a stall the probe reports is 50 ms or more by default. */
const WATCH_MIN_MS = 5;

const WATCHER_SOURCE = `
const { readFileSync, readlinkSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
const { pid, port, minMs, x64 } = workerData;
const task = '/proc/' + pid + '/task/' + pid + '/';
// x86-64's numbers for the calls a stall is likely made of; elsewhere the number alone
const NAMES = x64 ? { 0: 'read', 1: 'write', 3: 'close', 7: 'poll', 9: 'mmap', 10: 'mprotect', 11: 'munmap', 12: 'brk',
  17: 'pread64', 18: 'pwrite64', 19: 'readv', 20: 'writev', 28: 'madvise', 35: 'nanosleep', 72: 'fcntl', 74: 'fsync',
  75: 'fdatasync', 77: 'ftruncate', 82: 'rename', 87: 'unlink', 202: 'futex', 230: 'clock_nanosleep',
  232: 'epoll_wait', 257: 'openat', 262: 'newfstatat', 281: 'epoll_pwait', 295: 'preadv', 296: 'pwritev' } : {};
const FD_CALLS = new Set(x64 ? [0, 1, 3, 17, 18, 19, 20, 72, 74, 75, 77, 295, 296] : []);
let current = null;
const end = (now) => {
  if (current && now - current.since >= minMs) {
    // where in the kernel it waited longest (an fsync first waits for pages, then for the disk)
    const wchan = [...current.waits].sort((a, b) => b[1] - a[1])[0][0];
    port.postMessage({ atAbsMs: current.since, ms: now - current.since, ...current.what, wchan });
  }
  current = null;
};
setInterval(() => {
  let stat, syscall, wchan;
  try {
    stat = readFileSync(task + 'stat', 'latin1');
    syscall = readFileSync(task + 'syscall', 'latin1').trim();
    wchan = readFileSync(task + 'wchan', 'latin1');
  } catch {
    return; // the main thread has gone
  }
  const now = performance.timeOrigin + performance.now();
  const state = stat.charAt(stat.lastIndexOf(')') + 2);
  if (syscall === 'running' || state === 'R') return end(now);
  const [nr, ...args] = syscall.split(' ');
  const key = state + ' ' + nr + ' ' + args[0] + ' ' + args[1];
  if (current && current.key === key) {
    current.waits.set(wchan, (current.waits.get(wchan) ?? 0) + 1);
    return;
  }
  end(now);
  const number = Number(nr);
  let file = '';
  if (FD_CALLS.has(number))
    try {
      file = readlinkSync('/proc/' + pid + '/fd/' + parseInt(args[0], 16));
    } catch {}
  const call = number === -1 ? 'none (blocked outside a call)' : NAMES[number] ?? 'syscall ' + nr;
  let detail = '';
  // the event loop's wait for its next event or timer: for how long it asked to sleep
  if (x64 && (number === 232 || number === 281)) detail = 'timeout ' + (parseInt(args[3], 16) | 0) + ' ms';
  // a lock's or condition's address: a static one names itself in \`nm\` of the node binary (libuv's pool, its loop)
  if (x64 && number === 202) detail = args[0];
  current = { key, since: now, what: { call, detail, file, state }, waits: new Map([[wchan, 1]]) };
}, 1);
`;

/**
 * Starts the watching thread; null where /proc cannot show the main thread's calls. `during(fromMs, toMs)`
 * lists the longest three stretches within that window (ms since this process started, as the probe counts), each
 * with the part of it inside the window.
 */
export function watchMainThreadCalls() {
  if (process.platform !== 'linux') return null;
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WATCHER_SOURCE, {
    eval: true,
    execArgv: [], // not the probe again
    workerData: { pid: process.pid, port: port2, minMs: WATCH_MIN_MS, x64: process.arch === 'x64' },
    transferList: [port2],
  });
  worker.unref();
  port1.unref();
  const stretches = [];
  const drain = () => {
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
      const { atAbsMs, ...what } = m.message;
      stretches.push({ atMs: atAbsMs - performance.timeOrigin, ...what });
    }
  };
  // each stretch's part inside the window: one that ended as a stall began (the loop's idle wait) is no part of it
  const during = (fromMs, toMs) => {
    drain();
    return stretches
      .map((s) => ({ ...s, ms: Math.min(toMs, s.atMs + s.ms) - Math.max(fromMs, s.atMs) }))
      .filter((s) => s.ms >= WATCH_MIN_MS)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3)
      .map((s) => ({ ...s, atMs: Math.round(s.atMs), ms: Math.round(s.ms), wchan: s.wchan || undefined }));
  };
  return { during };
}
