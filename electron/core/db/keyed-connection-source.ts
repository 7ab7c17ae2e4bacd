/**
 * CommonJS source of `keyed(path)` for a worker thread evaluated from a string (no file to find in
 * a bundle): a connection to the vault's database opened as openKeyed does, with the key given in
 * workerData (`keyHex`, `modulePath` of better-sqlite3, and `nativeBinding` where the runtime has its own).
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
