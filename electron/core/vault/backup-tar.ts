/**
 * The few parts of POSIX ustar a backup needs: regular files only, written and read in order.
 * Any tar (GNU, bsdtar, 7-Zip) lists and extracts what this writes; sizes of 8 GiB and more use
 * the base-256 size field GNU tar introduced and every current tar reads.
 */
export const BLOCK = 512;
/** Two zero blocks end an archive. */
export const END_OF_ARCHIVE = Buffer.alloc(2 * BLOCK);
const OCTAL_SIZE_LIMIT = 8 ** 11;
const MAGIC = 'ustar\u000000';

function writeOctal(block: Buffer, offset: number, length: number, value: number): void {
  block.write(`${value.toString(8).padStart(length - 1, '0')}\0`, offset, length, 'latin1');
}

function writeSize(block: Buffer, size: number): void {
  if (size < OCTAL_SIZE_LIMIT) return writeOctal(block, 124, 12, size);
  block[124] = 0x80;
  block.writeBigUInt64BE(BigInt(size), 128);
}

function checksum(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return sum;
}

/** The header block of a regular file, mode 0600, owned by nobody in particular. */
export function fileHeader(name: string, size: number, mtime: Date): Buffer {
  const block = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 100) throw new Error(`tar name too long: ${name}`);
  block.write(name, 0, 100, 'utf8');
  writeOctal(block, 100, 8, 0o600);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  writeSize(block, size);
  writeOctal(block, 136, 12, Math.floor(mtime.getTime() / 1000));
  block[156] = 0x30; // '0': a regular file
  block.write(MAGIC, 257, 8, 'latin1');
  block.write(`${checksum(block).toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1');
  return block;
}

/** Zero bytes that bring an entry of `size` bytes up to a whole block. */
export function padding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

export interface ParsedHeader {
  name: string;
  size: number;
}

function readOctal(field: Buffer): number | null {
  const text = field.toString('latin1').replace(/[\0 ]+$/, '');
  return /^[0-7]{1,12}$/.test(text) ? parseInt(text, 8) : null;
}

function readSize(block: Buffer): number | null {
  if (block[124] !== 0x80) return readOctal(block.subarray(124, 136));
  if (block.readUInt32BE(124) !== 0x80000000) return null;
  const size = block.readBigUInt64BE(128);
  return size <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(size) : null;
}

/**
 * A header this module wrote, or the reason it is not one: the checksum, the ustar magic and the
 * regular-file type must hold, and the name must sit in the name field alone (no prefix).
 */
export function parseHeader(block: Buffer): ParsedHeader | string {
  const stored = readOctal(block.subarray(148, 156));
  if (stored === null || stored !== checksum(block)) return 'its checksum does not match';
  if (block.toString('latin1', 257, 265) !== MAGIC) return 'it is not a ustar header';
  if (block[156] !== 0x30) return 'it is not a regular file';
  if (block[345] !== 0) return 'it uses the name prefix field';
  const end = block.indexOf(0, 0);
  const name = block.toString('utf8', 0, end === -1 || end > 100 ? 100 : end);
  const size = readSize(block);
  if (size === null) return 'its size field is unreadable';
  return { name, size };
}
