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
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * For a loop of steps that each cost a few milliseconds, more or less by machine and by file: the
 * loop asks `due()` between steps and takes a turn (`take`) once it has held the thread for
 * `budgetMs`, so no run of steps passes the 50 ms a window may freeze, however the steps vary.
 */
export class TurnBudget {
  private since = performance.now();

  constructor(private readonly budgetMs: number) {}

  /** the loop has held the thread for its budget since its last turn */
  due(): boolean {
    return performance.now() - this.since >= this.budgetMs;
  }

  /** a turn now; the budget counts again from its end */
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
