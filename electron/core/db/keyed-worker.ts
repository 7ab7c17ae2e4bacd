import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import { nativeBindingPath } from './database';
import { startWorker } from '../start-worker';

/**
 * CommonJS source of `keyed(path)` for a worker thread evaluated from a string (no file to find in
 * a bundle): a connection to the vault's database opened as openKeyed does, with what
 * startKeyedWorker puts in workerData (`keyHex`, `modulePath` of better-sqlite3, and `nativeBinding`
 * where the runtime has its own).
 */
export const KEYED_CONNECTION_SOURCE = `
const Database = require(workerData.modulePath);
function keyed(path) {
  const db = new Database(path, { fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma('key = "x\\'' + workerData.keyHex + '\\'"');
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 10000');
  return db;
}
`;

/** Starts `source` (which opens connections with keyed()) on a worker thread, `data` beside the key in its workerData. */
export function startKeyedWorker(source: string, key: Buffer, data: Record<string, unknown>): Worker {
  const keyHex = key.toString('hex');
  if (!/^[0-9a-f]{64}$/.test(keyHex)) throw new Error('database key must be 32 bytes');
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  return startWorker(source, {
    eval: true,
    workerData: { ...data, keyHex, modulePath, nativeBinding: nativeBindingPath() },
  });
}
