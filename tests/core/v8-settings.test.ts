import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const module = fileURLToPath(new URL('../../electron/core/v8-settings.ts', import.meta.url));

/** Runs `script` (an ES module that may import the settings from `module`) in a fresh process: its stdout. */
function runFresh(script: string, nodeFlags: string[] = []): string {
  const run = spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

/**
 * A fresh process (V8's settings are the whole process's) that keeps a third of what it makes, as
 * an export building its report does: how many MiB its young generation grew by meanwhile.
 */
function youngGenerationGrowthMiB(bounded: boolean): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    import { boundHeapGrowth } from ${JSON.stringify(module)};
    const youngMiB = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576;
    if (${bounded}) boundHeapGrowth();
    const before = youngMiB();
    let kept = [];
    for (let i = 0; i < 3e6; i++) {
      const item = { seq: i, path: 'evidence/' + i };
      if (i % 3 === 0) kept.push(item);
      if (kept.length > 2e5) kept = [];
    }
    console.log(youngMiB() - before);
  `;
  return Number(runFresh(script).trim());
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
    runFresh(script, ['--trace-opt']).match(/compiling method \S+ <JSFunction hot .*\(target TURBOFAN\)/g)?.length ?? 0
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
    expect(youngGenerationGrowthMiB(false)).toBeGreaterThanOrEqual(8);
    expect(youngGenerationGrowthMiB(true)).toBe(0);
  }, 30_000);
});
