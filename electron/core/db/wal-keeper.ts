import { closeSync, openSync, readSync } from 'node:fs';
import { checkpointOffThread } from './checkpoint-off-thread';

/** Log frames not yet in the database past which a checkpoint starts on a worker (SQLite's own default). */
export const CHECKPOINT_AFTER_FRAMES = 1000;
/**
 * SQLite's own checkpoint, inside the commit, as a backstop only: for a log that outgrows the workers
 * (commits faster than a worker copies them). 16,000 pages is 64 MiB of log.
 */
export const IN_COMMIT_CHECKPOINT_FRAMES = 16_000;

/**
 * Keeps the database's write-ahead log short without the committing thread copying it. SQLite
 * checkpoints inside the commit that takes the log past 1,000 pages, on the thread that committed,
 * which in the app is the one that answers the window: the 2,000 pages a 3,000-item export records
 * were copied back in its last transaction. After a commit, this looks at the log on a later turn
 * and, when it holds CHECKPOINT_AFTER_FRAMES not yet copied, copies them on a worker thread with
 * a connection of its own (PASSIVE: it never waits for, nor holds up, this connection's writes).
 */
export class WalKeeper {
  private looking = false;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly databasePath: string,
    private readonly key: Buffer,
  ) {}

  afterCommit(): void {
    if (this.looking || this.running || this.stopped) return;
    this.looking = true;
    setImmediate(() => {
      this.looking = false;
      if (this.stopped || framesToCopy(`${this.databasePath}-shm`) < CHECKPOINT_AFTER_FRAMES) return;
      this.running = checkpointOffThread(this.databasePath, this.key, 'PASSIVE').finally(() => {
        this.running = null;
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
}

/**
 * Frames in the log not yet copied into the database, from the wal-index SQLite keeps in the -shm
 * file (https://sqlite.org/walformat.html: the header's mxFrame at byte 16, the checkpoint's
 * nBackfill at byte 96, in the machine's byte order). 0 where there is none to read.
 */
export function framesToCopy(shmPath: string): number {
  const header = Buffer.alloc(100);
  let fd: number;
  try {
    fd = openSync(shmPath, 'r');
  } catch {
    return 0;
  }
  try {
    if (readSync(fd, header, 0, header.length, 0) < header.length) return 0;
  } finally {
    closeSync(fd);
  }
  const u32 = (at: number) => (header.readUInt32LE(0) === 3007000 ? header.readUInt32LE(at) : header.readUInt32BE(at));
  return Math.max(0, u32(16) - u32(96));
}
