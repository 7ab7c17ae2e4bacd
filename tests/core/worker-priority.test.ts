import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { startKeyedWorker } from '../../electron/core/db/keyed-worker';
import { OcrEngine } from '../../electron/core/evidence/media/ocr';
import { ocrModelsCache } from '../../electron/core/evidence/media/ocr-models';
import { startHashingWorker } from '../../electron/core/hashing-worker';
import { startModuleWorker } from '../../electron/core/module-worker';
import { WORKER_NICE } from '../../electron/core/worker-priority';
import { RESOURCES } from '../fixtures/case';
import { textPng } from '../fixtures/catalog';
import { tempDir } from '../fixtures/temp';

// Workers run below the main thread so that it, which answers the window, is not kept waiting for a
// core by their hashing and drawing (Linux keeps a nice value per thread).

/** This process's threads at the workers' nice value (one that ends while they are listed is not). */
function threadsBelowMain(): Set<string> {
  const nice = (tid: string) => {
    try {
      return Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
    } catch {
      return undefined;
    }
  };
  return new Set(readdirSync('/proc/self/task').filter((tid) => nice(tid) === WORKER_NICE));
}

/**
 * Waits (up to 20 s: a worker run from source loads its modules through tsx) for a thread at the
 * workers' nice value not among `before`.
 */
async function aThreadLoweredSince(before: Set<string>): Promise<boolean> {
  for (const until = Date.now() + 20_000; Date.now() < until; await new Promise((r) => setTimeout(r, 20)))
    if ([...threadsBelowMain()].some((tid) => !before.has(tid))) return true;
  return false;
}

/** CommonJS source that answers its own thread's nice value. */
const ANSWER_NICE = `require('node:worker_threads').parentPort.postMessage(
  Number(require('node:fs').readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ')[16]));`;

const started: Worker[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((w) => w.terminate()));
});

/** The report's drawing and the pictures' worker, each started beside the module named (its source, or a bundle). */
function entryWorkers(pdfCaller: string, mediaCaller: string) {
  const workerData = { fontsDir: join(RESOURCES, 'fonts'), now: new Date().toISOString() };
  return {
    pdf: () => startModuleWorker(pathToFileURL(pdfCaller).href, 'pdf-worker', { workerData }),
    media: () => startModuleWorker(pathToFileURL(mediaCaller).href, 'media-worker'),
  };
}

const ways = {
  'from source': entryWorkers(
    'electron/core/report/pdf-in-worker.ts',
    'electron/core/evidence/media/media-in-worker.ts',
  ),
  // the CLI bundle (tests/fixtures/cli-bundle.ts builds it) has each worker entry beside the code that starts it
  built: entryWorkers('out/cli/jejak.js', 'out/cli/jejak.js'),
};

describe.skipIf(process.platform !== 'linux')('worker threads run below the main thread', () => {
  for (const [how, workers] of Object.entries(ways))
    for (const which of ['pdf', 'media'] as const)
      it(`the ${which === 'pdf' ? "report's drawing" : "pictures'"} worker, ${how}`, async () => {
        const before = threadsBelowMain();
        started.push(workers[which]());
        expect(await aThreadLoweredSince(before)).toBe(true);
        expect(getPriority()).toBe(0);
      });

  // The entry's imports load at the workers' priority already: the drawing thread's took 0.2-0.3 s of CPU.
  // (A caller's address beside the fixture's entries: the caller's file itself is never read.)
  for (const [how, caller] of [
    ['from source', 'tests/fixtures/module-worker/caller.ts'],
    ['built', 'tests/fixtures/module-worker/caller.js'],
  ] as const)
    it(`an entry's imports, ${how}`, async () => {
      const worker = startModuleWorker(pathToFileURL(caller).href, 'nice-at-import');
      started.push(worker);
      expect(await new Promise((resolve) => worker.once('message', resolve))).toBe(WORKER_NICE);
    });

  it("tesseract.js's worker, which the library starts, and it still reads", async () => {
    const before = threadsBelowMain();
    const engine = new OcrEngine(ocrModelsCache(tempDir()));
    try {
      const read = await engine.recognise(await textPng('Bergabunglah dengan saluran kami'));
      expect(read.text).toContain('Bergabunglah dengan saluran kami');
      expect(await aThreadLoweredSince(before)).toBe(true); // the engine's thread lives until it is closed
      expect(getPriority()).toBe(0);
    } finally {
      await engine.close();
    }
  }, 60_000);

  it('the hashing worker and a worker with a connection to the vault, both evaluated from source text', async () => {
    let answered: (nice: number) => void = () => {};
    const hashingNice = new Promise<number>((resolve) => (answered = resolve));
    started.push(
      startHashingWorker<number>(
        ANSWER_NICE,
        (nice) => answered(nice),
        () => {},
      ),
    );
    const keyed = startKeyedWorker(ANSWER_NICE, randomBytes(32), {});
    started.push(keyed);
    const keyedNice = new Promise<number>((resolve) => keyed.once('message', resolve));
    expect(await Promise.all([hashingNice, keyedNice])).toEqual([WORKER_NICE, WORKER_NICE]);
    expect(WORKER_NICE).toBeGreaterThan(0);
    expect(getPriority()).toBe(0);
  });
});
