import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../../module-worker';
import type { PdqDihedralResult } from './hasher';
import type { RgbPixels } from './image-pdq';
import type { FromPdqWorker, ToPdqWorker } from './pdq-worker-messages';

/**
 * PDQ of decoded pixels on a worker thread. The blur, the DCT and the eight dihedral transforms
 * took 20-40 ms of the calling thread per 512×341 screenshot (90 ms the first time), the thread that
 * answers the window, once for every picture taken in. One worker serves every caller, in order;
 * it keeps the process alive only while a hash is asked for, and a worker that fails fails the hashes
 * asked of it (the next ask starts a new one).
 */
interface Asked {
  resolve(result: PdqDihedralResult): void;
  reject(e: Error): void;
}

let shared: { worker: Worker; asked: Map<number, Asked> } | null = null;
let nextId = 1;

function pdqWorker(): NonNullable<typeof shared> {
  if (shared) return shared;
  const s = { worker: startModuleWorker(import.meta.url, 'pdq-worker'), asked: new Map<number, Asked>() };
  const failAll = (e: Error) => {
    if (shared === s) shared = null;
    for (const asked of s.asked.values()) asked.reject(e);
    s.asked.clear();
  };
  s.worker.on('message', (m: FromPdqWorker) => {
    const asked = s.asked.get(m.id);
    s.asked.delete(m.id);
    if (s.asked.size === 0) s.worker.unref();
    if ('error' in m) asked?.reject(new Error(m.error));
    else asked?.resolve(m.result);
  });
  s.worker.on('error', failAll);
  s.worker.on('exit', (code) => failAll(new Error(`the PDQ worker stopped (exit code ${code})`)));
  s.worker.unref();
  shared = s;
  return s;
}

/** PDQ with its quality and the eight dihedral hashes, the same as pdqOfPixels gives, worked out off this thread. */
export function pdqOfPixelsOffThread({ data, width, height, channels }: RgbPixels): Promise<PdqDihedralResult> {
  const s = pdqWorker();
  const id = nextId++;
  // a copy of the caller's pixels, moved (not copied again) to the worker
  const pixels = new Uint8Array(data);
  return new Promise<PdqDihedralResult>((resolve, reject) => {
    s.asked.set(id, { resolve, reject });
    s.worker.ref();
    s.worker.postMessage({ id, pixels, width, height, channels } satisfies ToPdqWorker, [pixels.buffer]);
  });
}
