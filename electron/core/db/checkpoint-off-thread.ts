import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { nativeBindingPath } from './database';
import { KEYED_CONNECTION_SOURCE } from './keyed-connection-source';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${KEYED_CONNECTION_SOURCE}
try {
  const db = keyed(workerData.path);
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)');
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
 */
export function checkpointOffThread(path: string, key: Buffer): Promise<boolean> {
  const keyHex = key.toString('hex');
  if (!/^[0-9a-f]{64}$/.test(keyHex)) throw new Error('database key must be 32 bytes');
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path, keyHex, modulePath, nativeBinding: nativeBindingPath() },
  });
  return new Promise((resolve) => {
    worker.once('message', (m: { ok: boolean }) => {
      void worker.terminate();
      resolve(m.ok);
    });
    worker.once('error', () => resolve(false));
  });
}
