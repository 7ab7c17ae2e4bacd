import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { randomBytes } from 'node:crypto';

/** Wall time of fn in milliseconds. */
export async function time(fn: () => unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** `openssl dgst -<algorithm>` over the same files: what this CPU does for the same hashing. */
export async function opensslMs(files: string[], algorithm: 'sha256' | 'sha512'): Promise<number> {
  return time(() => {
    for (let i = 0; i < files.length; i += 200)
      execFileSync('openssl', ['dgst', `-${algorithm}`, ...files.slice(i, i + 200)], { stdio: 'ignore' });
  });
}

/** The baseline every benchmark is measured against: `openssl dgst -sha256` over the same files. */
export async function opensslSha256Ms(files: string[]): Promise<number> {
  return opensslMs(files, 'sha256');
}

/** `dd if=/dev/zero bs=1M count=<MiB> conv=fsync` into `dir`: what this disk does for a durable write of that size. */
export async function ddFsyncMs(bytes: number, dir: string): Promise<number> {
  const target = join(dir, 'dd-baseline.bin');
  try {
    return await time(() =>
      execFileSync(
        'dd',
        ['if=/dev/zero', `of=${target}`, 'bs=1M', `count=${Math.ceil(bytes / 1048576)}`, 'conv=fsync'],
        {
          stdio: 'ignore',
        },
      ),
    );
  } finally {
    rmSync(target, { force: true });
  }
}

/** The three baselines the issue names for a payload, each measured twice (the first warms the page cache). */
export async function hardwareBaselines(
  files: string[],
  bytes: number,
  dir: string,
): Promise<{ sha256: number; sha512: number; dd: number }> {
  await opensslMs(files, 'sha256');
  const sha256 = await opensslMs(files, 'sha256');
  const sha512 = await opensslMs(files, 'sha512');
  const dd = await ddFsyncMs(bytes, dir);
  return { sha256, sha512, dd };
}

/** The baselines as the benches print them, with throughput. */
export function printBaselines(b: { sha256: number; sha512: number; dd: number }, bytes: number): void {
  console.log(`openssl dgst -sha256     ${b.sha256.toFixed(0)} ms (${mibPerSecond(bytes, b.sha256)})   baseline`);
  console.log(`openssl dgst -sha512     ${b.sha512.toFixed(0)} ms (${mibPerSecond(bytes, b.sha512)})   baseline`);
  console.log(`dd … conv=fsync          ${b.dd.toFixed(0)} ms (${mibPerSecond(bytes, b.dd)})   baseline (the disk)`);
}

export function writeRandomFile(path: string, bytes: number): void {
  const fd = openSync(path, 'w');
  const block = randomBytes(4 * 1024 * 1024);
  for (let done = 0; done < bytes; done += block.length) writeSync(fd, block, 0, Math.min(block.length, bytes - done));
  closeSync(fd);
}

/**
 * Writes back every dirty page (sync(1)) so a measurement starts on a quiet disk: an input file
 * written just before is otherwise flushed by the kernel 30 s later, in the middle of whatever runs then.
 */
export function settleDisk(): void {
  spawnSync('sync');
}

/** Samples RSS while work runs; returns the peak in MiB. */
export function peakRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024);
    },
  };
}

export function mibPerSecond(bytes: number, ms: number): string {
  return `${(bytes / 1024 / 1024 / (ms / 1000)).toFixed(0)} MiB/s`;
}

export function ratio(ms: number, baselineMs: number): string {
  return `${(ms / baselineMs).toFixed(2)}×`;
}

/** The median wall time of `runs` runs of fn, for steps of a few milliseconds where one run is noise. */
export async function medianMs(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await time(fn));
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** The machine's load averages (1, 5, 15 min): a stall or a time measured on a busy machine says so. */
export function loadText(): string {
  return loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
}
