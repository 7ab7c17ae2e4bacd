import type { Worker } from 'node:worker_threads';
import { JejakError } from '../../errors';
import { startModuleWorker } from '../../module-worker';
import type { AnalyzeImageOptions, ImageAnalysis } from './image-analysis';
import type { FromMediaWorker, MediaInput, MediaWorkerFailure, ToMediaWorker } from './media-worker-messages';
import type { PdqDihedralResult } from './pdq/hasher';
import type { PdqDecodeOptions } from './pdq/image-pdq';
import type { MediaType } from './sniff';

/**
 * Pictures are decoded and hashed on one worker thread (media-worker.ts), never on the caller's:
 * loading sharp and its libraries alone held the thread 80-110 ms at the first picture taken in,
 * and PDQ's blur, DCT and eight dihedral transforms 20-40 ms per screenshot (90 ms the first
 * time), on the thread that answers the window. One worker serves every caller; it keeps the
 * process alive only while something is asked of it, and a worker that fails fails what was asked
 * of it (the next ask starts a new one). It is never stopped while it works: sharp's libraries
 * must not be unloaded under a decode.
 */
type Answer = Exclude<FromMediaWorker, { error: MediaWorkerFailure }>;
/** An ask without its id and bytes, which ask() adds (each kind of ask keeps its own fields). */
type Question = ToMediaWorker extends infer T ? (T extends unknown ? Omit<T, 'id' | 'input'> : never) : never;

interface Asked {
  resolve(answer: Answer): void;
  reject(e: Error): void;
}

let shared: { worker: Worker; asked: Map<number, Asked> } | null = null;
let nextId = 1;

function mediaWorker(): NonNullable<typeof shared> {
  if (shared) return shared;
  const s = { worker: startModuleWorker(import.meta.url, 'media-worker'), asked: new Map<number, Asked>() };
  const failAll = (e: Error) => {
    if (shared === s) shared = null;
    for (const asked of s.asked.values()) asked.reject(e);
    s.asked.clear();
  };
  s.worker.on('message', (m: FromMediaWorker) => {
    const asked = s.asked.get(m.id);
    s.asked.delete(m.id);
    if (s.asked.size === 0) s.worker.unref();
    if ('error' in m) asked?.reject(errorOf(m.error));
    else asked?.resolve(m);
  });
  s.worker.on('error', failAll);
  s.worker.on('exit', (code) => failAll(new Error(`the media worker stopped (exit code ${code})`)));
  s.worker.unref();
  shared = s;
  return s;
}

function ask(question: Question, input: Buffer | string): Promise<Answer> {
  const s = mediaWorker();
  const id = nextId++;
  // bytes are copied by the message (the caller keeps its buffer); a path is read by the worker
  const sent: MediaInput =
    typeof input === 'string' ? input : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return new Promise<Answer>((resolve, reject) => {
    s.asked.set(id, { resolve, reject });
    s.worker.ref();
    s.worker.postMessage({ ...question, id, input: sent } as ToMediaWorker);
  });
}

/**
 * Size, EXIF and thumbnail of an evidence image, never modifying the bytes (image.ts says how
 * damage is judged). Anything wrong with the content is reported in `problems`; only I/O errors
 * (a missing or unreadable file) throw.
 */
export async function analyzeImage(
  input: Buffer | string,
  type: MediaType,
  opts: AnalyzeImageOptions = {},
): Promise<ImageAnalysis> {
  const answer = await ask({ op: 'analyse', type, opts }, input);
  if (!('analysis' in answer)) throw new Error('the media worker answered an analysis with something else');
  const { thumbnail } = answer.analysis;
  // a Buffer arrives as a plain Uint8Array
  return {
    ...answer.analysis,
    thumbnail: thumbnail && Buffer.from(thumbnail.buffer, thumbnail.byteOffset, thumbnail.byteLength),
  };
}

/**
 * PDQ, quality and the eight dihedral hashes of an image file or buffer, as Meta's tools give
 * them (image-pdq.ts says how the picture is decoded). Throws INVALID_INPUT above the pixel limit,
 * UNREADABLE for a picture that does not decode cleanly.
 */
export async function pdqOfImage(input: Buffer | string, opts: PdqDecodeOptions = {}): Promise<PdqDihedralResult> {
  const answer = await ask({ op: 'pdq', opts }, input);
  if (!('pdq' in answer)) throw new Error('the media worker answered a PDQ hash with something else');
  return answer.pdq;
}

function errorOf({ message, code, errno }: MediaWorkerFailure): Error {
  if (code) return new JejakError(code, message);
  return Object.assign(new Error(message), errno ? { code: errno } : {});
}
