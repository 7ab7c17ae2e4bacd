// Preloaded into a process the benchmark times (`node --import ./tests/bench/_process-probe.mjs …`):
// at exit it prints, on stderr, the longest time the main thread could not answer anything and the
// process's peak RSS, as one `BENCH {json}` line.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import process from 'node:process';
import { isMainThread } from 'node:worker_threads';

// workers inherit the preload; only the main thread's stalls count
if (isMainThread) probeMainThread();

function probeMainThread() {
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  process.on('exit', () => {
    const probe = {
      stallMs: Math.round(stalls.max / 1e6),
      maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    process.stderr.write(`\nBENCH ${JSON.stringify(probe)}\n`);
  });
}
