// Preloaded into a process the benchmark times (`node --import ./tests/bench/_process-probe.mjs …`):
// at exit it prints, on stderr, one `BENCH {json}` line: how long start-up took (process start until
// the command's work began, the `jejak:work` mark set by electron/cli/command.ts), the longest time
// the main thread could not answer anything during start-up and during the work, each stall over
// JEJAK_PROBE_REPORT_MS (default 50) with when it began (ms since process start), and peak RSS.
// For what ran in a stall, run the same command with `--cpu-prof` and look at that moment.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers';
import process from 'node:process';
import { isMainThread } from 'node:worker_threads';

const TICK_MS = 2;
const REPORT_MS = Number(process.env.JEJAK_PROBE_REPORT_MS ?? 50);

// workers inherit the preload; only the main thread's stalls count
if (isMainThread) probeMainThread();

function probeMainThread() {
  // A timer re-armed on every tick: a gap longer than its period is time the thread was busy.
  // performance.now() counts from process start, so each stall says when it began.
  const stalls = [];
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    const ms = now - last - TICK_MS;
    if (ms > 1) stalls.push({ atMs: last, ms });
    last = now;
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
        })),
      maxRssMiB: peakRssMiB(),
      // process start on the monotonic clock V8's --cpu-prof timestamps use (scripts/stall-profile.mjs)
      originUs: Math.round(Number(process.hrtime.bigint() / 1000n) - end * 1000),
    };
    process.stderr.write(`\nBENCH ${JSON.stringify(probe)}\n`);
  });
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
