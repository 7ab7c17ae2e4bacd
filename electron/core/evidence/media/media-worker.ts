/**
 * Worker entry: decodes pictures (sharp) and hashes them (PDQ) off the thread that answers the
 * window (see media-in-worker.ts). Asks are worked on together: sharp decodes on libuv's pool,
 * and this thread runs the EXIF parsing and the PDQ arithmetic between.
 */
import { parentPort } from 'node:worker_threads';
import { JejakError } from '../../errors';
import { analyzeImageHere } from './image';
import type { FromMediaWorker, MediaInput, MediaWorkerFailure, ToMediaWorker } from './media-worker-messages';
import { decodeForPdq, pdqOfPixels } from './pdq/image-pdq';

const port = parentPort!;
port.on('message', (ask: ToMediaWorker) => {
  answer(ask).then(
    (m) => port.postMessage(m),
    (e: unknown) => port.postMessage({ id: ask.id, error: failure(e) } satisfies FromMediaWorker),
  );
});

async function answer(ask: ToMediaWorker): Promise<FromMediaWorker> {
  const input = asInput(ask.input);
  if (ask.op === 'analyse') return { id: ask.id, analysis: await analyzeImageHere(input, ask.type, ask.opts) };
  return { id: ask.id, pdq: pdqOfPixels(await decodeForPdq(input, ask.opts)) };
}

/** Bytes arrive as a plain Uint8Array: sharp wants a Buffer (a view, not a copy). */
function asInput(input: MediaInput): Buffer | string {
  return typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

function failure(e: unknown): MediaWorkerFailure {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof JejakError) return { message, code: e.code };
  const errno = (e as NodeJS.ErrnoException | null)?.code;
  return typeof errno === 'string' ? { message, errno } : { message };
}
