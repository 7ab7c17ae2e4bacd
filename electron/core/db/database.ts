import Database from 'better-sqlite3-multiple-ciphers';
import { JejakError } from '../errors';
import { migrate } from './migrations';
import type { SqlQuery } from './sql';
import { IN_COMMIT_CHECKPOINT_FRAMES, WalKeeper } from './wal-keeper';

export type RawDatabase = Database.Database;

/** The SQLCipher raw-key pragma (key, or rekey for a rotation); hex-checked so nothing else can reach the statement. */
export function sqlcipherKeyPragma(key: Buffer, pragma: 'key' | 'rekey' = 'key'): string {
  const hex = key.toString('hex');
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('database key must be 32 bytes');
  return `${pragma} = "x'${hex}'"`;
}

/**
 * Where the native module lives for this runtime. Plain Node (tests, CLI, web harness) uses the
 * package's own build; Electron passes the path of the copy built for its ABI, so neither needs a
 * rebuild of the other.
 */
let nativeBinding: string | undefined;
export function setNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}
/** For a second connection opened elsewhere (a backup's snapshot runs on a worker thread). */
export function nativeBindingPath(): string | undefined {
  return nativeBinding;
}

/**
 * Decrypted pages kept in memory: a page read again (the next page of a list, the same count) is
 * not decrypted again. Up to 64 MiB, taken only as pages are read.
 */
const PAGE_CACHE = 'cache_size = -65536';
/**
 * The page cache while something reads most of the vault once (bulkReading): an export reads
 * every preview and item of its case, and at the usual size they stayed decrypted in memory to the
 * end, pushing out what the window reads. A 3,000-item case's export peaked at 340-344 MiB with
 * the usual cache, 304-305 MiB with this one (2 alternated runs each).
 */
const BULK_READ_CACHE = 'cache_size = -8192';

/** One synchronous connection with a small prepared-statement cache and typed helpers. */
export class Db {
  private readonly statements = new Map<string, Database.Statement>();
  /** bulk reads running now (bulkReading): the page cache is small while any runs */
  private bulkReads = 0;
  /**
   * One transaction function that runs what it is given, made once: better-sqlite3 builds four
   * wrappers for each function it is handed, and a batch intake's rows each took three transactions.
   */
  private readonly running: Database.Transaction<(fn: () => unknown) => unknown>;

  /** `walKeeper` checkpoints the log off this thread after commits (the vault's own connection) */
  constructor(
    readonly raw: RawDatabase,
    private readonly walKeeper?: WalKeeper,
  ) {
    this.running = raw.transaction((fn: () => unknown) => fn());
  }

  private prepare(query: SqlQuery): Database.Statement {
    let statement = this.statements.get(query.text);
    if (!statement) {
      statement = this.raw.prepare(query.text);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(query.text, statement);
    }
    return statement;
  }

  all<T>(query: SqlQuery): T[] {
    return this.prepare(query).all(...query.params) as T[];
  }

  /**
   * The first column of every row: no object made per row. A 20,000-item case's evidence ids took
   * 8-9 ms read so, 27-28 read as rows (3 runs).
   */
  column<T>(query: SqlQuery): T[] {
    const statement = this.prepare(query);
    try {
      return statement.pluck().all(...query.params) as T[];
    } finally {
      statement.pluck(false); // the statement is cached, and may be asked for rows next
    }
  }

  get<T>(query: SqlQuery): T | undefined {
    return this.prepare(query).get(...query.params) as T | undefined;
  }

  run(query: SqlQuery): Database.RunResult {
    let result: Database.RunResult;
    try {
      result = this.prepare(query).run(...query.params);
    } catch (e) {
      throw asVaultBusy(e);
    }
    if (!this.raw.inTransaction) this.walKeeper?.afterCommit();
    return result;
  }

