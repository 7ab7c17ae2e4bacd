import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Blob file format (STREAM construction over AES-256-GCM, as in Hoang et al. / Tink):
 *   header  = "JJKB" | version (1) | log2(chunk size) (1) | 2 reserved | file id (16 random) | 8 reserved
 *   chunks  = ciphertext | 16-byte tag, each chunk `chunkSize` plaintext bytes except the last
 * Each file gets its own subkey HKDF(blob key, file id); nonce = 7 zero bytes | chunk counter (u32 BE)
 * | last-chunk flag, and the header is the associated data. So chunks cannot be reordered, dropped,
 * moved between files or truncated at a boundary without failing authentication, and a reader can
 * release each chunk as soon as its tag checks: memory stays one chunk whatever the file size.
 */
export const BLOB_MAGIC = Buffer.from('JJKB', 'ascii');
export const BLOB_VERSION = 1;
export const HEADER_BYTES = 32;
export const TAG_BYTES = 16;
export const DEFAULT_CHUNK_LOG2 = 20; // 1 MiB: large enough for throughput, small enough to stream

export interface BlobHeader {
  bytes: Buffer;
  chunkSize: number;
  fileId: Buffer;
}

export function newBlobHeader(chunkLog2 = DEFAULT_CHUNK_LOG2): BlobHeader {
  const bytes = Buffer.alloc(HEADER_BYTES);
  BLOB_MAGIC.copy(bytes, 0);
  bytes[4] = BLOB_VERSION;
  bytes[5] = chunkLog2;
  const fileId = randomBytes(16);
  fileId.copy(bytes, 8);
  return { bytes, chunkSize: 2 ** chunkLog2, fileId };
}

export function parseBlobHeader(bytes: Buffer): BlobHeader | null {
  if (bytes.length !== HEADER_BYTES || !bytes.subarray(0, 4).equals(BLOB_MAGIC) || bytes[4] !== BLOB_VERSION)
    return null;
  const log2 = bytes[5]!;
  if (log2 < 12 || log2 > 24) return null;
  return { bytes, chunkSize: 2 ** log2, fileId: Buffer.from(bytes.subarray(8, 24)) };
}

export function fileKey(blobKey: Buffer, header: BlobHeader): Buffer {
  return Buffer.from(hkdfSync('sha256', blobKey, header.fileId, 'jejak/blob-chunk/v1', 32));
}

/** The nonce of chunk `counter` of a file; `last` marks the final chunk, so a file cut at a chunk boundary fails. */
export function chunkNonce(counter: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeUInt32BE(counter, 7);
  n[11] = last ? 1 : 0;
  return n;
}

export function sealChunk(
  key: Buffer,
  header: BlobHeader,
  counter: number,
  last: boolean,
  plain: Uint8Array,
): Buffer[] {
  const cipher = createCipheriv('aes-256-gcm', key, chunkNonce(counter, last));
  cipher.setAAD(header.bytes);
  const body = cipher.update(plain);
  cipher.final();
  return [body, cipher.getAuthTag()];
}

/** Returns null when the chunk does not authenticate: the caller reports it, never the bytes. */
export function openChunk(
  key: Buffer,
  header: BlobHeader,
  counter: number,
  last: boolean,
  sealed: Buffer,
): Buffer | null {
  if (sealed.length < TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, chunkNonce(counter, last));
    decipher.setAAD(header.bytes);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const plain = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
    decipher.final();
    return plain;
  } catch {
    return null;
  }
}
