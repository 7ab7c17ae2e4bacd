import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { crc32 } from '../crc32';
import { OffThreadDigest } from '../off-thread-digest';
import {
  DEFLATE_TRAILING_DATA,
  type ByteSource,
  type FolderSource,
  type Hasher,
  type Platform,
  type SpkiKey,
} from './platform';

/** The verify path's platform in Node: OpenSSL through node:crypto, zlib, SHA-512 on the second core. */

/** What fileSource reads through: a FileHandle, or anything with its positional read (a sealed scratch file). */
export interface PositionalReader {
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
}

/** A file already open: reads go straight to the handle, each into a buffer of its own (or the caller's). */
export function fileSource(handle: PositionalReader, size: number): ByteSource {
  const readInto = async (target: Uint8Array, offset: number): Promise<number> => {
    const buffer = Buffer.from(target.buffer, target.byteOffset, target.byteLength);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, offset + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled;
  };
  return {
    size,
    readInto,
    async read(offset, length) {
      const buffer = Buffer.allocUnsafe(length);
      const filled = await readInto(buffer, offset);
      return filled === length ? buffer : buffer.subarray(0, filled);
    },
  };
}

function localHasher(algorithm: 'sha256' | 'sha512'): Hasher {
  const hash = createHash(algorithm);
  return { update: (chunk) => void hash.update(chunk), digest: () => Promise.resolve(hash.digest('hex')) };
}

/** Below this a file is hashed in-thread: handing it to the worker would cost more than hashing it. */
const OFF_THREAD_FROM_BYTES = 64 * 1024;
/** Up to this a file is hashed in-thread when the worker is behind (see sha512). */
const STOLEN_UP_TO_BYTES = 4 * 1024 * 1024;

/**
 * SHA-512 on the hashing worker, beside this thread's SHA-256, CRC-32 and reads (SHA-512 costs the
 * most here: the CPU has instructions only for SHA-256). `update` waits only when every buffer of
 * the worker's pool is in use, so a slow worker slows the reads without blocking the thread.
 * A small file begun while the worker is behind is hashed here instead: with many small files the
 * worker's SHA-512 alone took longer than all this thread does, which then waited on it. A large one
 * still goes to the worker, which would otherwise be left idle while this thread hashed it all.
 */
function sha512(expectedBytes: number): Hasher {
  const inThread =
    expectedBytes < OFF_THREAD_FROM_BYTES || (expectedBytes <= STOLEN_UP_TO_BYTES && OffThreadDigest.behind());
  if (inThread) return localHasher('sha512');
  const hash = new OffThreadDigest({ sha256: false, sha512: true, md5: false, crc32: false });
  // Pieces reach the worker in order, and the digest after them, even from a caller that did not wait.
  let updated: Promise<void> = Promise.resolve();
  return {
    update: (chunk) => (updated = updated.then(() => hash.update(chunk))),
    async digest() {
      await updated.catch(() => undefined); // a failed update fails the digest too
      return (await hash.digest()).sha512 as string;
    },
  };
}

/**
 * zlib's raw inflate over the chunks. zlib stops quietly at the end of the deflate stream; bytes
 * after it (input it never consumed) are refused here, as the browser's DecompressionStream does.
 */
async function* inflateRaw(compressed: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const inflater = createInflateRaw({ chunkSize: 1 << 16 });
  let fed = 0;
  let drained = false;
  async function* counted(): AsyncIterable<Uint8Array> {
    for await (const chunk of compressed) {
      fed += chunk.length;
      yield chunk;
    }
    drained = true;
  }
  // Errors reach the loop below through the inflater; the callback only has to exist.
  const output = pipeline(counted(), inflater, () => undefined);
  for await (const chunk of output) yield chunk as Buffer;
  if (!drained || fed !== inflater.bytesWritten) throw new Error(DEFLATE_TRAILING_DATA);
}

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

async function readSpki(der: Uint8Array): Promise<SpkiKey | null> {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
  const type = key.asymmetricKeyType ?? 'unknown';
  if (type !== 'ed25519') return { type };
  const canonicalDer = key.export({ type: 'spki', format: 'der' });
  return { type, ed25519: { raw: canonicalDer.subarray(ED25519_SPKI_PREFIX.length), canonicalDer } };
}

async function verifyEd25519(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
  return verify(null, data, key, signature);
}

export const nodePlatform: Platform = {
  sha256: () => localHasher('sha256'),
  sha512,
  crc32: (chunk, previous) => crc32(chunk, previous),
  inflateRaw,
  readSpki,
  verifyEd25519,
};

/** A bag folder on disk (`root` already resolved and known to be a folder), never following a link. */
export function folderSource(root: string): FolderSource {
  return {
    name: basename(root),
    list: (dir) => readdir(join(root, dir), { encoding: 'buffer' }),
    async stat(path) {
      const info = await lstat(join(root, path));
      const kind = info.isSymbolicLink() ? 'link' : info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
      return { kind, size: info.size };
    },
    async open(path) {
      // O_NOFOLLOW: a file swapped for a link after the walk is refused, not followed.
      const handle = await open(join(root, path), constants.O_RDONLY | constants.O_NOFOLLOW);
      const info = await handle.stat().catch(async (err: unknown) => {
        await handle.close();
        throw err;
      });
      if (info.isFile()) return { ...fileSource(handle, info.size), close: () => handle.close() };
      await handle.close();
      return null;
    },
  };
}
