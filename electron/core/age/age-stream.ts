import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';

/**
 * The payload of an age file (age-encryption.org/v1): a 16-byte nonce, then the plaintext in
 * 64 KiB chunks, each sealed with ChaCha20-Poly1305 under HKDF-SHA256(file key, nonce, "payload"),
 * the nonce being an 11-byte big-endian chunk counter and a last-chunk flag. Node's native cipher
 * does this about 20 times faster than the pure-JavaScript one in age-encryption, which still makes
 * and reads every header (recipients, stanzas, MAC).
 */

export const AGE_MAGIC = 'age-encryption.org/v1\n';
export const AGE_NONCE_BYTES = 16;
export const AGE_CHUNK = 64 * 1024;
const TAG = 16;
export const AGE_SEALED_CHUNK = AGE_CHUNK + TAG;

export function payloadKey(fileKey: Uint8Array, nonce: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32));
}

function chunkNonce(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** A sealed chunk as its two pieces, ciphertext and tag (ChaCha20-Poly1305's final() adds no bytes). */
function sealChunkPieces(key: Buffer, counter: number, last: boolean, plain: Uint8Array): [Buffer, Buffer] {
  const cipher = createCipheriv('chacha20-poly1305', key, chunkNonce(counter, last), { authTagLength: TAG });
  const body = cipher.update(plain);
  cipher.final();
  return [body, cipher.getAuthTag()];
}

function sealChunk(key: Buffer, counter: number, last: boolean, plain: Uint8Array): Buffer {
  return Buffer.concat(sealChunkPieces(key, counter, last, plain));
}

/** The chunk's plaintext, or null when it does not authenticate (changed, moved or truncated). */
export function openChunk(key: Buffer, counter: number, last: boolean, sealed: Uint8Array): Buffer | null {
  if (sealed.length < TAG) return null;
  try {
    const decipher = createDecipheriv('chacha20-poly1305', key, chunkNonce(counter, last), { authTagLength: TAG });
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
    const plain = decipher.update(sealed.subarray(0, sealed.length - TAG));
    decipher.final(); // checks the tag; it adds no bytes
    return plain;
  } catch {
    return null;
  }
}

/** How many chunks a payload of this many sealed bytes holds, or null if no age writer makes that length. */
export function chunkCount(sealedBytes: number): number | null {
  if (sealedBytes < TAG) return null;
  const count = Math.max(1, Math.ceil(sealedBytes / AGE_SEALED_CHUNK));
  const last = sealedBytes - (count - 1) * AGE_SEALED_CHUNK;
  // Only an empty file ends in an empty chunk.
  if (last === TAG && count > 1) return null;
  return count;
}

export function plaintextLength(sealedBytes: number, chunks: number): number {
  return sealedBytes - chunks * TAG;
}

/**
 * Seals plaintext as it comes, in order. The last chunk is flagged, so the final 64 KiB are held
 * back until `finish`: a full chunk may still turn out to be the last one.
 */
export class ChunkSealer {
  private readonly pending = Buffer.alloc(AGE_CHUNK);
  private used = 0;
  private counter = 0;

  constructor(private readonly key: Buffer) {}

  /**
   * The sealed chunks that `bytes` completes (never the last one), as ciphertext and tag pieces in
   * order. `bytes` is read before this returns and may be reused. Whole chunks are sealed straight
   * from it; only a chunk that straddles two calls is gathered in `pending`.
   */
  push(bytes: Uint8Array): Buffer[] {
    const out: Buffer[] = [];
    for (let at = 0; at < bytes.length;) {
      if (this.used === AGE_CHUNK) {
        out.push(...sealChunkPieces(this.key, this.counter++, false, this.pending));
        this.used = 0;
      }
      // A whole chunk with more bytes after it (so it is not the last): sealed where it lies.
      if (this.used === 0 && bytes.length - at > AGE_CHUNK) {
        out.push(...sealChunkPieces(this.key, this.counter++, false, bytes.subarray(at, at + AGE_CHUNK)));
        at += AGE_CHUNK;
        continue;
      }
      const n = Math.min(AGE_CHUNK - this.used, bytes.length - at);
      this.pending.set(bytes.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
    }
    return out;
  }

  finish(): Buffer {
    const last = sealChunk(this.key, this.counter, true, this.pending.subarray(0, this.used));
    this.key.fill(0);
    return last;
  }
}
