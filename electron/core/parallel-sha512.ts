import { createHash } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { startHashingWorker } from './hashing-worker';

/**
 * SHA-512 on the second core. The package format needs SHA-256 and SHA-512 of every payload
 * byte, and SHA-512 alone costs more than SHA-256 here (the CPU has instructions only for the
 * latter); for large files it runs in a worker while this thread does SHA-256, CRC-32 and the
 * I/O. Small files stay in-thread: handing them over would cost more than hashing them.
 *
 * Memory stays fixed: chunks are copied into a ring of shared slots (16 × 1 MiB) that the worker
 * hashes in place and hands back; when every slot is taken the caller blocks (Atomics.wait) until
 * one is free, so a slow worker slows the caller instead of making copies pile up.
 */
export interface Sha512Hasher {
  update(chunk: Uint8Array): void;
  digest(): Promise<string>;
}

const PARALLEL_FROM_BYTES = 8 * 1024 * 1024;
const SLOTS = 16;
const SLOT_BYTES = 1024 * 1024;

// CommonJS, evaluated in the worker: one hash per job id, answered when the job ends.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const slots = new Uint8Array(workerData.slots);
const busy = new Int32Array(workerData.busy);
const jobs = new Map();
parentPort.on('message', (m) => {
  let hash = jobs.get(m.id);
  if (!hash) { hash = createHash('sha512'); jobs.set(m.id, hash); }
  if (m.slot !== undefined) {
    hash.update(slots.subarray(m.slot * workerData.slotBytes, m.slot * workerData.slotBytes + m.length));
    Atomics.store(busy, m.slot, 0);
    Atomics.notify(busy, m.slot);
  }
  if (m.end) { jobs.delete(m.id); parentPort.postMessage({ id: m.id, hex: hash.digest('hex') }); }
});`;

interface Shared {
  worker: Worker;
  slots: Uint8Array;
  busy: Int32Array;
  next: number;
  failed: Error | null;
}

let shared: Shared | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve(hex: string): void; reject(e: Error): void }>();

function sharedWorker(): Shared {
  if (shared && !shared.failed) return shared;
  const slots = new Uint8Array(new SharedArrayBuffer(SLOTS * SLOT_BYTES));
  const busy = new Int32Array(new SharedArrayBuffer(4 * SLOTS));
  const state: Shared = {
    worker: startHashingWorker(
      WORKER_SOURCE,
      (m: { id: number; hex: string }) => {
        waiting.get(m.id)?.resolve(m.hex);
        waiting.delete(m.id);
        if (waiting.size === 0) state.worker.unref();
      },
      (e) => {
        state.failed = e;
        for (const w of waiting.values()) w.reject(e);
        waiting.clear();
      },
      { slots: slots.buffer, busy: busy.buffer, slotBytes: SLOT_BYTES },
    ),
    slots,
    busy,
    next: 0,
    failed: null,
  };
  shared = state;
  return state;
}

class WorkerSha512 implements Sha512Hasher {
  private readonly id = nextId++;
  private readonly shared = sharedWorker();

  update(chunk: Uint8Array): void {
    const s = this.shared;
    for (let offset = 0; offset < chunk.length; offset += SLOT_BYTES) {
      const piece = chunk.subarray(offset, offset + SLOT_BYTES);
      // Slots are used in turn and the worker takes messages in order, so waiting for the next
      // slot is waiting for the oldest piece still unhashed.
      const slot = s.next;
      s.next = (s.next + 1) % SLOTS;
      while (Atomics.load(s.busy, slot) === 1) {
        if (s.failed) throw s.failed;
        Atomics.wait(s.busy, slot, 1, 100);
      }
      s.slots.set(piece, slot * SLOT_BYTES);
      Atomics.store(s.busy, slot, 1);
      s.worker.postMessage({ id: this.id, slot, length: piece.length });
    }
  }

  digest(): Promise<string> {
    const { worker, failed } = this.shared;
    if (failed) return Promise.reject(failed);
    return new Promise((resolve, reject) => {
      waiting.set(this.id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id: this.id, end: true });
    });
  }
}

class LocalSha512 implements Sha512Hasher {
  private readonly hash = createHash('sha512');
  update(chunk: Uint8Array): void {
    this.hash.update(chunk);
  }
  digest(): Promise<string> {
    return Promise.resolve(this.hash.digest('hex'));
  }
}

/** A SHA-512 for about `expectedBytes` bytes: on the second core when that is worth it. */
export function sha512Hasher(expectedBytes: number): Sha512Hasher {
  return expectedBytes >= PARALLEL_FROM_BYTES ? new WorkerSha512() : new LocalSha512();
}
