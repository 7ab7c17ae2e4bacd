import { execFileSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

/** Wall time of fn in milliseconds. */
export async function time(fn: () => unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** The baseline every benchmark is measured against: `openssl dgst -sha256` over the same files. */
export async function opensslSha256Ms(files: string[]): Promise<number> {
  return time(() => {
    for (let i = 0; i < files.length; i += 200)
      execFileSync('openssl', ['dgst', '-sha256', ...files.slice(i, i + 200)], { stdio: 'ignore' });
  });
}

export function writeRandomFile(path: string, bytes: number): void {
  const fd = openSync(path, 'w');
  const block = randomBytes(4 * 1024 * 1024);
  for (let done = 0; done < bytes; done += block.length) writeSync(fd, block, 0, Math.min(block.length, bytes - done));
  closeSync(fd);
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
