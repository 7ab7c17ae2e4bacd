import {
  type Finished,
  forget,
  giveBack,
  hashingWorker,
  nextJobId,
  type OffThreadDigests,
  sharedPool,
} from './off-thread-shared';

export type { OffThreadDigests };

/**
 * SHA-256, SHA-512, MD5 and CRC-32 of a stream, those asked for, computed on a worker thread. Export
 * and intake then only read, encrypt or decrypt, and write on their own thread: hashing a gigabyte
 * no longer competes with the window's messages, and the hashes run beside the I/O on the second core.
 *
 * Chunks travel in a fixed pool of SLOTS buffers of SLOT_BYTES, handed to the worker and back
 * (transferred, so neither thread shares memory with the other or takes a lock). Memory stays
 * bounded without blocking the thread: when every buffer is with the worker, `update` returns a
 * promise that resolves once one comes back. A whole original already in memory (batch intake) is
 * instead moved to the worker and back with `finishWith`, not copied, and the worker may seal it into a
 * new blob file there (encrypt and write: batch intake's thread then neither). A sealed chunk of a vault blob
 * read into a buffer is decrypted there too and comes back as plaintext (`openFilled`): an export then
 * neither decrypts nor allocates per chunk on its own thread.
 */
/** What to work out. */
export interface OffThreadAsk {
  sha256: boolean;
  sha512: boolean;
  md5: boolean;
  crc32: boolean;
}

const SLOTS = 16;
/** The pool's chunk size, also the blob chunk size: a slot read from a file is one chunk to encrypt. */
export const SLOT_BYTES = 1024 * 1024;
/** What a pool buffer holds: one chunk and the 16-byte tag sealing it, so a sealed blob chunk is read into one. */
export const SLOT_CAPACITY = SLOT_BYTES + 16;

/** How to open one sealed chunk (AES-256-GCM, tag last): its file key, nonce and associated data. */
export interface ChunkOpening {
  key: Uint8Array;
  nonce: Uint8Array;
  aad: Uint8Array;
}

/**
 * How the worker seals a whole original into a new blob file (blob-cipher.ts's format, which the
 * caller lays out): the file's key, its header (each chunk's associated data), one nonce per chunk
 * of `chunkSize` bytes, and the temp file to create (mode 0600).
 */
export interface BlobSealing {
  key: Uint8Array;
  header: Uint8Array;
  chunkSize: number;
  nonces: Uint8Array[];
  path: string;
}

export class OffThreadDigest {
  /**
   * True while half the pool or more is with the worker (or its callers): work started now would
   * queue behind that, and a caller with a thread of its own to spare may do better hashing in-thread.
   */
  static behind(): boolean {
    const s = sharedPool();
    return s !== null && !s.failed && s.made - s.free.length >= SLOTS / 2;
  }

  /**
   * Starts the worker now, for work that will hash soon (it takes tens of milliseconds to start).
   * It keeps the process alive only while a digest is unfinished.
   */
  static warmUp(): void {
    hashingWorker();
  }

  private readonly id = nextJobId();
  private readonly shared = hashingWorker();
  private outcome: Promise<Finished>;

  constructor(private readonly ask: OffThreadAsk) {
    const s = this.shared;
    this.outcome = new Promise((done, fail) => s.jobs.set(this.id, { done, fail, opening: [] }));
    this.outcome.catch(() => undefined); // raised where digest() is awaited
    s.worker.ref();
    clearTimeout(s.idle ?? undefined);
    s.idle = null;
  }

  private async buffer(): Promise<ArrayBuffer> {
    const s = this.shared;
    for (;;) {
      if (s.failed) throw s.failed;
      const free = s.free.pop();
      if (free) return free;
      if (s.made < SLOTS) {
        s.made++;
        return new ArrayBuffer(SLOT_CAPACITY);
      }
      await new Promise<void>((wake) => s.waitingForBuffer.push(wake));
    }
  }

  /**
   * Hands a copy of the chunk to the worker; resolves at once unless every buffer is in use. Chunks
   * are gathered into a pool buffer until it is full (or the digest is asked for): one buffer for
   * each 64 KB chunk of a payload text filled the pool with 16 MiB while the drawing thread had the
   * other core (a 20,000-item export, custody.jsonl and notice.json: 17 and 12 MB). Calls made
   * before the last has resolved are taken in order.
   */
  update(chunk: Uint8Array): Promise<void> {
    this.updating = this.updating.then(() => this.gather(chunk));
    return this.updating;
  }

  private updating: Promise<void> = Promise.resolve();

  private async gather(chunk: Uint8Array): Promise<void> {
    for (let offset = 0; offset < chunk.length;) {
      this.gathering ??= { buffer: await this.buffer(), length: 0 };
      const gathering = this.gathering;
      const piece = chunk.subarray(offset, offset + SLOT_BYTES - gathering.length);
      new Uint8Array(gathering.buffer, gathering.length).set(piece);
      gathering.length += piece.length;
      offset += piece.length;
      if (gathering.length === SLOT_BYTES) this.sendGathered();
    }
  }

