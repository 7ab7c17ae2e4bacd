import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Worker, WorkerOptions } from 'tesseract.js';

/** Bahasa Indonesia, English and Arabic, recognised together (a screenshot often mixes them). */
export const OCR_LANGUAGES = ['ind', 'eng', 'ara'] as const;

const require = createRequire(import.meta.url);

/** A file of the OCR packages: in the installed app, the copy unpacked beside app.asar (electron-builder.config.ts). */
function unpacked(spec: string): string {
  return require.resolve(spec).replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

/** The gzip'd LSTM model of a language, as its @tesseract.js-data package ships it. */
export function trainedDataFile(lang: (typeof OCR_LANGUAGES)[number]): string {
  const pkg = dirname(unpacked(`@tesseract.js-data/${lang}/package.json`));
  return join(pkg, '4.0.0_best_int', `${lang}.traineddata.gz`);
}

/**
 * The worker's options: every path local, nothing cached on disk. tesseract.js takes one
 * langPath for all languages while each data package has its own folder, so the three models
 * are copied (public data, not evidence) into one private temporary folder.
 */
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
  private langPath: string | null = null;

  /** tesseract.js loads on the first picture, so commands that read no picture never pay for it */
  private async start(): Promise<Worker> {
    const { createWorker, OEM } = await import('tesseract.js');
    const langPath = mkdtempSync(join(tmpdir(), 'jejak-ocr-'));
    this.langPath = langPath;
    for (const lang of OCR_LANGUAGES) copyFileSync(trainedDataFile(lang), join(langPath, `${lang}.traineddata.gz`));
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
    try {
      // an engine that never started has nothing to end (its failure was the job's)
      const started = await worker?.catch(() => null);
      if (started) await started.terminate();
    } finally {
      if (this.langPath) rmSync(this.langPath, { recursive: true, force: true });
      this.langPath = null;
    }
  }
}
