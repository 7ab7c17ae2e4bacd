import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, openKeyed, type Db } from '../../../electron/core/db/database';
import { CHECKPOINT_AFTER_FRAMES } from '../../../electron/core/db/wal-keeper';

/**
 * The vault's connection leaves a long log to a worker: the commit that takes it past 1,000 pages
 * does not copy it back on the committing thread (the one that answers the window), a worker does
 * soon after, and a close while that worker runs still leaves the database file whole.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function newDatabase(): { path: string; key: Buffer; db: Db } {
  const dir = mkdtempSync(join(tmpdir(), 'jejak-wal-'));
  dirs.push(dir);
  const path = join(dir, 'jejak.db');
  const key = randomBytes(32);
  const db = openDatabase(path, key);
  db.raw.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, bytes BLOB NOT NULL)');
  return { path, key, db };
}

/** One transaction of `pages` 4 KiB pages' worth of rows. */
function writePages(db: Db, pages: number): void {
  const insert = db.raw.prepare('INSERT INTO filler (bytes) VALUES (?)');
  db.tx(() => {
    for (let i = 0; i < pages; i++) insert.run(randomBytes(3800));
  });
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** This process's POSIX locks on a file, from /proc/locks ("1: POSIX  ADVISORY  READ <pid> <dev>:<inode> 128 128"). */
function locksHeldOn(file: string): number {
  const inode = statSync(file).ino;
  return readFileSync('/proc/locks', 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f[1] === 'POSIX' && Number(f[4]) === process.pid && Number(f[5]?.split(':')[2]) === inode).length;
}

describe('the write-ahead log of a vault', () => {
  it('is copied back on a worker after a long commit, not inside the commit', async () => {
    const { db } = newDatabase();
    writePages(db, CHECKPOINT_AFTER_FRAMES + 200);
    // SQLite's own checkpoint would have run inside that commit and left nothing to copy
    expect(db.walFramesToCopy()).toBeGreaterThan(CHECKPOINT_AFTER_FRAMES);
    await nextTurn();
    await db.endWalKeeping();
    expect(db.walFramesToCopy()).toBe(0);
    expect(db.get<{ n: number }>({ text: 'SELECT count(*) AS n FROM filler', params: [] })?.n).toBe(1200);
    db.close();
  });

  it('is copied back by one thread kept from one checkpoint to the next, not a thread started for each', async () => {
    const { db } = newDatabase();
    // each worker started in this process has the next thread id
    const nextThreadId = async () => {
      const probe = new Worker('', { eval: true });
      const id = probe.threadId;
      await probe.terminate();
      return id;
    };
    const before = await nextThreadId();
    for (let round = 0; round < 3; round++) {
      writePages(db, CHECKPOINT_AFTER_FRAMES + 100);
      while (db.walFramesToCopy() >= CHECKPOINT_AFTER_FRAMES) await new Promise((r) => setTimeout(r, 10));
    }
    // the checkpoints' one thread, then this probe
    expect((await nextThreadId()) - before).toBe(2);
    await db.endWalKeeping();
    db.close();
  });

  it('is copied back after a checkpoint ends when a long commit came while it ran, with no commit after', async () => {
    const { db } = newDatabase();
    // a first checkpoint, so that the next begins without waiting for its thread to start
    writePages(db, CHECKPOINT_AFTER_FRAMES + 100);
    while (db.walFramesToCopy() >= CHECKPOINT_AFTER_FRAMES) await new Promise((r) => setTimeout(r, 10));
    writePages(db, CHECKPOINT_AFTER_FRAMES + 100);
    await nextTurn(); // a checkpoint has begun on the worker: it copies the log as it was then
    writePages(db, 2 * CHECKPOINT_AFTER_FRAMES);
    expect(db.walFramesToCopy()).toBeGreaterThan(CHECKPOINT_AFTER_FRAMES);
    // no more commits, as when an analyst's intake ends: the keeper looks again by itself
    const deadline = Date.now() + 20_000;
    while (db.walFramesToCopy() >= CHECKPOINT_AFTER_FRAMES && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(db.walFramesToCopy()).toBeLessThan(CHECKPOINT_AFTER_FRAMES);
    await db.endWalKeeping();
    db.close();
  });

  it('is left in the log after a short commit (no worker for a few pages)', async () => {
    const { db } = newDatabase();
    writePages(db, 50);
    await nextTurn();
    await db.endWalKeeping();
    expect(db.walFramesToCopy()).toBeGreaterThan(50);
    db.close();
  });

  it('leaves the database file whole when the connection closes while the worker copies it', async () => {
    const { path, key, db } = newDatabase();
    writePages(db, 3 * CHECKPOINT_AFTER_FRAMES);
    await nextTurn(); // the worker is starting
    // another connection open, as the worker's is while it copies (so this close is not the last)
    const other = openKeyed(path, key);
    db.close();
    // the file alone, as a key rotation copies it, holds every row, none only in the log
    const copy = join(mkdtempSync(join(tmpdir(), 'jejak-wal-copy-')), 'jejak.db');
    dirs.push(join(copy, '..'));
    copyFileSync(path, copy);
    expect(existsSync(`${copy}-wal`)).toBe(false);
    const reopened = openDatabase(copy, key);
    expect(reopened.get<{ n: number }>({ text: 'SELECT count(*) AS n FROM filler', params: [] })?.n).toBe(3000);
    reopened.close();
    other.close();
  });

  it("keeps this process's locks on the wal-index while it watches the log", async () => {
    const { path, db } = newDatabase();
    writePages(db, 10);
    // SQLite's own: while it holds them, another process opening the vault knows the wal-index is in use
    const held = locksHeldOn(`${path}-shm`);
    expect(held).toBeGreaterThan(0);
    await nextTurn(); // the keeper has looked at the log after that commit
    expect(db.walFramesToCopy()).toBeGreaterThan(0);
    // closing a descriptor of the file (as each look once did) drops every lock this process holds on it
    expect(locksHeldOn(`${path}-shm`)).toBe(held);
    db.close();
  });
});
