import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const module = fileURLToPath(new URL('../../electron/core/v8-settings.ts', import.meta.url));

/** Runs `script` (an ES module that may import the settings from `module`) in a fresh process: its output. */
function runFresh(script: string, nodeFlags: string[] = []): { stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return { stdout: run.stdout, stderr: run.stderr };
}

type Setting = 'none' | 'bounded' | 'bounded, then a worker started' | 'bounded, then a worker started and kept';

/**
 * A fresh process (V8's settings are the whole process's) that keeps a third of what it makes, as
 * an export building its report does: how many MiB its young generation grew by meanwhile.
 */
function youngGenerationGrowthMiB(setting: Setting): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    import { Worker } from 'node:worker_threads';
    import { boundHeapGrowth, heapBoundsKept, keepHeapBoundsOnce } from ${JSON.stringify(module)};
    const youngMiB = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576;
    const setting = ${JSON.stringify(setting)};
    if (setting !== 'none') boundHeapGrowth();
    if (setting.includes('worker')) {
      const worker = new Worker('setTimeout(() => {}, 60000)', { eval: true });
      if (setting.endsWith('kept')) keepHeapBoundsOnce(worker);
      await new Promise((online) => worker.once('online', online));
      await heapBoundsKept();
      worker.unref();
    }
    const before = youngMiB();
    let kept = [];
    for (let i = 0; i < 3e6; i++) {
      const item = { seq: i, path: 'evidence/' + i };
      if (i % 3 === 0) kept.push(item);
      if (kept.length > 2e5) kept = [];
    }
    console.log(youngMiB() - before);
  `;
  return Number(runFresh(script).stdout.trim());
}

/** The young generation (both halves, in MiB) of a worker started in a fresh process after boundHeapGrowth. */
function workerYoungGenerationMiB(): number {
  const script = `
    import { Worker } from 'node:worker_threads';
    import { boundHeapGrowth, keepHeapBoundsOnce } from ${JSON.stringify(module)};
    boundHeapGrowth();
    const source = "const v8 = require('node:v8'); require('node:worker_threads').parentPort.postMessage(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576);";
    const worker = keepHeapBoundsOnce(new Worker(source, { eval: true, execArgv: [] }));
    worker.once('message', (mib) => { console.log(mib); worker.terminate(); });
  `;
  return Number(runFresh(script).stdout.trim());
}

/** How many times V8 says (--trace-opt) it compiled the hot function `hot` with its optimizing compiler. */
function optimizedCompiles(skipped: boolean): number {
  const script = `
    import { skipOptimizingCompiler } from ${JSON.stringify(module)};
    if (${skipped}) skipOptimizingCompiler();
    const hot = (x) => (x * 31 + 7) % 1000003;
    let s = 0;
    for (let i = 0; i < 2e7; i++) s = hot(s + i);
    console.log(s);
  `;
  return (
    runFresh(script, ['--trace-opt']).stdout.match(/compiling method \S+ <JSFunction hot .*\(target TURBOFAN\)/g)
      ?.length ?? 0
  );
}

describe('skipOptimizingCompiler (a short verify leaves both cores to the hashing)', () => {
  it('stops V8 compiling hot functions with its optimizing compiler', () => {
    expect(optimizedCompiles(false)).toBeGreaterThan(0);
    expect(optimizedCompiles(true)).toBe(0);
  }, 30_000);
});

describe('boundHeapGrowth (the heaps kept near what they hold)', () => {
  it("keeps a busy thread's young generation at the size it had, where V8 alone grows it", () => {
    expect(youngGenerationGrowthMiB('none')).toBeGreaterThanOrEqual(8);
    expect(youngGenerationGrowthMiB('bounded')).toBe(0);
  }, 30_000);

  it('keeps it so once a worker thread has started, which V8 undoes unless it is set again', () => {
    expect(youngGenerationGrowthMiB('bounded, then a worker started')).toBeGreaterThanOrEqual(8);
    expect(youngGenerationGrowthMiB('bounded, then a worker started and kept')).toBe(0);
  }, 30_000);

  it('gives a worker started after it a young generation of 2 MiB a half, from the start', () => {
    expect(workerYoungGenerationMiB()).toBe(4);
  }, 30_000);
});

/**
 * A fresh process whose thread held 60 MB of objects, let go of them and then worked on for 300 ms
 * making a little (as an export streams its evidence): its heap (MiB) before and after, given back or not.
 */
function heapAfterLettingGo(givenBack: boolean): { held: number; after: number } {
  const script = `
    import { getHeapStatistics } from 'node:v8';
    import { boundHeapGrowth, giveBackHeap } from ${JSON.stringify(module)};
    boundHeapGrowth();
    const heapMiB = () => getHeapStatistics().total_heap_size / 1048576;
    let kept = Array.from({ length: 400000 }, (_, i) => ({ seq: i, path: 'evidence/' + i, sha256: String(i).repeat(8) }));
    // collected while all of it is live: no collection under way when it is let go, in either run
    gc();
    const held = heapMiB();
    kept = null;
    if (${givenBack}) await giveBackHeap();
    const until = Date.now() + 300;
    let made = [];
    while (Date.now() < until) {
      made.push({ at: Date.now() });
      if (made.length > 1000) made = [];
      await new Promise((resolve) => setImmediate(resolve));
    }
    console.log(JSON.stringify({ held, after: heapMiB() }));
  `;
  return JSON.parse(runFresh(script, ['--expose-gc']).stdout) as { held: number; after: number };
}

describe('giveBackHeap (a heap shrunk once what it held is let go)', () => {
  it('gives back what a thread let go of, which V8 alone keeps while the thread works on', () => {
    const kept = heapAfterLettingGo(false);
    const givenBack = heapAfterLettingGo(true);
    expect(kept.held).toBeGreaterThan(50);
    expect(kept.after).toBeGreaterThan(kept.held - 10);
    expect(givenBack.after).toBeLessThan(givenBack.held / 2);
  }, 30_000);
});

interface Collection {
  /** a full collection ran */
  major: boolean;
  /** it was V8's own, in steps, not one forced in a single pause (V8's `gc`) */
  forced: boolean;
  /** what the process wrote on stderr */
  stderr: string;
}

/** A fresh process holding `liveMiB` of objects awaits giveBackHeapIfLarge: the full collections it made. */
function collectionAtHeldMiB(liveMiB: number): Collection {
  const script = `
    import { PerformanceObserver, constants } from 'node:perf_hooks';
    import { giveBackHeapIfLarge } from ${JSON.stringify(module)};
    const kept = Array.from({ length: ${liveMiB} * 6000 }, (_, i) => ({ seq: i, path: 'evidence/' + i }));
    const majors = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors.push(e);
    });
    observer.observe({ entryTypes: ['gc'] });
    await new Promise((r) => setTimeout(r, 50)); // collections the allocation itself started are reported first
    const called = performance.now();
    await giveBackHeapIfLarge();
    await new Promise((r) => setTimeout(r, 50));
    observer.disconnect();
    const gc = majors.find((e) => e.startTime >= called);
    console.log(JSON.stringify({
      major: gc !== undefined,
      forced: gc !== undefined && (gc.detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) !== 0,
      held: kept.length,
    }));
  `;
  const run = runFresh(script);
  return { ...(JSON.parse(run.stdout) as Omit<Collection, 'stderr'>), stderr: run.stderr };
}

describe('giveBackHeapIfLarge (a collection only where it gives back much)', () => {
  it("collects a heap grown past 32 MiB with V8's collection in steps, silently, and leaves a small one alone", () => {
    expect(collectionAtHeldMiB(60)).toEqual({ major: true, forced: false, held: 360_000, stderr: '' });
    expect(collectionAtHeldMiB(1).major).toBe(false);
  }, 30_000);
});
