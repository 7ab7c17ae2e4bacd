import { JejakError } from '../errors';
import { releaseNow } from '../release-now';
import type { ByteSource } from '../packages/platform';
import {
  AGE_CHUNK,
  AGE_MAGIC,
  AGE_NONCE_BYTES,
  AGE_SEALED_CHUNK,
  chunkCount,
  openChunk,
  payloadKey,
  plaintextLength,
} from './age-stream';

/**
 * An age file read like the plain file inside it, at any position, without ever writing the
 * plaintext anywhere: each read decrypts only the 64 KiB chunks it touches (every chunk carries its
 * own authenticator, so each is checked before a byte of it is handed out). A ZIP reader needs
 * random access (the central directory is at the end); this gives it, in bounded memory, as the
 * verify path's ByteSource, so an encrypted package is read exactly as a plain one.
 */

/** Headers are a few hundred bytes per recipient; this bounds what is read looking for the end of one. */
const MAX_HEADER = 1 << 20;
const ARMOR = '-----BEGIN AGE ENCRYPTED FILE-----';

const latin1 = (bytes: Uint8Array, length: number): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(length, bytes.length)).toString('latin1');

export function looksLikeAge(head: Uint8Array): boolean {
  return latin1(head, AGE_MAGIC.length) === AGE_MAGIC || latin1(head, ARMOR.length) === ARMOR;
}

async function readExactly(source: ByteSource, length: number, position: number): Promise<Buffer> {
  const bytes = await source.read(position, length);
  if (bytes.length !== length)
    throw new JejakError('UNREADABLE', 'The encrypted package ended early (was it changed while being read?).');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** The header's length: it ends with the line "--- <MAC>". */
async function headerLength(source: ByteSource): Promise<number> {
  const head = await readExactly(source, Math.min(source.size, MAX_HEADER), 0);
  if (head.subarray(0, ARMOR.length).toString('latin1') === ARMOR) {
    throw new JejakError(
      'UNREADABLE',
      'The package is age-encrypted in ASCII armor; Jejak reads binary age files. Remove the armor with: age -d … | age -r … > NAME.zip.age',
    );
  }
  const macLine = head.indexOf('\n--- ');
  const end = macLine < 0 ? -1 : head.indexOf('\n', macLine + 1);
  if (end < 0) throw new JejakError('UNREADABLE', 'The encrypted package has no complete age header.');
  return end + 1;
}

function asKeyError(err: unknown): JejakError {
  const message = (err as Error).message ?? String(err);
  if (/no identity matched/i.test(message)) {
    return new JejakError(
      'WRONG_AGE_KEY',
      'This package is encrypted for other recipients: your age key cannot open it. Nothing was written.',
    );
  }
  return new JejakError(
    'INTEGRITY',
    `The encrypted package's age header does not check (${message}): it was damaged or changed.`,
  );
}

export class AgeFile implements ByteSource {
  /** the first chunk that failed to authenticate: a reader above may wrap the error it threw */
  damage: JejakError | null = null;
  /** each read decrypts on the reading thread */
  readonly decryptsOnRead = true;
  private cached: { index: number; plain: Buffer } | null = null;

  private constructor(
    private readonly source: ByteSource,
    private readonly key: Buffer,
    private readonly payloadStart: number,
    private readonly sealedBytes: number,
    private readonly chunks: number,
    /** the plaintext's size */
    readonly size: number,
  ) {}

  /** Opens with the first identity that matches a recipient; WRONG_AGE_KEY when none does. */
  static async open(source: ByteSource, identities: readonly string[]): Promise<AgeFile> {
    if (identities.length === 0)
      throw new JejakError(
        'WRONG_AGE_KEY',
        'This package is age-encrypted: open it with an age identity (your vault, or --identity KEY.txt).',
      );
    const fileSize = source.size;
    const length = await headerLength(source);
    // age-encryption (about 180 ms to load) only for a package that is encrypted
    const { Decrypter } = await import('age-encryption');
    const decrypter = new Decrypter();
    for (const identity of identities) decrypter.addIdentity(identity);
    let fileKey: Uint8Array;
    try {
      fileKey = await decrypter.decryptHeader(await readExactly(source, length, 0));
    } catch (err) {
      throw asKeyError(err);
    }
    if (fileSize < length + AGE_NONCE_BYTES)
      throw new JejakError('INTEGRITY', 'The encrypted package ends after its header: it was cut short.');
    const nonce = await readExactly(source, AGE_NONCE_BYTES, length);
    const sealedBytes = fileSize - length - AGE_NONCE_BYTES;
    const chunks = chunkCount(sealedBytes);
    if (chunks === null)
      throw new JejakError(
        'INTEGRITY',
        'The encrypted package has a length no age file has: it was cut short or extended.',
      );
    return new AgeFile(
      source,
      payloadKey(fileKey, nonce),
      length + AGE_NONCE_BYTES,
      sealedBytes,
      chunks,
      plaintextLength(sealedBytes, chunks),
    );
  }

  private fail(index: number): never {
    this.damage ??= new JejakError(
      'INTEGRITY',
      `The encrypted package is damaged: part ${index + 1} of ${this.chunks} does not authenticate, so it was changed after it was encrypted.`,
    );
    throw this.damage;
  }

  /** Decrypts chunks first..last (inclusive) from one read of their sealed bytes. */
  private async chunksAt(first: number, last: number): Promise<Buffer[]> {
    if (this.cached && first === this.cached.index && last === first) return [this.cached.plain];
    const start = first * AGE_SEALED_CHUNK;
    const end = Math.min(this.sealedBytes, (last + 1) * AGE_SEALED_CHUNK);
    const sealed = await readExactly(this.source, end - start, this.payloadStart + start);
    const plain: Buffer[] = [];
    for (let index = first; index <= last; index++) {
      const at = (index - first) * AGE_SEALED_CHUNK;
      const chunk = openChunk(this.key, index, index === this.chunks - 1, sealed.subarray(at, at + AGE_SEALED_CHUNK));
      if (!chunk) this.fail(index);
      plain.push(chunk);
    }
    const tail = plain.at(-1);
    if (tail) this.cached = { index: last, plain: tail };
    return plain;
  }

  /** The plaintext from `offset`: `length` bytes, fewer only at its end. Chunks are never changed once decrypted, so views of them may be handed out. */
  async read(offset: number, length: number): Promise<Uint8Array> {
    const want = Math.max(0, Math.min(length, this.size - offset));
    if (want === 0) return new Uint8Array(0);
    const first = Math.floor(offset / AGE_CHUNK);
    const last = Math.floor((offset + want - 1) / AGE_CHUNK);
    const from = offset - first * AGE_CHUNK;
    const chunks = await this.chunksAt(first, last);
    if (chunks.length === 1) return (chunks[0] as Buffer).subarray(from, from + want);
    const joined = Buffer.concat(chunks);
    // copied: each but the last (kept for the next read) given back now, not at a collection
    for (const chunk of chunks.slice(0, -1)) releaseNow(chunk);
    return joined.subarray(from, from + want);
  }

  close(): void {
    this.key.fill(0);
    this.cached = null;
  }
}
