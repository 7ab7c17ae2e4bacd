import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker, WorkerOptions } from 'tesseract.js';
import { BELOW_MAIN_THREAD_SOURCE } from '../../worker-priority';
import { OCR_LANGUAGES, prepareOcrModels, unpacked } from './ocr-models';
import { unreadWriting, unsureLines, type OcrLine } from './ocr-script';

/** The worker's options: every path local (the models in `langPath`), nothing cached by tesseract.js. */
export function ocrWorkerOptions(langPath: string): Partial<WorkerOptions> {
  return {
    langPath,
    cacheMethod: 'none',
    gzip: true,
    // tesseract.js hands this to `new Worker()` as it is, which takes a URL (see below)
    workerPath: workerBelowMainThread() as unknown as string,
    corePath: dirname(unpacked('tesseract.js-core/package.json')),
    workerBlobURL: false,
    logger: () => undefined,
    errorHandler: () => undefined,
  };
}

/**
 * tesseract.js's worker script, run by a module that first lowers its thread below the main
 * thread's priority (worker-priority.ts), as every worker of ours is: tesseract.js starts its
 * worker itself, from `workerPath`. A data: URL, which Node's Worker takes as a URL object, so it
 * serves run from source and built alike; the script is required from where it is installed.
 */
function workerBelowMainThread(): URL {
  const script = unpacked('tesseract.js/src/worker-script/node/index.js');
  const source = [
    `import { createRequire } from 'node:module';`,
    `const require = createRequire(${JSON.stringify(pathToFileURL(script).href)});`,
    BELOW_MAIN_THREAD_SOURCE,
    `require(${JSON.stringify(script)});`,
  ].join('\n');
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`);
}

/** The first reading, in Latin script: Bahasa Indonesia and English. */
const LATIN = OCR_LANGUAGES.filter((lang) => lang !== 'ara');
type Reading = 'latin' | 'all';

export interface OcrReading {
  text: string;
  /** the models it was read with, joined by "+" */
  languages: string;
}

/**
 * Reads the text in pictures, offline. tesseract.js runs its WebAssembly engine in a worker
 * thread, so recognising never blocks the thread that asks. A picture is read with the Latin
 * models first (two languages: a third less time than three); only when a line they were unsure
 * of looks like writing (ocr-script.ts) is it read again with all three, Arabic too, and that
 * reading is kept. The engines are kept while jobs run and closed when they stop (each model set
 * takes ~100 MB); the three-language one starts at the first picture that needs it.
 */
export class OcrEngine {
  private readonly workers: Record<Reading, Promise<Worker> | null> = { latin: null, all: null };

  /** @param modelsCache where the models are kept between starts: ocrModelsCache(the app's data folder) */
  constructor(private readonly modelsCache: string) {}

  /** tesseract.js loads on the first picture, so commands that read no picture never pay for it */
  private worker(reading: Reading): Promise<Worker> {
    this.workers[reading] ??= (async () => {
      const { createWorker, OEM } = await import('tesseract.js');
      const langPath = prepareOcrModels(this.modelsCache);
      const languages = reading === 'latin' ? LATIN : OCR_LANGUAGES;
      return createWorker(languages.join('+'), OEM.LSTM_ONLY, ocrWorkerOptions(langPath));
    })().catch((e: unknown) => {
      this.workers[reading] = null; // the next picture tries again
      throw e;
    });
    return this.workers[reading];
  }

  /**
   * The text of a PNG, JPEG, WebP or GIF (first frame), trimmed ('' when there is none), and the
   * models of the reading kept ("ind+eng" or "ind+eng+ara"), which is what the vault records.
   */
  async recognise(image: Buffer): Promise<OcrReading> {
    const { data } = await (await this.worker('latin')).recognize(image, {}, { text: true, blocks: true });
    const unsure = unsureLines((data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines)));
    if (unsure.length === 0 || !(await looksWritten(image, unsure)))
      return { text: tidy(data.text), languages: LATIN.join('+') };
    const all = await (await this.worker('all')).recognize(image);
    return { text: tidy(all.data.text), languages: OCR_LANGUAGES.join('+') };
  }

  async close(): Promise<void> {
    const workers = Object.values(this.workers);
    this.workers.latin = this.workers.all = null;
    // an engine that never started has nothing to end (its failure was the job's)
    for (const worker of workers) {
      const started = await worker?.catch(() => null);
      if (started) await started.terminate();
    }
  }
}

/** Whether an unsure line looks like writing, judged on the picture's grey levels. */
async function looksWritten(image: Buffer, unsure: readonly OcrLine[]): Promise<boolean> {
  const { default: sharp } = await import('sharp');
  const { data, info } = await sharp(image)
    .flatten({ background: '#ffffff' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return unreadWriting(unsure, { data, width: info.width, height: info.height });
}

function tidy(text: string): string {
  return text.replace(/[ \t]+\n/g, '\n').trim();
}
