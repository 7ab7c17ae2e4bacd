// Preloaded into a process the benchmark times (`node --import ./tests/bench/_process-probe.mjs …`):
// at exit it prints, on stderr, one `BENCH {json}` line: how long start-up took (process start until
// the command's work began, the `jejak:work` mark set by electron/cli/command.ts), the longest time
// the main thread could not answer anything during start-up and during the work, each stall over
// JEJAK_PROBE_REPORT_MS (default 50) with when it began (ms since process start), and peak RSS.
// Each reported stall says where its time went: on the CPU, waiting for a core (the thread runnable
// but another thread or process on both cores), the CPUs taken by the hypervisor, and how much of it
// was the garbage collector; the rest the thread was asleep (a system call, a lock, the disk). With
// JEJAK_PROBE_WATCH=1 each also names the calls the thread slept in (tests/bench/_syscall-watch.mjs). For
// what ran in a stall, run the same command with `--cpu-prof` and look at that moment
// (scripts/stall-profile.mjs).
import { openSync, readFileSync, readSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { availableParallelism } from 'node:os';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers';
import process from 'node:process';
import { isMainThread } from 'node:worker_threads';
import { watchMainThreadCalls } from './_syscall-watch.mjs';

const TICK_MS = 2;
const REPORT_MS = Number(process.env.JEJAK_PROBE_REPORT_MS ?? 50);

// workers inherit the preload; only the main thread's stalls count
if (isMainThread) probeMainThread();

function probeMainThread() {
  // A timer re-armed on every tick: a gap longer than its period is time the thread was busy.
  // performance.now() counts from process start, so each stall says when it began.
  const stalls = [];
  const schedule = threadSchedule();
  const gcs = garbageCollections();
  const calls = process.env.JEJAK_PROBE_WATCH === '1' ? watchMainThreadCalls() : null;
  let last = performance.now();
  let lastSchedule = schedule.read();
  const tick = () => {
    const now = performance.now();
    const nowSchedule = schedule.read();
    const ms = now - last - TICK_MS;
    if (ms > 1) stalls.push({ atMs: last, ms, ...(ms > REPORT_MS && schedule.between(lastSchedule, nowSchedule)) });
    last = now;
    lastSchedule = nowSchedule;
    setTimeout(tick, TICK_MS).unref();
  };
  setTimeout(tick, TICK_MS).unref();

  process.on('exit', () => {
    const end = performance.now();
    if (end - last > TICK_MS + 1) stalls.push({ atMs: last, ms: end - last - TICK_MS });
    const work = performance.getEntriesByName('jejak:work')[0]?.startTime;
    const startupMs = work ?? end;
    const longest = (xs) => Math.round(xs.reduce((m, s) => Math.max(m, s.ms), 0));
    const inStartup = stalls.filter((s) => s.atMs < startupMs);
    const inWork = stalls.filter((s) => s.atMs >= startupMs);
    const probe = {
      startupMs: Math.round(startupMs),
      startupStallMs: longest(inStartup),
      workStallMs: work === undefined ? null : longest(inWork),
      stallMs: longest(stalls),
      stalls: stalls
        .filter((s) => s.ms > REPORT_MS)
        .map((s) => ({
          atMs: Math.round(s.atMs),
          ms: Math.round(s.ms),
          in: s.atMs < startupMs ? 'startup' : 'work',
          ...(s.onCpuMs !== undefined && { onCpuMs: s.onCpuMs, waitingMs: s.waitingMs, stolenMs: s.stolenMs }),
          gcMs: gcs.within(s.atMs, s.atMs + s.ms + TICK_MS),
          ...(calls && { calls: calls.during(s.atMs, s.atMs + s.ms + TICK_MS) }),
        })),
      maxRssMiB: peakRssMiB(),
      // process start on the monotonic clock V8's --cpu-prof timestamps use (scripts/stall-profile.mjs)
      originUs: Math.round(Number(process.hrtime.bigint() / 1000n) - end * 1000),
    };
    process.stderr.write(`\nBENCH ${JSON.stringify(probe)}\n`);
  });
}

/**
 * This thread's time on a CPU and waiting in the run queue for one, from the kernel's schedstat, and
 * the time the machine's CPUs were taken by the hypervisor (steal, in /proc/stat: a virtual machine's
 * cores are threads on its host, which may run something else): Linux only, elsewhere nothing. Each
 * tick reads both, about 12 µs. A runnable thread counts the host's time as waiting too; what a
 * stall spent neither on a CPU nor waiting for one, the thread was asleep (a system call, a lock),
 * or its timer was late because the host held the CPUs.
 */
function threadSchedule() {
  let files;
  try {
    files = [openSync('/proc/thread-self/schedstat', 'r'), openSync('/proc/stat', 'r')];
  } catch {
    return { read: () => undefined, between: () => ({}) };
  }
  // two buffers per file in turn: the last tick's reading is still needed when the next is taken
  const buffers = files.map(() => [Buffer.alloc(256), Buffer.alloc(256)]);
  let next = 0;
  const read = () => {
    next ^= 1;
    return files.map((fd, i) => buffers[i][next].subarray(0, readSync(fd, buffers[i][next], 0, 256, 0)));
  };
  const numbers = (bytes) => bytes.toString('latin1').split('\n')[0].split(/ +/);
  // schedstat: ns on a CPU, ns waiting; /proc/stat's first line: "cpu" and its times in 1/100 s, steal the 8th
  const times = ([schedstat, stat]) => {
    const [cpuNs, waitNs] = numbers(schedstat).map(Number);
    return { cpuNs, waitNs, stealMs: Number(numbers(stat)[8]) * 10 };
  };
  const between = (from, to) => {
    const [a, b] = [times(from), times(to)];
    return {
      onCpuMs: Math.round((b.cpuNs - a.cpuNs) / 1e6),
      waitingMs: Math.round((b.waitNs - a.waitNs) / 1e6),
      // per CPU: what the stall's thread could have run on
      stolenMs: Math.round((b.stealMs - a.stealMs) / availableParallelism()),
    };
  };
  return { read, between };
}

/** Every collection of this thread's heap over 1 ms, by when it ran; within() sums those in a window. */
function garbageCollections() {
  const runs = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.duration > 1) runs.push({ from: e.startTime, to: e.startTime + e.duration });
  }).observe({ entryTypes: ['gc'] });
  const within = (from, to) =>
    Math.round(runs.reduce((ms, r) => ms + Math.max(0, Math.min(to, r.to) - Math.max(from, r.from)), 0));
  return { within };
}

/**
 * This process's own peak RSS. Not getrusage's maxRSS: Linux carries that over fork and exec, so a
 * command spawned by a large parent (the bench itself, a few hundred MiB by then) reported the
 * parent's size as its own. VmHWM is the high-water mark of this program's memory, reset at exec.
 */
function peakRssMiB() {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Math.round(Number(kb) / 1024);
  } catch {
    // not Linux: getrusage's figure, with the caveat above
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
