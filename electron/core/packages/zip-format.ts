import { bytesEqual, u16, u32, u64big } from './bytes';
import { inEnglish, type Phrase, say } from './phrases';

/**
 * ZIP records (APPNOTE 6.3.x), read strictly. Packages are read by different tools (unzip, 7-Zip,
 * Windows, us), so anything two readers could interpret differently is refused, not guessed at.
 */

export const SIG_LOCAL = 0x04034b50;
export const MAX16 = 0xffff;
export const MAX32 = 0xffffffff;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_END = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_DESCRIPTOR = 0x08074b50;

export const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
/** deflate options (bits 1, 2), data descriptor (3), UTF-8 names (11): nothing else is ours to read */
const ALLOWED_FLAGS = 0x0002 | 0x0004 | FLAG_DESCRIPTOR | FLAG_UTF8;
/** Info-ZIP unzip 6 extracts up to version 4.6; anything needing more fails "verify by hand". */
const MAX_VERSION_NEEDED = 45;
const END_SIZE = 22;
const ZIP64_END_SIZE = 56;
const ZIP64_LOCATOR_SIZE = 20;
export const TAIL_SIZE = END_SIZE + ZIP64_LOCATOR_SIZE + ZIP64_END_SIZE;
export const LOCAL_FIXED = 30;
export const DESCRIPTOR_MAX = 24;

/** A ZIP that cannot be read at all; `phrase` says why, for the reader's language. */
export class ZipFormatError extends Error {
  constructor(readonly phrase: Phrase) {
    super(inEnglish(phrase));
  }
}

