import { crc32 } from 'node:zlib';
import type { FileHandle } from 'node:fs/promises';
import { throwIfAborted, type OperationOptions } from './operation';
import { SIG_LOCAL } from './zip-format';
import { CHUNK, type ZipArchive } from './zip-read';

/**
 * Adds files to an existing archive without touching a byte of it: the new file is the old one's
 * entries copied raw, the new entries, the old central directory copied raw, the new central
 * records, and fresh end records. Offsets of the old entries do not move, so their records stay valid.
 */

export interface NewEntry {
  name: string;
  data: Buffer;
}

const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const UTF8 = 0x0800;
/** Unix, spec 6.3, as yazl writes: external attributes then carry the Unix mode. */
const MADE_BY = (3 << 8) | 63;
const MODE = 0o100644;

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

interface Placed extends NewEntry {
  nameBytes: Buffer;
  crc: number;
  offset: number;
}

function localRecord(e: Placed, when: { time: number; date: number }): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(SIG_LOCAL, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(UTF8, 6);
  h.writeUInt16LE(0, 8);
  h.writeUInt16LE(when.time, 10);
  h.writeUInt16LE(when.date, 12);
  h.writeUInt32LE(e.crc, 14);
  h.writeUInt32LE(e.data.length, 18);
  h.writeUInt32LE(e.data.length, 22);
  h.writeUInt16LE(e.nameBytes.length, 26);
  return Buffer.concat([h, e.nameBytes, e.data]);
}

function centralRecord(e: Placed, when: { time: number; date: number }, zip64: boolean): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(MADE_BY, 4);
  h.writeUInt16LE(zip64 ? 45 : 20, 6);
  h.writeUInt16LE(UTF8, 8);
  h.writeUInt16LE(when.time, 12);
  h.writeUInt16LE(when.date, 14);
  h.writeUInt32LE(e.crc, 16);
  h.writeUInt32LE(zip64 ? MAX32 : e.data.length, 20);
  h.writeUInt32LE(zip64 ? MAX32 : e.data.length, 24);
  h.writeUInt16LE(e.nameBytes.length, 28);
  h.writeUInt16LE(zip64 ? 28 : 0, 30);
  h.writeUInt32LE((MODE << 16) >>> 0, 38);
  h.writeUInt32LE(zip64 ? MAX32 : e.offset, 42);
  if (!zip64) return Buffer.concat([h, e.nameBytes]);
  const extra = Buffer.alloc(28);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(24, 2);
  extra.writeBigUInt64LE(BigInt(e.data.length), 4);
  extra.writeBigUInt64LE(BigInt(e.data.length), 12);
  extra.writeBigUInt64LE(BigInt(e.offset), 20);
  return Buffer.concat([h, e.nameBytes, extra]);
}

function endRecords(count: number, cdOffset: number, cdSize: number, zip64: boolean): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? MAX16 : count, 8);
  end.writeUInt16LE(zip64 ? MAX16 : count, 10);
  end.writeUInt32LE(zip64 ? MAX32 : cdSize, 12);
  end.writeUInt32LE(zip64 ? MAX32 : cdOffset, 16);
  if (!zip64) return end;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(MADE_BY, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(cdSize), 40);
  record.writeBigUInt64LE(BigInt(cdOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([record, locator, end]);
}

async function copyRange(from: FileHandle, to: FileHandle, start: number, length: number, at: number, onBytes: (n: number) => void, signal?: AbortSignal): Promise<void> {
  const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(length, 1)));
  for (let done = 0; done < length; ) {
    throwIfAborted(signal);
    const want = Math.min(buffer.length, length - done);
    const { bytesRead } = await from.read(buffer, 0, want, start + done);
    if (bytesRead !== want) throw new Error('The package got shorter while it was being copied.');
    await to.write(buffer, 0, want, at + done);
    done += want;
    onBytes(want);
  }
}

/** Writes `source` plus `entries` (stored, each small) into `out`; returns the new file's size. */
export async function appendEntries(source: ZipArchive, out: FileHandle, entries: readonly NewEntry[], mtime: Date, opts: OperationOptions): Promise<number> {
  const { cdOffset, cdSize, entryCount } = source.end;
  const when = dosDateTime(mtime);
  let done = 0;
  const onBytes = (n: number): void => {
    done += n;
    opts.onProgress?.({ bytesDone: done, bytesTotal: source.fileSize, file: 'copy' });
  };
  await copyRange(source.handle, out, 0, cdOffset, 0, onBytes, opts.signal);
  let position = cdOffset;
  const placed: Placed[] = entries.map((e) => {
    const p = { ...e, nameBytes: Buffer.from(e.name, 'utf8'), crc: crc32(e.data), offset: position };
    position += 30 + p.nameBytes.length + e.data.length;
    return p;
  });
  const locals = Buffer.concat(placed.map((e) => localRecord(e, when)));
  await out.write(locals, 0, locals.length, cdOffset);
  const count = entryCount + entries.length;
  const zip64 = source.end.zip64 || count >= MAX16 || position > MAX32 - 1;
  const newCdOffset = position;
  await copyRange(source.handle, out, cdOffset, cdSize, newCdOffset, onBytes, opts.signal);
  const records = Buffer.concat(placed.map((e) => centralRecord(e, when, zip64)));
  const end = Buffer.concat([records, endRecords(count, newCdOffset, cdSize + records.length, zip64)]);
  await out.write(end, 0, end.length, newCdOffset + cdSize);
  return newCdOffset + cdSize + end.length;
}
