// Start-up of the `jejak` command line, whole process, against `node -e 0` measured in the same run
// and interleaved with it (so a busy machine slows both alike): --help and --version, which load no
// package, and light commands on a small vault (with the cheap test KDF, so the KDF is not what is
// timed). The CLI runs from its bundle, built first (scripts/build-cli.mjs). JEJAK_BENCH_RUNS: runs of each.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../../scripts/build-cli.mjs';
import { FAST_KDF, PASSPHRASE } from '../fixtures/temp-constants';
import { ratio } from './_measure';

const RUNS = Number(process.env.JEJAK_BENCH_RUNS ?? 20);
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

await buildCli();
const dir = mkdtempSync(join(tmpdir(), 'jejak-bench-startup-'));
try {
  const policy = join(dir, 'policy.json');
  writeFileSync(policy, JSON.stringify({ kdf: FAST_KDF, allowAnonymousVault: true }));
  const env = {
    ...process.env,
    JEJAK_POLICY: policy,
    JEJAK_PASSPHRASE: PASSPHRASE,
    JEJAK_DATA_DIR: dir,
    JEJAK_LANG: 'en',
  };
  const vault = ['--vault', join(dir, 'vault')];
  const run = (args: string[]) => {
    const started = performance.now();
    const done = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    if (done.status !== 0) throw new Error(`${args.join(' ')} exited ${done.status}: ${done.stderr}`);
    return performance.now() - started;
  };
  run(['bin/jejak.js', ...vault, 'init']);
  run(['bin/jejak.js', ...vault, 'channel', 'add', 'https://t.me/bench_startup']);
  const cases: Array<[string, string[]]> = [
    ['node -e 0', ['-e', '0']],
    ['jejak --help', ['bin/jejak.js', '--help']],
    ['jejak --version', ['bin/jejak.js', '--version']],
    ['jejak status', ['bin/jejak.js', ...vault, 'status']],
    ['jejak channel list', ['bin/jejak.js', ...vault, 'channel', 'list']],
  ];
  const times = new Map(cases.map(([name]) => [name, [] as number[]]));
  for (const [, args] of cases) run(args);
  for (let i = 0; i < RUNS; i++) for (const [name, args] of cases) times.get(name)!.push(run(args));
  const base = percentile(times.get('node -e 0')!, 50);
  for (const [name] of cases) {
    const xs = times.get(name)!;
    const median = percentile(xs, 50);
    console.log(
      `${name.padEnd(20)} median ${median.toFixed(0)} ms   p95 ${percentile(xs, 95).toFixed(0)} ms   ${name === 'node -e 0' ? 'baseline' : `${ratio(median, base)} node -e 0`}${name === 'jejak --help' ? '   aim ≤ 3×' : ''}`,
    );
  }
  console.log(
    `${RUNS} runs each, interleaved; load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
