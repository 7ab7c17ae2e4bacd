import type { Worker } from 'node:worker_threads';
import type { JejakError } from './errors';
import { startHashingWorker } from './hashing-worker';

/**
 * SHA-256, SHA-512 and CRC-32 of a stream, those asked for, computed on a worker thread. Export and
 * intake then only read, encrypt or decrypt, and write on their own thread: hashing a gigabyte no
 * longer competes with the window's messages, and the hashes run beside the I/O on the second core.
 *
 * Chunks travel in a fixed pool of SLOTS buffers of SLOT_BYTES, handed to the worker and back
 * (transferred, so neither thread shares memory with the other or takes a lock). Memory stays
 * bounded without blocking the thread: when every buffer is with the worker, `update` returns a
 * promise that resolves once one comes back.
 */
export interface OffThreadDigests {
  /** null when it was not asked for */
  sha256: string | null;
  /** null when it was not asked for */
  sha512: string | null;
  /** null when it was not asked for */
  crc32: number | null;
}

/** What to work out. */
export interface OffThreadAsk {
  sha256: boolean;
  sha512: boolean;
  crc32: boolean;
}

const SLOTS = 16;
const SLOT_BYTES = 1024 * 1024;

// CommonJS, evaluated in the worker: one set of hashes per job id; each buffer is sent back once hashed.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { crc32 } = require('node:zlib');
const jobs = new Map();
parentPort.on('message', (m) => {
  let job = jobs.get(m.id);
  if (!job && !m.drop) {
    job = { sha256: m.sha256 ? createHash('sha256') : null, sha512: m.sha512 ? createHash('sha512') : null, crc: m.crc32 ? 0 : null };
    jobs.set(m.id, job);
  }
  if (m.buffer) {
    const bytes = new Uint8Array(m.buffer, 0, m.length);
    if (job) {
      job.sha256?.update(bytes);
      job.sha512?.update(bytes);
      if (job.crc !== null) job.crc = crc32(bytes, job.crc);
    }
    parentPort.postMessage({ buffer: m.buffer }, [m.buffer]);
  }
  if (m.drop) jobs.delete(m.id);
  else if (m.end) {
    jobs.delete(m.id);
    parentPort.postMessage({
      id: m.id,
      sha256: job.sha256 ? job.sha256.digest('hex') : null,
      sha512: job.sha512 ? job.sha512.digest('hex') : null,
      crc32: job.crc,
    });
  }
});`;

interface Job {
  done(d: OffThreadDigests): void;
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
      (m: { buffer?: ArrayBuffer; id?: number } & Partial<OffThreadDigests>) => {
        if (m.buffer) {
          s.free.push(m.buffer);
          s.waitingForBuffer.shift()?.();
          return;
        }
        const job = s.jobs.get(m.id!);
        forget(s, m.id!);
        job?.done({ sha256: m.sha256 ?? null, sha512: m.sha512 ?? null, crc32: m.crc32 ?? null });
      },
      (e) => {
        s.failed = e;
        for (const job of s.jobs.values()) job.fail(e);
        s.jobs.clear();
        for (const wake of s.waitingForBuffer.splice(0)) wake();
      },
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
  private outcome: Promise<OffThreadDigests>;

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

  /** For a stream that ended early: the worker drops what it hashed of it. */
  abandon(): void {
    if (!this.shared.jobs.has(this.id)) return;
    forget(this.shared, this.id);
    this.shared.worker.postMessage({ id: this.id, drop: true });
  }

  digest(): Promise<OffThreadDigests> {
    if (this.shared.failed) return Promise.reject(this.shared.failed);
    this.shared.worker.postMessage({ id: this.id, ...this.ask, end: true });
    return this.outcome;
  }
}