  /** chunks copied by `update` and not yet sent: sent before anything else is */
  private gathering: { buffer: ArrayBuffer; length: number } | null = null;

  private sendGathered(): void {
    const gathered = this.gathering;
    if (!gathered) return;
    this.gathering = null;
    const { buffer, length } = gathered;
    this.shared.worker.postMessage({ id: this.id, ...this.ask, buffer, length }, [buffer]);
  }

  /**
   * A buffer of the pool (SLOT_CAPACITY) for the caller to fill itself, so a file read into it reaches
   * the worker with no copy; waits while every buffer is with the worker. Give it back with
   * `updateFilled` (hashed, then returned to the pool), `openFilled` (decrypted, hashed and handed
   * back) or `release` (not hashed).
   */
  async slot(): Promise<Uint8Array> {
    return new Uint8Array(await this.buffer());
  }

  /** Hashes the first `length` bytes of a slot; the slot moves to the worker and must not be touched after. */
  updateFilled(slot: Uint8Array, length: number): void {
    this.sendGathered();
    const buffer = slot.buffer as ArrayBuffer;
    this.shared.worker.postMessage({ id: this.id, ...this.ask, buffer, length }, [buffer]);
  }

  /**
   * A slot holding one sealed chunk (its first `length` bytes) moves to the worker, which decrypts it
   * in place and hashes the plaintext. Resolves to the plaintext, in the same pool buffer, for the
   * caller to use and then `release`; or to null when the chunk does not authenticate (its buffer is
   * back in the pool, no byte of it hashed). Chunks are hashed in the order they are sent.
   */
  openFilled(slot: Uint8Array, length: number, opening: ChunkOpening): Promise<Uint8Array | null> {
    const s = this.shared;
    const job = s.jobs.get(this.id);
    if (!job || s.failed) {
      this.release(slot);
      return Promise.reject(s.failed ?? new Error('This digest was abandoned.'));
    }
    const plain = new Promise<Uint8Array | null>((resolve, fail) =>
      job.opening.push({
        opened: (buffer, plainLength) => {
          if (plainLength >= 0) return resolve(new Uint8Array(buffer, 0, plainLength));
          giveBack(s, buffer);
          resolve(null);
        },
        fail,
      }),
    );
    this.sendGathered();
    const buffer = slot.buffer as ArrayBuffer;
    s.worker.postMessage({ id: this.id, ...this.ask, buffer, length, opens: opening }, [buffer]);
    return plain;
  }

  /** A slot not sent after all (a read failed), or handed back opened and used: back to the pool. */
  release(slot: Uint8Array): void {
    if (slot.buffer.byteLength !== SLOT_CAPACITY) return;
    giveBack(this.shared, slot.buffer as ArrayBuffer);
  }

  /** For a stream that ended early: the worker drops what it hashed of it. */
  abandon(): void {
    if (this.gathering) giveBack(this.shared, this.gathering.buffer);
    this.gathering = null;
    if (!this.shared.jobs.has(this.id)) return;
    forget(this.shared, this.id);
    this.shared.worker.postMessage({ id: this.id, drop: true });
  }

  async digest(): Promise<OffThreadDigests> {
    await this.updating;
    if (this.shared.failed) throw this.shared.failed;
    this.sendGathered();
    this.shared.worker.postMessage({ id: this.id, ...this.ask, end: true });
    return (await this.outcome).digests;
  }

  /**
   * The last bytes and the end at once. Bytes that are the whole of their ArrayBuffer (what
   * readFile returns) are moved to the worker and back rather than copied: the caller must not touch
   * them until they come back with the digests. Others (a view into a pool) are copied. With
   * `sealing`, the worker also seals the bytes (the whole stream: nothing may have gone before) into
   * a new file and answers with it open, for the caller to fsync and close; a failed write rejects
   * with its error, and leaves no file.
   */
  async finishWith(
    bytes: Uint8Array,
    sealing?: BlobSealing,
  ): Promise<{ digests: OffThreadDigests; bytes: Uint8Array; fd: number | null }> {
    await this.updating;
    if (this.shared.failed) throw this.shared.failed;
    this.sendGathered();
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const sent = whole ? (bytes.buffer as ArrayBuffer) : Uint8Array.prototype.slice.call(bytes).buffer;
    const length = bytes.length; // the caller's view reads 0 once its buffer has moved
    this.shared.worker.postMessage(
      { id: this.id, ...this.ask, buffer: sent, length, end: true, own: true, seals: sealing },
      [sent],
    );
    const { digests, returned, fd } = await this.outcome;
    return { digests, bytes: new Uint8Array(returned!, 0, length), fd };
  }
}