  /**
   * Runs fn in one transaction (nested calls become savepoints). BEGIN IMMEDIATE: every caller
   * writes, and a deferred transaction that reads first (the audit head) and then writes fails at
   * once with "database is locked" when another process (the CLI beside the app) committed in
   * between; taking the write lock first waits for it instead (busy_timeout).
   */
  tx<T>(fn: () => T): T {
    let result: T;
    try {
      result = this.running.immediate(fn) as T;
    } catch (e) {
      throw asVaultBusy(e);
    }
    if (!this.raw.inTransaction) this.walKeeper?.afterCommit();
    return result;
  }

  /**
   * Holds the page cache small (BULK_READ_CACHE) until the returned function is called (calling it
   * again does nothing); reads that overlap share it, and the usual size comes back when the last ends.
   */
  bulkReading(): () => void {
    if (this.bulkReads++ === 0) this.raw.pragma(BULK_READ_CACHE);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      if (--this.bulkReads === 0 && this.raw.open) this.raw.pragma(PAGE_CACHE);
    };
  }

  /**
   * Starts no more checkpoints on a worker, and resolves once none runs: before closing, or moving
   * the files, so that this connection's own checkpoint neither waits for one nor races it.
   */
  async endWalKeeping(): Promise<void> {
    this.walKeeper?.stop();
    await this.walKeeper?.settled();
  }

  close(): void {
    // A checkpoint still running on a worker has a connection of its own, and the last to close
    // copies the log. Copying the rest here (waiting for the worker's) leaves the file whole now.
    if (this.walKeeper?.stop() && this.raw.open) this.raw.pragma('wal_checkpoint(TRUNCATE)');
    this.statements.clear();
    if (this.raw.open) this.raw.close();
    this.walKeeper?.release(); // after SQLite's own descriptors: see WalKeeper's shm
  }

  /**
   * Resolves once the checkpoint the keeper runs now, if any, has ended: a writer that waits for it
   * between its transactions finds the log copied whole, and SQLite starts the log over at its next
   * write instead of appending (see recordNoticeItems).
   */
  async walCopied(): Promise<void> {
    await this.walKeeper?.settled();
  }

  /** Frames in the write-ahead log not yet copied into the database file. */
  walFramesToCopy(): number {
    return this.walKeeper?.framesToCopy() ?? 0;
  }
}

/**
 * SQLite's busy error, once busy_timeout ran out waiting for another process's write (the app beside
 * the CLI, or the CLI beside the app), as the error a person can act on; anything else as it is.
 */
function asVaultBusy(e: unknown): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY')) return e;
  return new JejakError(
    'VAULT_BUSY',
    'Another Jejak (the app or a command) kept the vault busy with a change for more than 5 seconds. Nothing was changed here: try again once it has finished.',
  );
}

/** A connection with the key set and checked, nothing else: for the vault's own and for a key rotation's copy. */
export function openKeyed(path: string, key: Buffer): RawDatabase {
  const raw = new Database(path, nativeBinding ? { nativeBinding } : {});
  try {
    raw.pragma("cipher = 'sqlcipher'");
    raw.pragma('legacy = 4');
    raw.pragma(sqlcipherKeyPragma(key));
    // Reading the schema is the first access that needs the key; a wrong key fails here.
    raw.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    raw.close();
    throw new JejakError(
      'VAULT_CORRUPT',
      `The database cannot be opened with this vault's key (${(e as Error).message}).`,
    );
  }
  return raw;
}

export function openDatabase(path: string, key: Buffer): Db {
  const raw = openKeyed(path, key);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  // Sorts and temp tables stay in memory: SQLite's temp files would not be encrypted.
  raw.pragma('temp_store = MEMORY');
  raw.pragma('busy_timeout = 5000');
  raw.pragma(`wal_autocheckpoint = ${IN_COMMIT_CHECKPOINT_FRAMES}`);
  raw.pragma(PAGE_CACHE);
  const db = new Db(raw, new WalKeeper(path, key));
  try {
    migrate(db);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}
