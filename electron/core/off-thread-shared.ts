import type { Worker } from 'node:worker_threads';
import type { JejakError } from './errors';
import { fastCrc32Module } from './crc32';
import { startHashingWorker } from './hashing-worker';
import { HASHING_WORKER_SOURCE } from './off-thread-digest-source';
import { releaseNow } from './release-now';

// The one hashing worker every OffThreadDigest shares, its pool of buffers lent to it and back, and
// the digests waiting on it (off-thread-digest.ts is how callers use them).

/** What a digest worked out. */
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

export interface Finished {
  digests: OffThreadDigests;
  /** the caller's own buffer, back from the worker (finishWith) */
  returned: ArrayBuffer | null;
  /** the sealed file, written and open (finishWith with a sealing) */
  fd: number | null;
}

/** A sealed file the worker could not write: the error's message and code (ENOSPC, EACCES…). */
interface SealError {
  message: string;
  code?: string;
}

interface Job {
  done(f: Finished): void;
  fail(e: Error): void;
  /** chunks sent to be opened, answered in the order sent */
  opening: Array<{ opened(buffer: ArrayBuffer, length: number): void; fail(e: Error): void }>;
}

type FromWorker =
  | { id?: undefined; buffer: ArrayBuffer }
  | { id: number; opened: ArrayBuffer; length: number }
  | ({ id: number; opened?: undefined; buffer?: ArrayBuffer; fd?: number; sealError?: SealError } & OffThreadDigests);

export interface Shared {
  worker: Worker;
  free: ArrayBuffer[];
  /** buffers made so far, at most SLOTS */
  made: number;
  waitingForBuffer: Array<() => void>;
  jobs: Map<number, Job>;
  failed: JejakError | null;
  /** set while no digest is unfinished: gives the pool's buffers back once it fires */
  idle: NodeJS.Timeout | null;
}

let shared: Shared | null = null;
let nextId = 1;

export const nextJobId = (): number => nextId++;

/** The pool as it is, without starting the worker: null before the first digest. */
export const sharedPool = (): Shared | null => shared;

export function giveBack(s: Shared, buffer: ArrayBuffer): void {
  s.free.push(buffer);
  s.waitingForBuffer.shift()?.();
}

/**
 * How long the pool may sit unused before its buffers go back (releaseNow). A verify of a 3,000-file
 * package kept its 16 MiB of them through the checks after the reading, where its memory peaked.
 */
const IDLE_RELEASE_MS = 20;

/** The worker keeps the process alive only while some digest is unfinished. */
export function forget(s: Shared, id: number): void {
  s.jobs.delete(id);
  if (s.jobs.size > 0) return;
  s.worker.unref();
  s.idle ??= setTimeout(() => releaseIdle(s), IDLE_RELEASE_MS).unref();
}

function releaseIdle(s: Shared): void {
  s.idle = null;
  if (s.jobs.size > 0) return;
  for (const buffer of s.free.splice(0)) {
    releaseNow(new Uint8Array(buffer));
    s.made--;
  }
}

export function hashingWorker(): Shared {
  if (shared && !shared.failed) return shared;
  const s: Shared = {
    worker: startHashingWorker(
      HASHING_WORKER_SOURCE,
      (m: FromWorker) => {
        if (m.id === undefined) return giveBack(s, m.buffer);
        if (m.opened) {
          const opening = s.jobs.get(m.id)?.opening.shift();
          if (opening) opening.opened(m.opened, m.length);
          else giveBack(s, m.opened); // its reader was abandoned
          return;
        }
        const job = s.jobs.get(m.id);
        forget(s, m.id);
        if (m.sealError) return job?.fail(Object.assign(new Error(m.sealError.message), { code: m.sealError.code }));
        const { sha256, sha512, md5, crc32 } = m;
        job?.done({ digests: { sha256, sha512, md5, crc32 }, returned: m.buffer ?? null, fd: m.fd ?? null });
      },
      (e) => {
        s.failed = e;
        for (const job of s.jobs.values()) {
          job.fail(e);
          for (const opening of job.opening) opening.fail(e);
        }
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
    idle: null,
  };
  shared = s;
  return s;
}
