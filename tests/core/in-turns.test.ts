import { describe, expect, it } from 'vitest';
import { mapInTurns, mapOfInTurns, stepsAtOnce, stepsInTurns, TurnBudget } from '../../electron/core/in-turns';

/** Holds the thread for `ms`. */
function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

/** Other work: 'other' pushed into `seen` at every turn of the event loop until stopped. */
function otherWork(seen: string[]): { stop: () => void } {
  let ticking = true;
  const tick = () => {
    seen.push('other');
    if (ticking) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  return { stop: () => (ticking = false) };
}

/** How many of `word` ran between each two turns of the other work. */
function runsBetweenTurns(seen: string[], word: string): number[] {
  return seen
    .join(' ')
    .split('other')
    .map((run) => run.split(word).length - 1);
}

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

  it('takes a turn sooner once its items have held the thread 20 ms, however few, and gives each its index', async () => {
    const seen: string[] = [];
    const other = otherWork(seen);
    const out = await mapInTurns(
      Array.from({ length: 9 }, () => 'x'),
      (item, index) => {
        busyFor(8);
        seen.push('item');
        return `${item}${index}`;
      },
    );
    other.stop();
    expect(out).toEqual(['x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8']);
    // 100 items a turn by count; by time, a turn after every third item of 8 ms
    const items = seen.filter((s) => s === 'item').length;
    const runs = runsBetweenTurns(seen, 'item');
    expect(items).toBe(9);
    expect(Math.max(...runs)).toBeLessThanOrEqual(3);
  });
});

describe('mapOfInTurns', () => {
  it("makes a Map of every item's entry, in order, with a turn once its items have held the thread 20 ms", async () => {
    const seen: string[] = [];
    const other = otherWork(seen);
    const map = await mapOfInTurns(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'], (item) => {
      busyFor(8);
      seen.push('item');
      return [item, item.toUpperCase()] as const;
    });
    other.stop();
    expect([...map]).toEqual([...'abcdefghi'].map((c) => [c, c.toUpperCase()]));
    const runs = runsBetweenTurns(seen, 'item');
    expect(runs.reduce((a, b) => a + b, 0)).toBe(9);
    expect(Math.max(...runs)).toBeLessThanOrEqual(3);
  });
});

describe('TurnBudget', () => {
  it('lets other work in once the loop has held the thread for its budget, however long each step', async () => {
    const turns = new TurnBudget(15);
    const seen: string[] = [];
    const other = otherWork(seen);
    for (let step = 0; step < 12; step++) {
      busyFor(step < 6 ? 5 : 8); // each at least 5 ms, then at least 8: three steps, then two, reach 15 ms
      seen.push('step');
      await turns.takeIfDue();
    }
    other.stop();
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

describe('stepsInTurns and stepsAtOnce', () => {
  /** Nine steps of 8 ms each, then their count: one body that either driver runs. */
  function* nineSteps(seen: string[]): Generator<void, number> {
    for (let step = 0; step < 9; step++) {
      yield;
      busyFor(8);
      seen.push('step');
    }
    return 9;
  }

  it('in turns: lets other work in once the steps have held the thread 20 ms, and returns what they made', async () => {
    const seen: string[] = [];
    const other = otherWork(seen);
    expect(await stepsInTurns(nineSteps(seen))).toBe(9);
    other.stop();
    const runs = runsBetweenTurns(seen, 'step');
    expect(runs.reduce((a, b) => a + b, 0)).toBe(9);
    expect(Math.max(...runs)).toBeLessThanOrEqual(3);
  });

  it('at once: runs every step before returning, with no turn between them', () => {
    const seen: string[] = [];
    const other = otherWork(seen);
    expect(stepsAtOnce(nineSteps(seen))).toBe(9);
    other.stop();
    expect(seen).toEqual(Array.from({ length: 9 }, () => 'step'));
  });
});
