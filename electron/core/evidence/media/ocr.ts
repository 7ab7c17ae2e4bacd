import { dirname } from 'node:path';
import type { Worker, WorkerOptions } from 'tesseract.js';
import { OCR_LANGUAGES, prepareOcrModels, unpacked } from './ocr-models';

/** The worker's options: every path local (the models in `langPath`), nothing cached by tesseract.js. */
export function ocrWorkerOptions(langPath: string): Partial<WorkerOptions> {
  return {
    langPath,
    cacheMethod: 'none',
    gzip: true,
    workerPath: unpacked('tesseract.js/src/worker-script/node/index.js'),
    corePath: dirname(unpacked('tesseract.js-core/package.json')),
    workerBlobURL: false,
    logger: () => undefined,
    errorHandler: () => undefined,
  };
}

/**
 * Reads the text in pictures, offline. tesseract.js runs its WebAssembly engine in a worker
 * thread, so recognising never blocks the thread that asks. One engine is kept while jobs run
 * and closed when they stop (its model takes ~100 MB).
 */
export class OcrEngine {
  private worker: Promise<Worker> | null = null;

  /** @param modelsCache where the models are kept between starts: ocrModelsCache(the app's data folder) */
  constructor(private readonly modelsCache: string) {}

  /** tesseract.js loads on the first picture, so commands that read no picture never pay for it */
  private async start(): Promise<Worker> {
    const { createWorker, OEM } = await import('tesseract.js');
    const langPath = prepareOcrModels(this.modelsCache);
    return createWorker(OCR_LANGUAGES.join('+'), OEM.LSTM_ONLY, ocrWorkerOptions(langPath));
  }

  /** The text of a PNG, JPEG, WebP or GIF (first frame), trimmed; '' when there is none. */
  async recognise(image: Buffer): Promise<string> {
    this.worker ??= this.start().catch((e: unknown) => {
      this.worker = null; // the next picture tries again
      throw e;
    });
    const { data } = await (await this.worker).recognize(image);
    return data.text.replace(/[ \t]+\n/g, '\n').trim();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    // an engine that never started has nothing to end (its failure was the job's)
    const started = await worker?.catch(() => null);
    if (started) await started.terminate();
  }
}
