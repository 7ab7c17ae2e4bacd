// Runs one `jejak` command through bin/jejak.js from the built bundle (what the installers ship) and times the whole
// process, with its longest main-thread stall and peak RSS from tests/bench/_process-probe.mjs.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface CliStep {
  ms: number;
  maxRssMiB: number;
  stallMs: number;
  exitCode: number;
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
  return { ms, exitCode, ...(JSON.parse(probe) as { stallMs: number; maxRssMiB: number }) };
}
