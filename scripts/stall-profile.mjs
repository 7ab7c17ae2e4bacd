// Says what ran in each main-thread stall of a command: runs it under tests/bench/_process-probe.mjs
// with --cpu-prof, then for each stall the probe reports (over JEJAK_PROBE_REPORT_MS, default 50) prints
// the functions that spent the most time in it (self time, with the caller that reached them).
//   node scripts/stall-profile.mjs [--keep DIR] -- bin/jejak.js --vault V case export REF --out F.zip
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const args = process.argv.slice(2);
const split = args.indexOf('--');
if (split < 0) {
  console.error('usage: node scripts/stall-profile.mjs [--keep DIR] -- SCRIPT ARGS…');
  process.exit(2);
}
const keep = args.indexOf('--keep') >= 0 ? args[args.indexOf('--keep') + 1] : undefined;
const dir = keep ?? mkdtempSync(join(tmpdir(), 'jejak-stall-profile-'));
const run = spawnSync(
  process.execPath,
  ['--cpu-prof', '--cpu-prof-dir', dir, '--import', './tests/bench/_process-probe.mjs', ...args.slice(split + 1)],
  { encoding: 'utf8', stdio: ['inherit', 'inherit', 'pipe'] },
);
const line = /BENCH (\{.*\})/.exec(run.stderr ?? '')?.[1];
if (!line) {
  console.error(run.stderr);
  process.exit(1);
}
const probe = JSON.parse(line);
const { stalls, originUs, ...summary } = probe;
console.log(`exit ${run.status}; ${JSON.stringify(summary)}`);

// the main thread's profile: CPU.<date>.<time>.<pid>.<thread 0>.<seq>.cpuprofile
const mainFile = readdirSync(dir).find((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f));
const profile = JSON.parse(readFileSync(join(dir, mainFile), 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// bundled frames (out/…) are named by their source file and line, through the bundle's source map
const maps = new Map();
const sourceMapOf = (path) => {
  if (!maps.has(path)) {
    const file = `${path}.map`;
    maps.set(path, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : null);
  }
  return maps.get(path);
};
const where = (n) => {
  const f = n.callFrame;
  const path = f.url.replace(/^file:\/\//, '');
  let file = path ? relative(process.cwd(), path) : '';
  let line = f.lineNumber + 1;
  const entry = file.startsWith('out/') ? sourceMapOf(path)?.findEntry(f.lineNumber, f.columnNumber) : undefined;
  if (entry?.originalSource) {
    file = relative(process.cwd(), resolve(dirname(path), entry.originalSource.replace(/^file:\/\//, '')));
    line = entry.originalLine + 1;
  }
  return `${f.functionName || '(anonymous)'} ${file}${file ? `:${line}` : ''}`;
};
// the innermost frame outside node_modules and node internals says which of our code was running
const ourCaller = (id) => {
  for (let p = id; p !== undefined; p = parent.get(p)) {
    const url = nodes.get(p).callFrame.url;
    if (url && !url.includes('node_modules') && !url.startsWith('node:')) return where(nodes.get(p));
  }
  return '';
};

let t = profile.startTime;
const samples = profile.samples.map((id, i) => ({ id, at: (t += profile.timeDeltas[i]) }));
for (const stall of stalls) {
  const from = originUs + stall.atMs * 1000;
  const to = from + (stall.ms + 2) * 1000;
  const self = new Map();
  const byOurs = new Map();
  let total = 0;
  for (let i = 0; i < samples.length - 1; i++) {
    const { id, at } = samples[i];
    if (at < from || at > to) continue;
    const us = samples[i + 1].at - at;
    const key = `${where(nodes.get(id))}  ← ${ourCaller(id)}`;
    self.set(key, (self.get(key) ?? 0) + us);
    const ours = ourCaller(id) || where(nodes.get(id));
    byOurs.set(ours, (byOurs.get(ours) ?? 0) + us);
    total += us;
  }
  const times =
    stall.onCpuMs === undefined
      ? ''
      : `on a CPU ${stall.onCpuMs} ms, waiting for one ${stall.waitingMs} ms; the host took the CPUs ${stall.stolenMs} ms; `;
  console.log(
    `\nstall at ${stall.atMs} ms, ${stall.ms} ms (${stall.in}; ${times}GC ${stall.gcMs} ms); ${(total / 1000).toFixed(0)} ms sampled:`,
  );
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log('  by our innermost frame:');
  for (const [key, us] of top(byOurs, 8)) console.log(`  ${(us / 1000).toFixed(1).padStart(6)} ms  ${key}`);
  console.log('  by function (self time) ← our innermost frame:');
  for (const [key, us] of top(self, 10)) console.log(`  ${(us / 1000).toFixed(1).padStart(6)} ms  ${key}`);
}
if (!keep) rmSync(dir, { recursive: true, force: true });
