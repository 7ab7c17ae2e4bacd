/** Items handled per turn: at well under a millisecond each, a turn stays far below the 50 ms a window may freeze. */
const PER_TURN = 100;
/** ...and a turn sooner when the items took this long: a slower machine, or slower items, than PER_TURN was set by. */
const TURN_MS = 20;

/**
 * `items.map(fn)`, but giving the event loop a turn after every `perTurn` items, or sooner once
 * 20 ms have passed, so a long list (a case's thousands of items, each a database read) never holds
 * the main thread, and with it the window, for long (issue 11: no stall over 50 ms). By count alone,
 * 100 reads of a 10,000-item export held a machine slower than the one they were counted on 53 ms.
 */
export async function mapInTurns<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => R,
  perTurn = PER_TURN,
): Promise<R[]> {
  const out: R[] = [];
  const budget = new TurnBudget(TURN_MS);
  for (let i = 0, sinceTurn = 0; i < items.length; i++, sinceTurn++) {
    if (sinceTurn === perTurn || budget.due()) {
      await budget.take();
      sinceTurn = 0;
    }
    out.push(fn(items[i]!, i));
  }
  return out;
}

/**
 * A Map of one entry per item, made with a turn whenever the thread has been held 20 ms (by time
 * alone: each entry is cheap). At 20,000 files an export's maps of paths held the thread 12-22 ms
 * each, built at once.
 */
export async function mapOfInTurns<T, K, V>(
  items: readonly T[],
  entry: (item: T) => readonly [K, V],
): Promise<Map<K, V>> {
  const map = new Map<K, V>();
  const budget = new TurnBudget(TURN_MS);
  for (const item of items) {
    await budget.takeIfDue();
    const [key, value] = entry(item);
    map.set(key, value);
  }
  return map;
}

/**
 * Lets the event loop run everything else that waits (a timer, a message from the window) before
 * going on. A timer, not setImmediate: work that runs in an I/O callback and continues on
 * setImmediate continues in the same loop iteration, and Electron hands the window's messages to
 * the main thread only between iterations; two steps joined that way showed as one 70 ms stall.
 * The global timer, so the browser's verifier page, which runs the package checks too, has it.
 * What follows the turn is a new run, counted from here by every TurnBudget.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) =>
    setTimeout(() => {
      startRun(performance.now());
      resolve();
    }, 0),
  );
}

/**
 * This thread's current run (its work since it last went back to the event loop): when it began,
 * or was first seen by a budget; undefined once it has gone back. One clock for every budget: each
 * counting from its own start, two loops run back to back held the thread twice their budget
 * (36-44 ms at the 1,000-channel export, stall profiles).
 */
let run: { since: number } | undefined;

/**
 * A run ends when its own timer fires: in a later loop iteration than the one it began in (the turn
 * a window's messages wait for), as the one nextTurn takes. An earlier run's timer that fires after
 * this run began leaves it be: it ended that run, not this one.
 */
function startRun(now: number): { since: number } {
  const current = { since: now };
  run = current;
  setTimeout(() => {
    if (run === current) run = undefined;
  }, 0);
  return current;
}

/** How long, at `now`, the thread has been held in its current run. */
function heldForMs(now: number): number {
  return now - (run ?? startRun(now)).since;
}

/**
 * For a loop of steps that each cost a few milliseconds, more or less by machine and by file: the
 * loop asks `due()` between steps and takes a turn (`take`) once it has held the thread for
 * `budgetMs`, so no run of steps passes the 50 ms a window may freeze, however the steps vary.
 * Counted from the earlier of the budget's own last turn and the thread's current run: the run
 * holds what came before the loop in it; the budget's own clock holds what the run cannot see,
 * the work before its first check in a run that began elsewhere (a stream's writer taking the
 * loop's last output). By the run alone, the 1,000-channel export stalled 30-46 ms 17 times while
 * its texts were written (3 runs; twice with each budget on its own clock); by both, its longest
 * stalls were 30-40 ms against 36-42 with each budget on its own clock (3 alternated runs each).
 */
export class TurnBudget {
  private since = performance.now();

  constructor(private readonly budgetMs: number) {
    heldForMs(this.since); // the run is seen from here at the latest
  }

  /** the thread has been held for this budget, by this loop or by the work before it */
  due(): boolean {
    const now = performance.now();
    return Math.max(heldForMs(now), now - this.since) >= this.budgetMs;
  }

  /** a turn now; the budget's own clock counts again from its end */
  async take(): Promise<void> {
    await nextTurn();
    this.since = performance.now();
  }

  /** a turn only when one is due */
  async takeIfDue(): Promise<void> {
    if (this.due()) await this.take();
  }
}

/**
 * Runs a generator of steps to its end, taking a turn whenever the thread has been held 20 ms: one
 * body for a job that the export does in turns and an older path does at once.
 */
export async function stepsInTurns<R>(steps: Generator<void, R>): Promise<R> {
  const budget = new TurnBudget(TURN_MS);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await budget.takeIfDue();
  }
}

/** The same steps run at once, for a synchronous caller (one that records inside a transaction). */
export function stepsAtOnce<R>(steps: Generator<void, R>): R {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}
