/**
 * Worker entry: PDQ and its eight rotated and mirrored copies' hashes of decoded pixels (see
 * pdq-in-worker.ts). Imports the hasher only: decoding stays with sharp on the caller's side.
 */
import { parentPort } from 'node:worker_threads';
import { lumaFromRgb, pdqDihedralFromLuma } from './hasher';
import type { FromPdqWorker, ToPdqWorker } from './pdq-worker-messages';

const port = parentPort!;
port.on('message', ({ id, pixels, width, height, channels }: ToPdqWorker) => {
  let answer: FromPdqWorker;
  try {
    answer = { id, result: pdqDihedralFromLuma(lumaFromRgb(pixels, width, height, channels), height, width) };
  } catch (e) {
    answer = { id, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(answer);
});
