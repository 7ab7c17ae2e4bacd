import { serialize } from 'node:v8';
import { JejakError } from '../errors';
import { nextTurn } from '../in-turns';
import { startModuleWorker } from '../module-worker';
import type { ReportData } from '../../common/report-json';
import { resolveFonts } from './pdf-fonts';
import { PdfSpool } from './pdf-spool';
import type { FromPdfWorker, PdfWorkerData, ToPdfWorker } from './pdf-worker-messages';

export interface PdfInWorkerOptions {
  fontsDir: string;
  now?: Date;
  signal?: AbortSignal;
}

/**
 * The preview bytes of the item numbered `seq`, read on the caller's thread (the worker has no
 * vault). They move to the drawing thread: a buffer that is the whole of its memory is handed over,
 * not copied, and empty here after.
 */
export type ThumbnailReader = (seq: number) => Promise<Buffer | null>;

/**
 * The drawing makes short-lived objects fast, so V8 grows the worker's young generation as far as
 * it may, nearly all of it garbage. Held to 8 MiB, the 500-item bench export peaked 22 MiB lower
 * (275 -> 253 MiB) with no more CPU (10.1 -> 9.9 s user). (Where boundHeapGrowth was called, as in
 * the app and the CLI, it stays at 2 MiB a half from the start: v8-settings.ts.)
 * The old generation's ceiling is far above what any case needs (about 23 MiB live at 3,000 items),
 * but V8 lets a heap with a ceiling of 1 GiB grow to 1.6 times what survives a full collection, not
 * the 4 times it allows under the machine's own ceiling: a fresh 3,000-item case's export peaked
 * 249-251 MiB against 271-276 (3 alternated runs), in the same user CPU time.
 */
const HEAP_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 1024 };

/** Report items serialized for the drawing thread per message: about 1 ms of this thread's time. */
const ITEMS_PER_MESSAGE = 500;

/** A report PDF being drawn on a worker thread (startReportPdfInWorker). */
export interface ReportDrawing {
  /**
   * Hands the worker its report, copied as this goes (the caller may let go of it at once, and
   * change none of it until this has resolved): the items a batch per turn, since copying 10,000
   * in one message held this thread 50 ms. The drawing begins once the worker has them all.
   */
  draw(report: ReportData, thumbnail: ThumbnailReader): Promise<void>;
  /** The PDF once drawn and spooled; rejected, with what was spooled removed, on a failure or a cancel. */
  spool: Promise<PdfSpool>;
}

/**
 * The same PDF as renderReportPdf, drawn on a worker thread: the caller's thread only answers
 * thumbnail requests and puts each block the worker sends into a PdfSpool (sealed on disk), which
 * it resolves to once the drawing is done; the caller disposes of it. A missing font throws at once;
 * a cancel stops the worker, and a failure removes what was spooled. The worker starts at once and
 * waits for its report (`draw`), so that a caller can start it before the work of making the report.
 */
export function startReportPdfInWorker(opts: PdfInWorkerOptions): ReportDrawing {
  resolveFonts(opts.fontsDir);
  const spooling = PdfSpool.create();
  spooling.catch(() => undefined); // raised by the drawing, which fails with it
  const drawing = drawInto(spooling, opts);
  // rejected only once what was spooled is gone
  const spool = drawing.spool.catch(async (e: unknown) => {
    await spooling.then(
      (s) => s.dispose(),
      () => undefined,
    );
    throw e;
  });
  return { draw: drawing.draw, spool };
}

/** Starts the worker; its blocks go to the spool once that is made. */
function drawInto(spooling: Promise<PdfSpool>, opts: PdfInWorkerOptions): ReportDrawing {
  const workerData: PdfWorkerData = { fontsDir: opts.fontsDir, now: opts.now };
  const worker = startModuleWorker(import.meta.url, 'pdf-worker', { workerData, resourceLimits: HEAP_LIMITS });
  let thumbnail: ThumbnailReader = () => Promise.resolve(null);
  const draw = async (report: ReportData, reader: ThumbnailReader) => {
    thumbnail = reader;
    const { evidence: items, ...rest } = report;
    const evidence = [...items]; // the list as it is now, whatever becomes of the caller's
    const send = (m: ToPdfWorker) => worker.postMessage(m);
    send({ type: 'report', report: { ...rest, evidence: [] }, evidenceCount: evidence.length });
    for (let from = 0; from < evidence.length; from += ITEMS_PER_MESSAGE) {
      await nextTurn();
      const items = evidence.slice(from, from + ITEMS_PER_MESSAGE);
      // serialized here (as a message would be) and moved: the drawing thread keeps the bytes, deflated
      const serialized = serialize(items);
      worker.postMessage({ type: 'evidence', count: items.length, serialized } satisfies ToPdfWorker, [
        serialized.buffer as ArrayBuffer,
      ]);
    }
  };
  const spool = new Promise<PdfSpool>((resolve, reject) => {
    let settled = false;
    // the worker ends once it has sent its last block, maybe before the spool has written it
    let drawn = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', cancel);
      done();
    };
    const fail = (e: Error) => {
      settle(() => reject(e));
      void worker.terminate();
    };
    const cancel = () => fail(new JejakError('CANCELLED', 'The export was cancelled.'));
    if (opts.signal?.aborted) return cancel();
    opts.signal?.addEventListener('abort', cancel, { once: true });
    const answer = async (seq: number) => {
      const bytes = Number.isSafeInteger(seq) && seq >= 1 ? await thumbnail(seq) : null;
      if (settled) return;
      // moved, not copied: the export's thread kept 10-15 MiB more of previews at its peak
      const movable = bytes !== null && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      worker.postMessage(
        { type: 'thumbnail', seq, bytes } satisfies ToPdfWorker,
        movable ? [bytes.buffer as ArrayBuffer] : [],
      );
    };
    const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));
    spooling.catch((e: unknown) => fail(asError(e)));
    // in the order they came: callbacks on one promise run in the order they were added
    const toSpool = (use: (spool: PdfSpool) => void) => void spooling.then(use, () => undefined);
    worker.on('message', (m: FromPdfWorker) => {
      if (m.type === 'thumbnail') answer(m.seq).catch((e: unknown) => fail(asError(e)));
      else if (m.type === 'part') toSpool((spool) => spool.add(new Uint8Array(m.bytes)));
      else if (m.type === 'done') {
        drawn = true;
        toSpool((spool) => {
          spool.drawn(m);
          spool.settled().then(
            () => settle(() => resolve(spool)),
            (e: unknown) => fail(asError(e)),
          );
        });
      } else fail(new Error(m.message));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!drawn) fail(new Error(`report PDF: the drawing stopped (exit code ${code}).`));
    });
  });
  return { draw, spool };
}
