import type { Worker } from 'node:worker_threads';
import { startHashingWorker } from '../hashing-worker';

/**
 * SHA-512 (and MD5, for the hash lists) of whole originals on the second core, for batch intake:
 * this thread does SHA-256, which names the blob, and the encryption; SHA-512 costs more than
 * SHA-256 here (the CPU has instructions only for the latter), so it goes to the worker. Bytes
 * that own their whole ArrayBuffer (what readFile returns) are moved there and back, not copied:
 * a copy per file cost more main-thread time (and garbage) than the SHA-256.
 */
export interface Digests {
  sha512: string;
  md5: string | null;
  /** the bytes given, back from the worker (the caller's buffer was moved, not copied) */
  bytes: Uint8Array;
}

// CommonJS, evaluated in the worker: one answer per message, in order.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
parentPort.on('message', ({ id, bytes, md5 }) => {
  const sha512 = createHash('sha512').update(bytes).digest('hex');
  const answer = { id, sha512, md5: md5 ? createHash('md5').update(bytes).digest('hex') : null, bytes };
  parentPort.postMessage(answer, [bytes.buffer]);
});`;

interface State {
  worker: Worker;
  failed: Error | null;
}

let state: State | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve(d: Digests): void; reject(e: Error): void }>();

function shared(): State {
  if (state && !state.failed) return state;
  const current: State = {
    worker: startHashingWorker(
      WORKER_SOURCE,
      (m: { id: number } & Digests) => {
        waiting.get(m.id)?.resolve({ sha512: m.sha512, md5: m.md5, bytes: m.bytes });
        waiting.delete(m.id);
        if (waiting.size === 0) current.worker.unref();
      },
      (e) => {
        current.failed = e;
        for (const w of waiting.values()) w.reject(e);
        waiting.clear();
      },
    ),
    failed: null,
  };
  state = current;
  return current;
}

/**
 * SHA-512 (and MD5 when asked) of bytes, worked out on the worker while the caller goes on. Bytes
 * that are the whole of their ArrayBuffer are moved: the caller must not touch them until the
 * answer brings them back (`Digests.bytes`). Others (a view into a pool) are copied.
 */
export function digestsOf(bytes: Uint8Array, md5: boolean): Promise<Digests> {
  const { worker } = shared();
  const id = nextId++;
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const sent = whole ? new Uint8Array(bytes.buffer) : Uint8Array.from(bytes);
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.ref();
    worker.postMessage({ id, bytes: sent, md5 }, [sent.buffer as ArrayBuffer]);
  });
}
