/**
 * What verifying a package needs from where it runs. Every check (ZIP structure, entries, bag,
 * statements, report, notice) is written once against these interfaces; Node (the app, the CLI,
 * the tests: platform-node.ts) and the browser verifier page (verifier/src/platform-browser.ts)
 * each implement them. Nothing on the verify path may import Node: the page bundles it, and its
 * build and type check refuse Node modules and globals.
 */

/** Random-access bytes: a file on disk, a Blob. */
export interface ByteSource {
  readonly size: number;
  /** `length` bytes from `offset`; fewer only where the source ends (or has shrunk meanwhile) */
  read(offset: number, length: number): Promise<Uint8Array>;
  /**
   * Optional: fills `target` from `offset` and says how many bytes came (fewer only where the source
   * ends), so that a reader done with each chunk before the next can reuse its buffers.
   */
  readInto?(target: Uint8Array, offset: number): Promise<number>;
  /**
   * Optional: true when reading costs the reading thread more than a copy (an age file's plaintext,
   * decrypted as it is read). The verifier then reads one entry at a time (see readData).
   */
  readonly decryptsOnRead?: boolean;
}

/**
 * An incremental hash over chunks, its digest in lowercase hex. `update` may hash elsewhere (Node
 * hashes large files on a worker thread): when it returns a promise, the caller waits for it before
 * the next update (that is the back-pressure) and leaves the chunk unchanged until the digest.
 * Every hash started is finished with `digest`, even when its bytes stop short.
 */
export interface Hasher {
  update(chunk: Uint8Array): void | Promise<void>;
  digest(): Promise<string>;
}

/** A public key read from SPKI DER, as the platform's own crypto reads it. */
export interface SpkiKey {
  /** the key type by Node's names: "ed25519", "rsa", "ec", "x25519"… */
  type: string;
  /** for an Ed25519 key: its raw 32 bytes, and the key encoded again as canonical DER */
  ed25519?: { raw: Uint8Array; canonicalDer: Uint8Array };
}

/** How both platforms word deflate data that goes on after its last block. */
export const DEFLATE_TRAILING_DATA = 'bytes follow the end of the compressed stream';

export interface Platform {
  sha256(): Hasher;
  /** `expectedBytes`: how much will be hashed, when known (Node hashes all but tiny inputs on another core) */
  sha512(expectedBytes: number): Hasher;
  crc32(chunk: Uint8Array, previous: number): number;
  /**
   * Raw DEFLATE (RFC 1951) as a stream of chunks. Throws when the data is damaged, ends before its
   * last block, or goes on after it (bytes hidden behind the stream). Stopping the iteration early
   * stops the inflating.
   */
  inflateRaw(compressed: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array>;
  /** null when the bytes hold no public key the platform can read */
  readSpki(der: Uint8Array): Promise<SpkiKey | null>;
  /** RFC 8032 Ed25519, strict: a non-canonical signature or key does not verify */
  verifyEd25519(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

export type FolderEntryKind = 'file' | 'folder' | 'link' | 'other';

/** An unzipped bag folder, read without following links. Paths are relative to the bag folder. */
export interface FolderSource {
  /** the bag folder's own name */
  readonly name: string;
  /** the raw names in a folder ('' is the bag folder); throws an error with a `code` when unreadable */
  list(dir: string): Promise<Uint8Array[]>;
  /** what a path is, without following a link; throws an error with a `code` when unreadable */
  stat(path: string): Promise<{ kind: FolderEntryKind; size: number }>;
  /** a regular file's bytes, never through a link; null if it is no longer a regular file */
  open(path: string): Promise<(ByteSource & { close(): Promise<void> }) | null>;
}

/** The `code` of an error a FolderSource threw (ENOENT, NotFoundError…), for the check's detail. */
export function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'error';
}
