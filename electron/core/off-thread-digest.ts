import type { Worker } from 'node:worker_threads';
import type { JejakError } from './errors';
import { fastCrc32Module } from './crc32';
import { startHashingWorker } from './hashing-worker';

/**
 * SHA-256, SHA-512, MD5 and CRC-32 of a stream, those asked for, computed on a worker thread. Export
 * and intake then only read, encrypt or decrypt, and write on their own thread: hashing a gigabyte
 * no longer competes with the window's messages, and the hashes run beside the I/O on the second core.
 *
 * Chunks travel in a fixed pool of SLOTS buffers of SLOT_BYTES, handed to the worker and back
 * (transferred, so neither thread shares memory with the other or takes a lock). Memory stays
 * bounded without blocking the thread: when every buffer is with the worker, `update` returns a
 * promise that resolves once one comes back. A whole original already in memory (batch intake) is
 * instead moved to the worker and back with `finishWith`, not copied.
 */
export interface OffThreadDigests {
  /** null when it was not asked for */
  sha256: string | null;
  /** null when it was not asked for */
  sha512: string | null;
  /** null when it was not asked for */
  md5: string | null;
  /** null when it was not asked for */
  crc32: number | null;
}

/** What to work out. */
export interface OffThreadAsk {
  sha256: boolean;
  sha512: boolean;
  md5: boolean;
  crc32: boolean;
}

const SLOTS = 16;
/** The pool's buffer size, also the blob chunk size: a slot read from a file is one chunk to encrypt. */
export const SLOT_BYTES = 1024 * 1024;

