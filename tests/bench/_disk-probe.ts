// What this disk does for 1,000 small durable files, the shapes intake could take: each file
// fsynced (and renamed, its directory fsynced) one at a time; all written, then fsynced
// concurrently; all written, then one `sync -f` (syncfs); all appended to one segment, one fsync;
// and what creating that many files costs before a byte is written.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { time } from './_measure';

function fsyncDir(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface DiskProbe {
  /** creating 1,000 empty files (open O_CREAT|O_EXCL, close): what one file per blob costs before any byte */
  creates: number;
  eachFsynced: number;
  concurrentFsync: number;
  syncfs: number;
  segment: number;
}

export async function probeSmallFiles(dir: string, count: number, size: number): Promise<DiskProbe> {
  const bytes = randomBytes(size);
  const fresh = (name: string) => {
    const d = join(dir, name);
    rmSync(d, { recursive: true, force: true });
    mkdirSync(join(d, 'tmp'), { recursive: true });
    return d;
  };
  const shardOf = (d: string, i: number) => join(d, (i % 256).toString(16).padStart(2, '0'));

  const e = fresh('probe-create');
  const creates = await time(() => {
    for (let i = 0; i < count; i++) closeSync(openSync(join(e, String(i)), 'wx'));
  });

  const a = fresh('probe-each');
  const eachFsynced = await time(() => {
    for (let i = 0; i < count; i++) {
      const temp = join(a, 'tmp', String(i));
      const fd = openSync(temp, 'wx');
      writeSync(fd, bytes);
      fsyncSync(fd);
      closeSync(fd);
      const shard = shardOf(a, i);
      mkdirSync(shard, { recursive: true });
      renameSync(temp, join(shard, String(i)));
      fsyncDir(shard);
    }
  });

  const b = fresh('probe-concurrent');
  const concurrentFsync = await time(async () => {
    const temps: string[] = [];
    for (let i = 0; i < count; i++) {
      const temp = join(b, 'tmp', String(i));
      const fd = openSync(temp, 'wx');
      writeSync(fd, bytes);
      closeSync(fd);
      temps.push(temp);
    }
    await Promise.all(
      temps.map(async (t) => {
        const f = await open(t, 'r+');
        await f.sync();
        await f.close();
      }),
    );
    const shards = new Set<string>();
    temps.forEach((t, i) => {
      const shard = shardOf(b, i);
      mkdirSync(shard, { recursive: true });
      renameSync(t, join(shard, String(i)));
      shards.add(shard);
    });
    await Promise.all(
      [...shards].map(async (s) => {
        const f = await open(s, 'r');
        await f.sync();
        await f.close();
      }),
    );
  });

  const c = fresh('probe-syncfs');
  const syncfs = await time(() => {
    for (let i = 0; i < count; i++) {
      const shard = shardOf(c, i);
      mkdirSync(shard, { recursive: true });
      const fd = openSync(join(shard, String(i)), 'wx');
      writeSync(fd, bytes);
      closeSync(fd);
    }
    execFileSync('sync', ['-f', c]);
  });

  const d = fresh('probe-segment');
  const segment = await time(() => {
    const fd = openSync(join(d, 'segment'), 'wx');
    for (let i = 0; i < count; i++) writeSync(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fsyncDir(d);
  });
  for (const x of [a, b, c, d, e]) rmSync(x, { recursive: true, force: true });
  return { creates, eachFsynced, concurrentFsync, syncfs, segment };
}

export function printDiskProbe(p: DiskProbe, count: number, size: number): void {
  const label = `${count} × ${Math.round(size / 1024)} KB`;
  console.log(`disk: ${count} empty files created                ${p.creates.toFixed(0)} ms`);
  console.log(`disk: ${label} each fsynced+renamed+dir fsync   ${p.eachFsynced.toFixed(0)} ms`);
  console.log(`disk: ${label} written, fsynced concurrently   ${p.concurrentFsync.toFixed(0)} ms`);
  console.log(`disk: ${label} written, one sync -f (syncfs)   ${p.syncfs.toFixed(0)} ms`);
  console.log(`disk: ${label} appended to one segment, fsync  ${p.segment.toFixed(0)} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? '/tmp';
  for (let r = 0; r < 2; r++) printDiskProbe(await probeSmallFiles(dir, 1000, 320 * 1024), 1000, 320 * 1024);
}
