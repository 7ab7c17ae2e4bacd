import { KEYED_CONNECTION_SOURCE, startKeyedWorker } from './keyed-worker';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${KEYED_CONNECTION_SOURCE}
try {
  const db = keyed(workerData.path);
  const [result] = db.pragma('wal_checkpoint(' + workerData.mode + ')');
  db.close();
  parentPort.postMessage({ ok: result.busy === 0 });
} catch (e) {
  parentPort.postMessage({ ok: false });
}
`;

/**
 * Copies the write-ahead log into the database file on a connection of its own, on a worker thread.
 * The last connection to close checkpoints what the log holds on its own thread: 34-59 ms of an
 * export's last stall here (the caller's thread, the one that answers the window), and nothing
 * once this ran just before. Resolves false when it could not (the database busy, the worker
 * failing): closing then checkpoints as before, so nothing is lost either way.
 * TRUNCATE (before closing) waits for the log to be free and empties it; PASSIVE (wal-keeper.ts,
 * while the vault is in use) copies what it can and waits for no one.
 */
export function checkpointOffThread(
  path: string,
  key: Buffer,
  mode: 'TRUNCATE' | 'PASSIVE' = 'TRUNCATE',
): Promise<boolean> {
  const worker = startKeyedWorker(WORKER_SOURCE, key, { path, mode });
  return new Promise((resolve) => {
    worker.once('message', (m: { ok: boolean }) => {
      void worker.terminate();
      resolve(m.ok);
    });
    worker.once('error', () => resolve(false));
  });
}
