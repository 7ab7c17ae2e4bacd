/**
 * ZIP records as we write them (the layout yazl uses): UTF-8 names, Unix mode 0644 in the external
 * attributes, ZIP64 fields only where a size or offset needs them, no comments.
 */

import { MAX16, MAX32, SIG_LOCAL } from './zip-format';

export { MAX16, MAX32, SIG_LOCAL };

const UTF8 = 0x0800;
const DESCRIPTOR = 0x0008;
/** Unix, spec 6.3: the external attributes then carry the Unix mode. */
const MADE_BY = (3 << 8) | 63;
const MODE = 0o100644;

export interface DosTime {
  time: number;
  date: number;
}

/** DOS timestamps are local time, as every zip tool shows them. */
export function dosDateTime(d: Date): DosTime {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export interface EntryRecord {
  name: Buffer;
  method: 0 | 8;
  /** sizes and CRC follow the data in a descriptor (streamed entries) */
  streamed: boolean;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  when: DosTime;
}

export const needsZip64 = (e: EntryRecord): boolean =>
  e.size > MAX32 - 1 || e.compressedSize > MAX32 - 1 || e.offset > MAX32 - 1;

export function localHeader(e: EntryRecord): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(SIG_LOCAL, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(e.streamed ? UTF8 | DESCRIPTOR : UTF8, 6);
  h.writeUInt16LE(e.method, 8);
  h.writeUInt16LE(e.when.time, 10);
  h.writeUInt16LE(e.when.date, 12);
  if (!e.streamed) {
    h.writeUInt32LE(e.crc, 14);
    h.writeUInt32LE(e.compressedSize, 18);
    h.writeUInt32LE(e.size, 22);
  }
  h.writeUInt16LE(e.name.length, 26);
  return Buffer.concat([h, e.name]);
}

/** CRC and sizes as they sit at offset 14 of a local header, to fill in once the data is written. */
export function localSizes(e: EntryRecord): Buffer {
  const b = Buffer.alloc(12);
  b.writeUInt32LE(e.crc, 0);
  b.writeUInt32LE(e.compressedSize, 4);
  b.writeUInt32LE(e.size, 8);
  return b;
}

/** With the optional signature (macOS Archive Utility wants it); 8-byte sizes for ZIP64 entries. */
export function dataDescriptor(e: EntryRecord, zip64: boolean): Buffer {
  const d = Buffer.alloc(zip64 ? 24 : 16);
  d.writeUInt32LE(0x08074b50, 0);
  d.writeUInt32LE(e.crc, 4);
  if (zip64) {
    d.writeBigUInt64LE(BigInt(e.compressedSize), 8);
    d.writeBigUInt64LE(BigInt(e.size), 16);
  } else {
    d.writeUInt32LE(e.compressedSize, 8);
    d.writeUInt32LE(e.size, 12);
  }
  return d;
}

export function centralRecord(e: EntryRecord, zip64: boolean): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(MADE_BY, 4);
  h.writeUInt16LE(zip64 ? 45 : 20, 6);
  h.writeUInt16LE(e.streamed ? UTF8 | DESCRIPTOR : UTF8, 8);
  h.writeUInt16LE(e.method, 10);
  h.writeUInt16LE(e.when.time, 12);
  h.writeUInt16LE(e.when.date, 14);
  h.writeUInt32LE(e.crc, 16);
  h.writeUInt32LE(zip64 ? MAX32 : e.compressedSize, 20);
  h.writeUInt32LE(zip64 ? MAX32 : e.size, 24);
  h.writeUInt16LE(e.name.length, 28);
  h.writeUInt16LE(zip64 ? 28 : 0, 30);
  h.writeUInt32LE((MODE << 16) >>> 0, 38);
  h.writeUInt32LE(zip64 ? MAX32 : e.offset, 42);
  if (!zip64) return Buffer.concat([h, e.name]);
  const extra = Buffer.alloc(28);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(24, 2);
  extra.writeBigUInt64LE(BigInt(e.size), 4);
  extra.writeBigUInt64LE(BigInt(e.compressedSize), 12);
  extra.writeBigUInt64LE(BigInt(e.offset), 20);
  return Buffer.concat([h, e.name, extra]);
}

/** The end record, preceded by the ZIP64 end record and locator when `zip64`. */
export function endRecords(count: number, cdOffset: number, cdSize: number, zip64: boolean): Buffer {
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

export const needsZip64End = (count: number, cdOffset: number, cdSize: number): boolean =>
  count >= MAX16 || cdOffset >= MAX32 || cdSize >= MAX32;
