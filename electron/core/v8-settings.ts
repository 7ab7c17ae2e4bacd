import { setFlagsFromString } from 'node:v8';

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
 * each, alternated), for about 2% more CPU time.
 *
 * V8 reads both settings each time it sizes a heap, so set after start-up they hold from then on,
 * for this thread and every worker. Call it once, before the work begins. (Some later V8s hold the
 * growth factor to at least 2: there the young generation still grows, and the old ones are held.)
 */
export function boundHeapGrowth(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=50');
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
