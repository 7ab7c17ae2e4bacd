import { KEYED_CONNECTION_SOURCE, startKeyedWorker } from '../db/keyed-worker';
import { JejakError } from '../errors';
import type { VaultSession } from './session';

/**
 * Runs on a worker thread, so the window stays responsive however large the database: a second
 * connection to the live database writes a consistent copy with VACUUM INTO (one read transaction,
 * so writers carry on under WAL), then lists the originals that copy refers to.
 *
 * SQLite3MultipleCiphers attaches the VACUUM INTO target like an ATTACH without a KEY clause, which
 * gives it the main database's cipher and key: the copy is encrypted exactly as the vault is. (The
 * online backup API is refused between a keyed source and an unkeyed target, and better-sqlite3
 * offers no way to key its target.)
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${KEYED_CONNECTION_SOURCE}
try {
  const live = keyed(workerData.source);
  live.prepare('VACUUM INTO ?').run(workerData.target);
  live.close();
  const copy = keyed(workerData.target);
  const blobs = copy.prepare('SELECT name FROM blobs ORDER BY name').pluck().all();
  copy.close();
  parentPort.postMessage({ ok: true, blobs });
} catch (e) {
  parentPort.postMessage({ ok: false, message: String(e && e.message) });
}
`;

export interface DatabaseSnapshot {
  /** blob file names the snapshot's rows refer to */
  blobs: string[];
}

/** Writes the snapshot to `target` (which must not exist); a cancel waits for the copy to end, then fails. */
export function snapshotDatabase(
  session: VaultSession,
  source: string,
  target: string,
  signal?: AbortSignal,
): Promise<DatabaseSnapshot> {
  const worker = startKeyedWorker(WORKER_SOURCE, session.vaultKeys().database, { source, target });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { ok: true; blobs: string[] } | { ok: false; message: string }) => {
      void worker.terminate();
      if (signal?.aborted) reject(new JejakError('CANCELLED', 'The backup was cancelled.'));
      else if (m.ok) resolve({ blobs: m.blobs });
      else reject(new JejakError('INTERNAL', `The database snapshot failed (${m.message}).`));
    });
    worker.once('error', (e) => reject(new JejakError('INTERNAL', `The database snapshot failed (${e.message}).`)));
  });
}
