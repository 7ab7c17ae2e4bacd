import { describe, expect, it } from 'vitest';
import { mapInTurns, TurnBudget } from '../../electron/core/in-turns';

describe('mapInTurns', () => {
  it('maps every item in order, letting other work run between batches', async () => {
    const seen: string[] = [];
    setImmediate(() => seen.push('other work'));
    const out = await mapInTurns(
      Array.from({ length: 5 }, (_, i) => i),
      (i) => {
        seen.push(`item ${i}`);
        return i * 2;
      },
      2,
    );
    expect(out).toEqual([0, 2, 4, 6, 8]);
    expect(seen).toEqual(['item 0', 'item 1', 'other work', 'item 2', 'item 3', 'item 4']);
  });
});

describe('TurnBudget', () => {
  it('lets other work in once the loop has held the thread for its budget, however long each step', async () => {
    const busyFor = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    const turns = new TurnBudget(15);
    const seen: string[] = [];
    let ticking = true;
    const tick = () => {
      seen.push('other');
      if (ticking) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    for (let step = 0; step < 12; step++) {
      busyFor(step < 6 ? 5 : 8); // each at least 5 ms, then at least 8: three steps, then two, reach 15 ms
      seen.push('step');
      await turns.takeIfDue();
    }
    ticking = false;
    const runs = seen
      .join(' ')
      .split('other')
      .map((run) => run.trim().split(' ').filter(Boolean).length)
      .filter((n) => n > 0);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(12);
    expect(Math.max(...runs)).toBeLessThanOrEqual(3);
    expect(runs.length).toBeGreaterThanOrEqual(4);
  });
});
