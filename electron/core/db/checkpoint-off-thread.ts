import type { Worker } from 'node:worker_threads';
import { KEYED_CONNECTION_SOURCE, startKeyedWorker } from './keyed-worker';

export type CheckpointMode = 'TRUNCATE' | 'PASSIVE';

/** Each message a checkpoint on a connection opened for it and closed after; 'exit' ends the thread. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${KEYED_CONNECTION_SOURCE}
parentPort.on('message', (mode) => {
  if (mode === 'exit') process.exit(0);
  let ok = false;
  try {
    const db = keyed(workerData.path);
    try {
      const [result] = db.pragma('wal_checkpoint(' + mode + ')');
      ok = result.busy === 0;
    } finally {
      db.close();
    }
  } catch (e) {
    ok = false;
  }
  parentPort.postMessage({ ok });
});
`;

/**
 * Copies the write-ahead log into the database file on a connection of its own, on a worker thread.
 * The last connection to close checkpoints what the log holds on its own thread: 34-59 ms of an
 * export's last stall here (the caller's thread, the one that answers the window), and nothing
 * once this ran just before. Resolves false when it could not (the database busy, the worker
 * failing): closing then checkpoints as before, so nothing is lost either way.
 * TRUNCATE (before closing) waits for the log to be free and empties it; PASSIVE (wal-keeper.ts,
 * while the vault is in use) copies what it can and waits for no one.
 *
 * The thread is kept from one checkpoint to the next (`close` ends it): a worker started for each
 * one cost 58-67 ms of CPU time (its JavaScript heap, the database module) against 3-8 ms for the
 * checkpoint itself on a kept one (10 small checkpoints each way, twice); 1,300 originals taken in
 * started four or five of them. Its connection is not kept: opened for each checkpoint and closed
 * after, so that the vault's own connection closing is the last one, as it was, and copies back
 * what is left.
 */
export class CheckpointWorker {
  private worker: Worker | null = null;
  private answer: ((ok: boolean) => void) | null = null;

  constructor(
    private readonly path: string,
    private readonly key: Buffer,
  ) {}

  /** One at a time: a caller waits for the one before. */
  checkpoint(mode: CheckpointMode = 'TRUNCATE'): Promise<boolean> {
    if (this.answer) return Promise.reject(new Error('a checkpoint is already running'));
    const worker = (this.worker ??= this.start());
    worker.ref(); // the process waits for a checkpoint under way, not for an idle thread
    return new Promise((resolve) => {
      this.answer = (ok) => {
        this.answer = null;
        worker.unref();
        resolve(ok);
      };
      worker.postMessage(mode);
    });
  }

  /** Ends the thread once a checkpoint under way has ended (its connection closed). */
  close(): void {
    this.worker?.postMessage('exit');
    this.worker = null;
  }

  private start(): Worker {
    const worker = startKeyedWorker(WORKER_SOURCE, this.key, { path: this.path });
    worker.on('message', (m: { ok: boolean }) => this.answer?.(m.ok));
    worker.on('error', () => this.answer?.(false));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      this.answer?.(false);
    });
    return worker;
  }
}

/** One checkpoint on a thread of its own, ended after it: for a connection about to close. */
export async function checkpointOffThread(
  path: string,
  key: Buffer,
  mode: CheckpointMode = 'TRUNCATE',
): Promise<boolean> {
  const once = new CheckpointWorker(path, key);
  try {
    return await once.checkpoint(mode);
  } finally {
    once.close();
  }
}