function u64(buf: Uint8Array, at: number): number {
  const v = u64big(buf, at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError(say('check.zip.u64'));
  return Number(v);
}

function parseExtra(buf: Uint8Array): Map<number, Uint8Array> {
  const fields = new Map<number, Uint8Array>();
  let at = 0;
  while (at < buf.length) {
    if (at + 4 > buf.length) throw new ZipFormatError(say('check.zip.extraTruncated'));
    const id = u16(buf, at);
    const end = at + 4 + u16(buf, at + 2);
    if (end > buf.length) throw new ZipFormatError(say('check.zip.extraOverruns'));
    if (fields.has(id)) throw new ZipFormatError(say('check.zip.extraRepeated', { field: `0x${id.toString(16)}` }));
    fields.set(id, buf.subarray(at + 4, end));
    at = end;
  }
  return fields;
}

export interface EndRecord {
  entryCount: number;
  cdOffset: number;
  cdSize: number;
  zip64: boolean;
  /** where the end records start: the central directory must end exactly here */
  endStart: number;
}

/** Reads the end records from the file's last bytes. No archive comment and nothing after it. */
export function parseEnd(tail: Uint8Array, fileSize: number): EndRecord {
  if (fileSize === 0) throw new ZipFormatError(say('check.zip.empty'));
  if (fileSize < END_SIZE || u32(tail, tail.length - END_SIZE) !== SIG_END) {
    throw new ZipFormatError(say('check.zip.noEnd'));
  }
  const end = tail.subarray(tail.length - END_SIZE);
  if (u16(end, 20) !== 0) throw new ZipFormatError(say('check.zip.comment'));
  if (u16(end, 4) !== 0 || u16(end, 6) !== 0 || u16(end, 8) !== u16(end, 10)) {
    throw new ZipFormatError(say('check.zip.multiDisk'));
  }
  let record: EndRecord = {
    entryCount: u16(end, 10),
    cdSize: u32(end, 12),
    cdOffset: u32(end, 16),
    zip64: false,
    endStart: fileSize - END_SIZE,
  };
  const locatorAt = tail.length - END_SIZE - ZIP64_LOCATOR_SIZE;
  if (locatorAt >= 0 && u32(tail, locatorAt) === SIG_ZIP64_LOCATOR) {
    const zip64At = fileSize - TAIL_SIZE;
    const z = tail.subarray(0, ZIP64_END_SIZE);
    if (
      tail.length < TAIL_SIZE ||
      u64(tail, locatorAt + 8) !== zip64At ||
      u32(z, 0) !== SIG_ZIP64_END ||
      u64(z, 4) !== ZIP64_END_SIZE - 12
    ) {
      throw new ZipFormatError(say('check.zip.zip64Misplaced'));
    }
    if (
      u32(tail, locatorAt + 4) !== 0 ||
      u32(tail, locatorAt + 16) !== 1 ||
      u32(z, 16) !== 0 ||
      u32(z, 20) !== 0 ||
      u64(z, 24) !== u64(z, 32)
    ) {
      throw new ZipFormatError(say('check.zip.multiDisk'));
    }
    const wide = { entryCount: u64(z, 32), cdSize: u64(z, 40), cdOffset: u64(z, 48) };
    // The 32-bit fields must be saturated or agree, so a reader ignoring ZIP64 cannot see another archive.
    if (
      (record.entryCount !== MAX16 && record.entryCount !== wide.entryCount) ||
      (record.cdSize !== MAX32 && record.cdSize !== wide.cdSize) ||
      (record.cdOffset !== MAX32 && record.cdOffset !== wide.cdOffset)
    ) {
      throw new ZipFormatError(say('check.zip.zip64Disagrees'));
    }
    record = { ...wide, zip64: true, endStart: zip64At };
  } else if (record.entryCount === MAX16 || record.cdSize === MAX32 || record.cdOffset === MAX32) {
    throw new ZipFormatError(say('check.zip.zip64Missing'));
  }
  if (record.cdOffset + record.cdSize !== record.endStart) {
    throw new ZipFormatError(say('check.zip.directoryEnd'));
  }
  return record;
}

export interface CentralEntry {
  index: number;
  versionMadeBy: number;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  externalAttributes: number;
  localHeaderOffset: number;
  nameRaw: Uint8Array;
  /** sizes and offset live in a ZIP64 extra field; its data descriptor then has 8-byte sizes */
  zip64: boolean;
  /** carries an Info-ZIP Unicode Path field: a second name some readers prefer */
  unicodePathField: boolean;
  /** why this entry cannot be read, if it cannot */
  problem?: Phrase;
}

function entryProblem(
  e: CentralEntry,
  versionNeeded: number,
  diskStart: number,
  commentLength: number,
): Phrase | undefined {
  if (e.flags & 0x0041) return say('check.entry.encrypted');
  if (e.flags & ~ALLOWED_FLAGS) return say('check.entry.flags', { flags: `0x${e.flags.toString(16)}` });
  if (e.method !== 0 && e.method !== 8) return say('check.entry.method', { method: e.method });
  if ((versionNeeded & 0xff) > MAX_VERSION_NEEDED)
    return say('check.entry.version', { version: (versionNeeded & 0xff) / 10 });
  if (e.method === 0 && e.compressedSize !== e.uncompressedSize) return say('check.entry.storedSizes');
  if (diskStart !== 0) return say('check.entry.otherDisk');
  if (commentLength !== 0) return say('check.entry.comment');
  return undefined;
}

/** Parses the whole central directory, which must hold exactly `count` records and nothing else. */
export function parseCentralDirectory(cd: Uint8Array, count: number): CentralEntry[] {
  const entries: CentralEntry[] = [];
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > cd.length || u32(cd, at) !== SIG_CENTRAL)
      throw new ZipFormatError(say('check.zip.recordDamaged', { record: index + 1 }));
    const nameLength = u16(cd, at + 28);
    const extraLength = u16(cd, at + 30);
    const commentLength = u16(cd, at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > cd.length) throw new ZipFormatError(say('check.zip.recordOverruns', { record: index + 1 }));
    const extra = parseExtra(cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    const entry: CentralEntry = {
      index,
      versionMadeBy: u16(cd, at + 4),
      flags: u16(cd, at + 8),
      method: u16(cd, at + 10),
      crc32: u32(cd, at + 16),
      compressedSize: u32(cd, at + 20),
      uncompressedSize: u32(cd, at + 24),
      externalAttributes: u32(cd, at + 38),
      localHeaderOffset: u32(cd, at + 42),
      nameRaw: cd.subarray(at + 46, at + 46 + nameLength),
      zip64: extra.has(0x0001),
      unicodePathField: extra.has(0x7075),
    };
    readZip64Extra(entry, extra.get(0x0001));
    entry.problem = entryProblem(entry, u16(cd, at + 6), u16(cd, at + 34), commentLength);
    entries.push(entry);
    at = next;
  }
  if (at !== cd.length) throw new ZipFormatError(say('check.zip.directoryExtra', { bytes: cd.length - at, count }));
  return entries;
}

