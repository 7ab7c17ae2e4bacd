import { describe, expect, it } from 'vitest';
import {
  mapInTurns,
  mapOfInTurns,
  nextTurn,
  stepsAtOnce,
  stepsInTurns,
  TurnBudget,
} from '../../electron/core/in-turns';

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

describe('TurnBudget, its own clock', () => {
  it('counts the work before its check in a run that began where no budget saw it', async () => {
    const budget = new TurnBudget(20);
    await new Promise((resolve) => setTimeout(resolve, 5)); // a turn, not through a budget: a new run
    busyFor(25); // a stream's writer, say, before the loop is asked for more
    expect(budget.due()).toBe(true);
  });
});

describe('loops in turns run back to back', () => {
  it('count the thread held by the loop before: a turn once the two together have held it one budget', async () => {
    const seen: string[] = [];
    const other = otherWork(seen);
    await nextTurn();
    const item = (name: string) => {
      busyFor(8);
      seen.push('item');
      return [name, name] as const;
    };
    // each loop alone stays under its 20 ms (two items of 8 ms); joined without a turn they held it 32 ms
    await mapInTurns(['a', 'b'], item);
    await mapOfInTurns(['c', 'd'], item);
    other.stop();
    const runs = runsBetweenTurns(seen, 'item');
    expect(runs.reduce((a, b) => a + b, 0)).toBe(4);
    expect(Math.max(...runs)).toBeLessThanOrEqual(3);
  });
});

describe("the thread's run", () => {
  it('lasts to the end of the loop iteration it began in, though a run before it ends in that iteration', async () => {
    await new Promise((resolve) => setTimeout(resolve, 5)); // a run no budget has seen yet
    const turn = nextTurn(); // its timer first...
    new TurnBudget(20); // ...then the timer that ends the run this budget sees begin here
    await turn; // a new run begins at the turn, and the run before ends just after
    busyFor(15);
    // a callback later in the same iteration: 25 ms held, though no budget saw the run's start
    const due = await new Promise<boolean>((resolve) =>
      setImmediate(() => {
        busyFor(10);
        resolve(new TurnBudget(20).due());
      }),
    );
    expect(due).toBe(true);
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
