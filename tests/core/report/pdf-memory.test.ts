import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The largest live heap while drawing a report of `items` items, in bytes (a child process with gc exposed). */
function livePeak(items: number): number {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'tests/core/report/pdf-heap-child.ts', String(items)],
    { encoding: 'utf8' },
  );
  return (JSON.parse(out) as { peak: number }).peak;
}

describe('report PDF memory', () => {
  // The drawn pages wait in memory for their footers ("page X of Y"); each must weigh about what
  // its bytes do. Kept as pdfkit writes them, one small array per drawing operator, 300 more items
  // held 25 MiB more live heap (88 kB an item); joined per page, 1.4 MiB (4.7 kB an item).
  it('keeps a few kB of heap per item while the pages wait for their footers', { timeout: 120_000 }, () => {
    const small = livePeak(100);
    const large = livePeak(400);
    const perItem = (large - small) / 300;
    expect(perItem).toBeLessThan(12 * 1024);
  });
});