function readZip64Extra(e: CentralEntry, field: Uint8Array | undefined): void {
  let at = 0;
  const take = (): number => {
    if (!field || at + 8 > field.length)
      throw new ZipFormatError(say('check.zip.recordZip64', { record: e.index + 1 }));
    at += 8;
    return u64(field, at - 8);
  };
  if (e.uncompressedSize === MAX32) e.uncompressedSize = take();
  if (e.compressedSize === MAX32) e.compressedSize = take();
  if (e.localHeaderOffset === MAX32) e.localHeaderOffset = take();
}

/** Checks a local header against its central record; returns the header's total length. */
export function checkLocalHeader(e: CentralEntry, fixed: Uint8Array, variable: Uint8Array): number | Phrase {
  const nameLength = u16(fixed, 26);
  if (u32(fixed, 0) !== SIG_LOCAL) return say('check.entry.noLocalHeader');
  if ((u16(fixed, 4) & 0xff) > MAX_VERSION_NEEDED) return say('check.entry.localVersion');
  if (u16(fixed, 6) !== e.flags || u16(fixed, 8) !== e.method) return say('check.entry.localFlags');
  if (!bytesEqual(variable.subarray(0, nameLength), e.nameRaw)) return say('check.entry.localName');
  let extra: Map<number, Uint8Array>;
  try {
    extra = parseExtra(variable.subarray(nameLength));
  } catch (err) {
    if (!(err instanceof ZipFormatError)) throw err;
    return say('check.entry.localDamaged', { problem: err.phrase });
  }
  if (extra.has(0x7075)) return say('check.entry.localUnicodePath');
  if (!(e.flags & FLAG_DESCRIPTOR)) {
    let sizes = [u32(fixed, 18), u32(fixed, 22)];
    const wide = extra.get(0x0001);
    if (sizes[0] === MAX32 && sizes[1] === MAX32 && wide && wide.length >= 16) sizes = [u64(wide, 8), u64(wide, 0)];
    if (u32(fixed, 14) !== e.crc32 || sizes[0] !== e.compressedSize || sizes[1] !== e.uncompressedSize) {
      return say('check.entry.localSizes');
    }
  }
  return LOCAL_FIXED + variable.length;
}

/**
 * Length of the data descriptor that follows an entry's data, or null if none there matches the
 * central directory. The signature is optional in the spec; sizes are 8 bytes for ZIP64 entries.
 */
export function descriptorLength(e: CentralEntry, after: Uint8Array): number | null {
  const width = e.zip64 ? 8 : 4;
  for (const signed of [true, false]) {
    const at = signed ? 4 : 0;
    if (signed && (after.length < 4 || u32(after, 0) !== SIG_DESCRIPTOR)) continue;
    const length = at + 4 + 2 * width;
    if (after.length < length) continue;
    const read = (o: number): number => (width === 8 ? u64(after, o) : u32(after, o));
    if (u32(after, at) === e.crc32 && read(at + 4) === e.compressedSize && read(at + 4 + width) === e.uncompressedSize)
      return length;
  }
  return null;
}
