import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EarlyWriteback } from '../../electron/core/early-writeback';
import { tempDir } from '../fixtures/temp';

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

describe('a file written with early write-back', () => {
  it('holds exactly the bytes written, positional and sequential writes alike, across several early syncs', async () => {
    const path = join(tempDir(), 'big.bin');
    const handle = await open(path, 'wx+');
    const file = new EarlyWriteback(handle);
    const expected = createHash('sha256');
    const header = randomBytes(32);
    await file.write(header, 0, header.length, null);
    expected.update(header);
    const block = randomBytes(8 * 1024 * 1024);
    for (let i = 0; i < 24; i++) {
      // 192 MiB in all: three early syncs start while the writes go on
      block[0] = i;
      await file.writev([block.subarray(0, 1000), block.subarray(1000)]);
      expected.update(block);
    }
    await file.settled();
    await handle.sync();
    await handle.close();
    expect(await sha256Of(path)).toBe(expected.digest('hex'));
  });

  it('does not lose an early sync that failed: the caller hears of it before its final sync', async () => {
    // Linux reports a write-back error to a descriptor once: if the early sync took it, the final
    // one would succeed on a file the disk did not keep. A handle whose disk fails, as the kernel says it.
    const failingDisk = {
      write: async (_b: Uint8Array, _o: number, length: number) => ({ bytesWritten: length, buffer: _b }),
      writev: async (buffers: Uint8Array[]) => ({
        bytesWritten: buffers.reduce((n, b) => n + b.length, 0),
        buffers,
      }),
      datasync: async () => {
        throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
      },
    } as unknown as FileHandle;
    const file = new EarlyWriteback(failingDisk);
    const block = Buffer.alloc(16 * 1024 * 1024);
    for (let i = 0; i < 5; i++) await file.writev([block]);
    await expect(file.settled()).rejects.toMatchObject({ code: 'EIO' });
  });

  it('starts no sync for a small file: it costs nothing there', async () => {
    const synced: number[] = [];
    const counting = {
      write: async (_b: Uint8Array, _o: number, length: number) => ({ bytesWritten: length, buffer: _b }),
      datasync: async () => void synced.push(1),
    } as unknown as FileHandle;
    const file = new EarlyWriteback(counting);
    for (let i = 0; i < 63; i++) await file.write(Buffer.alloc(1024 * 1024), 0, 1024 * 1024, i * 1024 * 1024);
    await file.settled();
    expect(synced).toEqual([]);
    await file.write(Buffer.alloc(1024 * 1024), 0, 1024 * 1024, 63 * 1024 * 1024);
    await file.settled();
    expect(synced).toEqual([1]);
  });
});