// CommonJS, evaluated in the worker: one set of hashes per job id; each pool buffer is sent back once
// hashed, a caller's own buffer (\`own\`) with the job's answer. CRC-32 comes from the module the
// caller loaded (crc32.ts), by its path (an evaluated worker resolves no packages of its own), else
// from zlib, which gives the same values.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { crc32 } = (() => {
  try {
    return require(workerData.crc32Module);
  } catch {
    return require('node:zlib');
  }
})();
const jobs = new Map();
parentPort.on('message', (m) => {
  let job = jobs.get(m.id);
  if (!job && !m.drop) {
    const hash = (name) => (m[name] ? createHash(name) : null);
    job = { sha256: hash('sha256'), sha512: hash('sha512'), md5: hash('md5'), crc: m.crc32 ? 0 : null };
    jobs.set(m.id, job);
  }
  if (m.buffer) {
    const bytes = new Uint8Array(m.buffer, 0, m.length);
    if (job) {
      job.sha256?.update(bytes);
      job.sha512?.update(bytes);
      job.md5?.update(bytes);
      if (job.crc !== null) job.crc = crc32(bytes, job.crc);
    }
    if (!m.own) parentPort.postMessage({ buffer: m.buffer }, [m.buffer]);
  }
  if (m.drop) jobs.delete(m.id);
  else if (m.end) {
    jobs.delete(m.id);
    const hex = (hash) => (hash ? hash.digest('hex') : null);
    const answer = { id: m.id, sha256: hex(job.sha256), sha512: hex(job.sha512), md5: hex(job.md5), crc32: job.crc };
    if (m.own) parentPort.postMessage({ ...answer, buffer: m.buffer }, [m.buffer]);
    else parentPort.postMessage(answer);
  }
});`;

interface Finished {
  digests: OffThreadDigests;
  /** the caller's own buffer, back from the worker (finishWith) */
  returned: ArrayBuffer | null;
}

interface Job {
  done(f: Finished): void;
  fail(e: Error): void;
}

interface Shared {
  worker: Worker;
  free: ArrayBuffer[];
  /** buffers made so far, at most SLOTS */
  made: number;
  waitingForBuffer: Array<() => void>;
  jobs: Map<number, Job>;
  failed: JejakError | null;
}

let shared: Shared | null = null;
let nextId = 1;

/** The worker keeps the process alive only while some digest is unfinished. */
function forget(s: Shared, id: number): void {
  s.jobs.delete(id);
  if (s.jobs.size === 0) s.worker.unref();
}

function hashingWorker(): Shared {
  if (shared && !shared.failed) return shared;
  const s: Shared = {
    worker: startHashingWorker(
      WORKER_SOURCE,
      (m: { buffer?: ArrayBuffer } & ({ id?: undefined } | ({ id: number } & OffThreadDigests))) => {
        if (m.id === undefined) {
          s.free.push(m.buffer!);
          s.waitingForBuffer.shift()?.();
          return;
        }
        const job = s.jobs.get(m.id);
        forget(s, m.id);
        const { sha256, sha512, md5, crc32 } = m;
        job?.done({ digests: { sha256, sha512, md5, crc32 }, returned: m.buffer ?? null });
      },
      (e) => {
        s.failed = e;
        for (const job of s.jobs.values()) job.fail(e);
        s.jobs.clear();
        for (const wake of s.waitingForBuffer.splice(0)) wake();
      },
      { crc32Module: fastCrc32Module() },
    ),
    free: [],
    made: 0,
    waitingForBuffer: [],
    jobs: new Map(),
    failed: null,
  };
  shared = s;
  return s;
}

export class OffThreadDigest {
  private readonly id = nextId++;
  private readonly shared = hashingWorker();
  private outcome: Promise<Finished>;

  constructor(private readonly ask: OffThreadAsk) {
    const s = this.shared;
    this.outcome = new Promise((done, fail) => s.jobs.set(this.id, { done, fail }));
    this.outcome.catch(() => undefined); // raised where digest() is awaited
    s.worker.ref();
  }

  private async buffer(): Promise<ArrayBuffer> {
    const s = this.shared;
    for (;;) {
      if (s.failed) throw s.failed;
      const free = s.free.pop();
      if (free) return free;
      if (s.made < SLOTS) {
        s.made++;
        return new ArrayBuffer(SLOT_BYTES);
      }
      await new Promise<void>((wake) => s.waitingForBuffer.push(wake));
    }
  }

  /** Hands a copy of the chunk to the worker; resolves at once unless every buffer is in use. */
  async update(chunk: Uint8Array): Promise<void> {
    for (let offset = 0; offset < chunk.length; offset += SLOT_BYTES) {
      const piece = chunk.subarray(offset, offset + SLOT_BYTES);
      const buffer = await this.buffer();
      new Uint8Array(buffer).set(piece);
      this.shared.worker.postMessage({ id: this.id, ...this.ask, buffer, length: piece.length }, [buffer]);
    }
  }

  /**
   * A buffer of the pool (SLOT_BYTES) for the caller to fill itself, so a file read into it reaches
   * the worker with no copy; waits while every buffer is with the worker. Give it back with
   * `updateFilled` (hashed, then returned to the pool) or `release` (not hashed).
   */
  async slot(): Promise<Uint8Array> {
    return new Uint8Array(await this.buffer());
  }

  /** Hashes the first `length` bytes of a slot; the slot moves to the worker and must not be touched after. */
  updateFilled(slot: Uint8Array, length: number): void {
    const buffer = slot.buffer as ArrayBuffer;
    this.shared.worker.postMessage({ id: this.id, ...this.ask, buffer, length }, [buffer]);
  }

  /** A slot not sent after all (a read failed): back to the pool. */
  release(slot: Uint8Array): void {
    if (slot.buffer.byteLength !== SLOT_BYTES) return;
    this.shared.free.push(slot.buffer as ArrayBuffer);
    this.shared.waitingForBuffer.shift()?.();
  }

  /** For a stream that ended early: the worker drops what it hashed of it. */
  abandon(): void {
    if (!this.shared.jobs.has(this.id)) return;
    forget(this.shared, this.id);
    this.shared.worker.postMessage({ id: this.id, drop: true });
  }

  async digest(): Promise<OffThreadDigests> {
    if (this.shared.failed) throw this.shared.failed;
    this.shared.worker.postMessage({ id: this.id, ...this.ask, end: true });
    return (await this.outcome).digests;
  }

  /**
   * The last bytes and the end at once. Bytes that are the whole of their ArrayBuffer (what
   * readFile returns) are moved to the worker and back rather than copied: the caller must not touch
   * them until they come back with the digests. Others (a view into a pool) are copied.
   */
  async finishWith(bytes: Uint8Array): Promise<{ digests: OffThreadDigests; bytes: Uint8Array }> {
    if (this.shared.failed) throw this.shared.failed;
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const sent = whole ? (bytes.buffer as ArrayBuffer) : Uint8Array.prototype.slice.call(bytes).buffer;
    const length = bytes.length; // the caller's view reads 0 once its buffer has moved
    this.shared.worker.postMessage({ id: this.id, ...this.ask, buffer: sent, length, end: true, own: true }, [sent]);
    const { digests, returned } = await this.outcome;
    return { digests, bytes: new Uint8Array(returned!, 0, length) };
  }
}
