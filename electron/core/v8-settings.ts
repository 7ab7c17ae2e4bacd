import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { measureMemory } from 'node:vm';
import type { Worker } from 'node:worker_threads';

/**
 * V8's settings for this process's work, set with v8.setFlagsFromString after start-up: each is one
 * V8 reads whenever it applies it, and every version the app and the CLI run on (Node 20's V8, the
 * app's Electron) knows it (an unknown one would be reported on stderr).
 */

/**
 * Keeps this process's JavaScript heaps close to what they hold, for memory a workstation can
 * spare beside everything else it runs. V8 trades memory for speed: a thread that keeps what it
 * makes (an export building its report) has its young generation doubled up to 16 MiB a half, and
 * an old generation may fill to up to 4 times what survived its last full collection before it is
 * collected again. A fresh 3,000-item case's export held about 23 MiB live on its thread and 22 MiB
 * on the drawing thread (heap snapshots), in heaps of 68 and 43 MiB.
 *
 * With the young generation left at the size it has (1 MiB a half at start-up) and each heap allowed
 * to grow to 1.5 times what survives, that export peaked at 193-203 MiB against 237-246 (6 runs
 * each, alternated), for about 2% more CPU time. At 1.3 times, a 20,000-item export, whose thread
 * holds the report and the notice (about 45 MiB) while their texts are made, peaked at 198-202 MiB
 * against 205-215 at 1.5 (4 runs each, alternated), its CPU time within the runs' noise (33-41 s
 * against 33-47).
 *
 * V8 reads both settings each time it sizes a heap, so set after start-up they hold from then on,
 * for this thread and every worker. Call it once, before the work begins; each worker's start undoes
 * the first (keepHeapBoundsOnce).
 *
 * A worker started after it begins with a young generation of 2 MiB a half and keeps it: at 1 MiB,
 * where this thread's stays, the report PDF's drawing thread collected so often that a 10,000-item
 * export took 10.7-10.8 s of CPU (8.5 s) against 9.6-9.7 (7.5-7.6 s), for 211-216 MiB at its peak
 * either way; at 4 MiB, 9.2-9.6 s for 223-235 MiB.
 */
export function boundHeapGrowth(): void {
  bounded = true;
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=30');
  setFlagsFromString('--min-semi-space-size=2');
}

let bounded = false;
/** workers started whose heap set-up may have undone boundHeapGrowth: each settles once it is set again */
const starting = new Set<Promise<void>>();

/**
 * Every worker thread started: V8 sets up a new isolate's heap with the growth factor held to at
 * least 2, for every heap of the process, which undid boundHeapGrowth from the first worker on
 * (a 10,000-item export's thread grew its young generation to 16 MiB a half once its hashing and
 * drawing threads had started). Set again once the worker is running, where it was set at all.
 */
export function keepHeapBoundsOnce(worker: Worker): Worker {
  if (!bounded) return worker;
  const online = new Promise<void>((settle) => {
    worker.once('online', settle);
    worker.once('exit', settle);
  }).then(() => {
    boundHeapGrowth();
    starting.delete(online);
  });
  starting.add(online);
  return worker;
}

/**
 * Resolves once every worker started so far runs with the heaps bounded again: a thread about to
 * keep much of what it makes waits for this, since until then (50-60 ms here, a worker's start)
 * its young generation may grow, and V8 never gives that back while the thread stays busy.
 */
export async function heapBoundsKept(): Promise<void> {
  await Promise.all([...starting]);
}

/**
 * For a short command whose time is native work (`jejak verify`: SHA-256, SHA-512 and CRC-32 in
 * OpenSSL and @node-rs/crc32, JavaScript only between chunks): V8's optimizing compiler then only
 * competes with the hashing for the second core. Verifying a 3,000-file package, it compiled 92
 * functions (4 once this is set) and V8's own threads took 0.15 s of CPU, 0.05 s without it; the
 * median of 8 alternated runs fell from 1.325 to 1.285 s. Not for the app, nor for a command that
 * draws a PDF or builds a report, whose JavaScript runs long enough to pay for it.
 */
export function skipOptimizingCompiler(): void {
  setFlagsFromString('--no-turbofan');
}

/**
 * Gives back what this thread's heap no longer holds, for a thread that has just let go of much (an
 * export's documents, once written) and is about to stream for long. V8 sizes a heap by what it held
 * at its last collection, and a thread that then allocates little is not collected again for long
 * (V8 shrinks a heap by itself only once its thread goes quiet), so the heap stays as large as it
 * grew. At 10,000 items the export's thread kept 50 MiB of heap into the evidence for 22-26 MiB
 * live; collected once there, 34 MiB, 41 later on, and the export peaked at 198-205 MiB against
 * 209-215 without it (5 and 8 runs).
 *
 * The collection is V8's incremental one, in steps between the event loop's turns (marking on V8's
 * helper threads meanwhile) and a short pause at its end: vm.measureMemory({ execution: 'eager' })
 * starts it at once and settles once it has ended. A full collection in one pause (V8's own `gc`)
 * held the 1,000-channel case's export thread 36-59 ms; in steps, its heap went from 51-53 to 42-47
 * MiB within 35-68 ms, with no stall over 20 ms meanwhile (4 runs). Its end can still hold the
 * thread: once in 6 later runs, 40 ms of GC, 16 of them on or waiting for a core (the rest, it seems,
 * waiting for V8's helper threads).
 */
export async function giveBackHeap(): Promise<void> {
  await withoutExperimentalWarning(() => measureMemory({ mode: 'summary', execution: 'eager' }));
}

/**
 * Node warns once, on stderr, that vm.measureMemory is experimental: not for a user of the CLI,
 * whose stderr is its progress and errors. Its warning goes through process.emitWarning.
 */
function withoutExperimentalWarning<T>(call: () => T): T {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (rest[0] !== 'ExperimentalWarning') Reflect.apply(emitWarning, process, [warning, ...rest]);
  }) as typeof process.emitWarning;
  try {
    return call();
  } finally {
    process.emitWarning = emitWarning;
  }
}

/**
 * A heap smaller than this has little to give back: the 1 GiB case's export thread had 18.1 MiB of
 * heap before a full collection and 18.1 after (`--trace-gc`). A 10,000-item export's heap went
 * from 40 to 30 MiB, a 1,000-channel case's from 50 to 39.
 */
const WORTH_COLLECTING_BYTES = 32 * 1024 * 1024;

/** giveBackHeap, where this thread's heap has grown to where a collection gives back much. */
export async function giveBackHeapIfLarge(): Promise<void> {
  if (getHeapStatistics().total_heap_size >= WORTH_COLLECTING_BYTES) await giveBackHeap();
}
