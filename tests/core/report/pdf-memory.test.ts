import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * The largest live heap the drawing of a report of `items` items adds to its data's own, in bytes (a
 * child process with gc exposed).
 */
function drawingPeak(items: number): number {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'tests/core/report/pdf-heap-child.ts', String(items)],
    { encoding: 'utf8' },
  );
  const { peak, before } = JSON.parse(out) as { peak: number; before: number };
  return peak - before;
}

describe('report PDF memory', () => {
  // Each page is written as soon as the next begins, its footer ("page X of Y") drawn at the end in
  // a stream of its own. The drawing holds about 0.5 kB more an item from 100 to 1,000 items; with
  // every page waiting for its footer it held 5.4 kB more, and kept as pdfkit writes them, one small
  // array per operator, 88 kB. A peak sampled between chunks moves by a few hundred kB from run to
  // run, so the two sizes are far apart: over 300 items that noise alone read as 2.1 kB an item.
  it('holds well under a kB of heap per item as the pages are drawn', { timeout: 180_000 }, () => {
    const small = drawingPeak(100);
    const large = drawingPeak(1000);
    const perItem = (large - small) / 900;
    expect(perItem).toBeLessThan(2 * 1024);
  });
});
