import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The bench's stall probe (tests/bench/_process-probe.mjs) on a process whose main thread sleeps 150 ms in a
// futex (Atomics.wait) once its work has begun: the stall is reported, and with JEJAK_PROBE_WATCH=1 the call
// it slept in is named.
const SLEEPS_IN_A_FUTEX = `
performance.mark('jejak:work');
setTimeout(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 150), 50);
setTimeout(() => {}, 400);
`;

interface ProbedStall {
  ms: number;
  in: 'startup' | 'work';
  calls?: Array<{ ms: number; call: string; detail: string; state: string }>;
}

/** The longest stall in the work (start-up, on a loaded machine, may have its own over 50 ms). */
function longestStall(env: Record<string, string>): ProbedStall {
  const run = spawnSync(
    process.execPath,
    ['--import', './tests/bench/_process-probe.mjs', '--input-type=module', '-e', SLEEPS_IN_A_FUTEX],
    { encoding: 'utf8', env: { ...process.env, ...env } },
  );
  expect(run.status, run.stderr).toBe(0);
  const line = /BENCH (\{.*\})/.exec(run.stderr)?.[1];
  expect(line, run.stderr).toBeDefined();
  const { stalls } = JSON.parse(line!) as { stalls: ProbedStall[] };
  const work = stalls.filter((s) => s.in === 'work').sort((a, b) => b.ms - a.ms);
  expect(work.length, run.stderr).toBeGreaterThan(0);
  return work[0]!;
}

describe.runIf(process.platform === 'linux')('the stall probe', () => {
  it('names the system call a stall slept in when watching', () => {
    const stall = longestStall({ JEJAK_PROBE_WATCH: '1' });
    expect(stall.ms).toBeGreaterThanOrEqual(140);
    const futex = stall.calls?.find((c) => c.call === (process.arch === 'x64' ? 'futex' : 'syscall 98'));
    expect(futex, JSON.stringify(stall)).toBeDefined();
    // the watcher samples every millisecond; on a loaded machine its first look may come late
    expect(futex!.ms).toBeGreaterThanOrEqual(50);
    expect(futex!.state).toBe('S');
  });

  it('reports the stall without naming calls when not watching', () => {
    const stall = longestStall({ JEJAK_PROBE_WATCH: '' });
    expect(stall.ms).toBeGreaterThanOrEqual(140);
    expect(stall.calls).toBeUndefined();
  });
});
