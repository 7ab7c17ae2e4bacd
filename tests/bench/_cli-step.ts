// Runs one `jejak` command through bin/jejak.js from the built bundle (what the installers ship) and times the whole
// process, with its longest main-thread stall and peak RSS from tests/bench/_process-probe.mjs.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface CliStep {
  ms: number;
  maxRssMiB: number;
  /** process start until the command's work began (module loading, arguments, the command's code) */
  startupMs: number;
  /** the longest main-thread stall during start-up, and during the work */
  startupStallMs: number;
  workStallMs: number;
  /**
   * each stall over 50 ms: when it began (ms since process start), how long, in which part; of its time, how much
   * the thread was on a CPU and waiting for one and how much the hypervisor took the CPUs (Linux), and how much the
   * garbage collector ran
   */
  stalls: Array<Stall>;
  exitCode: number;
}

interface Stall {
  atMs: number;
  ms: number;
  in: 'startup' | 'work';
  onCpuMs?: number;
  waitingMs?: number;
  stolenMs?: number;
  gcMs: number;
  /** with JEJAK_PROBE_WATCH=1 (tests/bench/_syscall-watch.mjs): the longest calls the thread slept in meanwhile */
  calls?: Array<{ ms: number; call: string; detail: string; file: string; state: string; wchan?: string }>;
}

/**
 * "120 ms at 2210 ms (on a CPU 30, waiting for one 75; the host took the CPUs 10; GC 12)". The host's time
 * is the machine's, per CPU: a thread waiting for a core then counts it as waiting too, one asleep does not.
 * Watched (JEJAK_PROBE_WATCH=1), "…; asleep in fsync /v/jejak.db-wal 96 ms (D, submit_bio_wait)" after it.
 */
function stallWithTimes(s: Stall): string {
  const times =
    s.onCpuMs === undefined
      ? ''
      : `on a CPU ${s.onCpuMs}, waiting for one ${s.waitingMs}; the host took the CPUs ${s.stolenMs}; `;
  const calls = s.calls?.length
    ? `; asleep in ${s.calls.map((c) => `${[c.call, c.detail, c.file].filter(Boolean).join(' ')} ${c.ms} ms (${[c.state, c.wchan].filter(Boolean).join(', ')})`).join(', ')}`
    : '';
  return `${s.ms} ms at ${s.atMs} ms (${times}GC ${s.gcMs}${calls})`;
}

/**
 * "120 ms during the work (4 stalls > 50 ms: 120 ms at 2210 ms, 80 ms at 990 ms, …; start-up 640 ms, its longest
 * stall 150 ms)": the work's longest stall first, its three longest with when they began, start-up's beside it.
 */
export function stallText(step: CliStep): string {
  const work = step.stalls.filter((s) => s.in === 'work').sort((a, b) => b.ms - a.ms);
  const longest = work.slice(0, 3).map(stallWithTimes);
  const list = work.length
    ? `${work.length} ${work.length === 1 ? 'stall' : 'stalls'} > 50 ms: ${longest.join(', ')}${work.length > 3 ? ', …' : ''}; `
    : '';
  return `${step.workStallMs} ms during the work (${list}start-up ${step.startupMs} ms, its longest stall ${step.startupStallMs} ms)`;
}

export function cliStep(args: string[], env: Record<string, string> = {}, okCodes = [0]): CliStep {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ['--import', './tests/bench/_process-probe.mjs', join('bin', 'jejak.js'), ...args],
    { encoding: 'utf8', env: { ...process.env, ...env } },
  );
  const ms = performance.now() - started;
  const exitCode = run.status ?? -1;
  const probe = /BENCH (\{.*\})/.exec(run.stderr)?.[1];
  if (!okCodes.includes(exitCode) || !probe)
    throw new Error(`jejak ${args.join(' ')} exited ${exitCode}:\n${run.stdout}\n${run.stderr}`);
  return { ms, exitCode, ...(JSON.parse(probe) as Omit<CliStep, 'ms' | 'exitCode'>) };
}
