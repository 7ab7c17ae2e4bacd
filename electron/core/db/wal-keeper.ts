import { closeSync, openSync, readSync } from 'node:fs';
import { CheckpointWorker } from './checkpoint-off-thread';

/** Log frames not yet in the database past which a checkpoint starts on a worker (SQLite's own default). */
export const CHECKPOINT_AFTER_FRAMES = 1000;
/**
 * SQLite's own checkpoint, inside the commit, as a backstop only: for a log that outgrows the workers.
 * It counts the log's frames since it last started over, copied or not, and a log starts over only
 * when a writer finds it copied whole: a writer committing every few milliseconds in turns keeps it
 * growing however fast the worker copies, unless it waits for the copy (Db.walCopied, as
 * recordNoticeItems does). 16,000 pages is 64 MiB of log.
 */
export const IN_COMMIT_CHECKPOINT_FRAMES = 16_000;

/**
 * Keeps the database's write-ahead log short without the committing thread copying it. SQLite
 * checkpoints inside the commit that takes the log past 1,000 pages, on the thread that committed,
 * which in the app is the one that answers the window: the 2,000 pages a 3,000-item export records
 * were copied back in its last transaction. After a commit, this looks at the log on a later turn
 * and, when it holds CHECKPOINT_AFTER_FRAMES not yet copied, copies them on a worker thread with
 * a connection of its own (PASSIVE: it never waits for, nor holds up, this connection's writes).
 * Commits made while one runs start none; it looks again when that one ends.
 */
export class WalKeeper {
  private looking = false;
  private running: Promise<unknown> | null = null;
  /** A commit came while a checkpoint ran (which copies only the log as it was when it began). */
  private committedWhileRunning = false;
  private stopped = false;
  /**
   * The wal-index (-shm), read through one descriptor opened at the first look and closed only once
   * the connection is (`release`): closing any descriptor of a file drops every POSIX lock this
   * process holds on it, SQLite's own among them (https://sqlite.org/howtocorrupt.html, 2.2). Opened
   * and closed at each look, it let another process opening the vault find the wal-index unused and
   * truncate it under this one's memory map: an intake died of SIGBUS as a backup began
   * (backup-cli.test.ts failed 4 runs in 6 here).
   */
  private shm: number | null = null;
  private readonly worker: CheckpointWorker;

  constructor(
    private readonly databasePath: string,
    key: Buffer,
  ) {
    this.worker = new CheckpointWorker(databasePath, key);
  }

  afterCommit(): void {
    if (this.running) this.committedWhileRunning = true;
    if (this.looking || this.running || this.stopped) return;
    this.looking = true;
    setImmediate(() => {
      this.looking = false;
      if (this.stopped || this.framesToCopy() < CHECKPOINT_AFTER_FRAMES) return;
      this.running = this.worker.checkpoint('PASSIVE').finally(() => {
        this.running = null;
        const lookAgain = this.committedWhileRunning;
        this.committedWhileRunning = false;
        // those commits' pages would otherwise wait in the log for the next commit, however long
        if (lookAgain) this.afterCommit();
      });
    });
  }

  /**
   * No checkpoint starts after this (the connection is closing, its key about to be wiped). Says
   * whether one is still running.
   */
  stop(): boolean {
    this.stopped = true;
    return this.running !== null;
  }

  /** Resolves once no checkpoint started here is running. */
  async settled(): Promise<void> {
    await this.running;
  }

  /** Frames in the log not yet copied into the database; 0 while there is no wal-index. */
  framesToCopy(): number {
    this.shm ??= openIfPresent(`${this.databasePath}-shm`);
    return this.shm === null ? 0 : framesNotCopied(this.shm);
  }

  /** Once the connection has closed: the wal-index's descriptor goes too, and the checkpoints' thread. */
  release(): void {
    if (this.shm !== null) closeSync(this.shm);
    this.shm = null;
    this.worker.close();
  }
}

function openIfPresent(path: string): number | null {
  try {
    return openSync(path, 'r');
  } catch {
    return null;
  }
}

/**
 * Frames in the log not yet copied, from the wal-index's header (https://sqlite.org/walformat.html:
 * mxFrame at byte 16, the checkpoint's nBackfill at byte 96, in the machine's byte order).
 */
function framesNotCopied(shm: number): number {
  const header = Buffer.alloc(100);
  if (readSync(shm, header, 0, header.length, 0) < header.length) return 0;
  const u32 = (at: number) => (header.readUInt32LE(0) === 3007000 ? header.readUInt32LE(at) : header.readUInt32BE(at));
  return Math.max(0, u32(16) - u32(96));
}
