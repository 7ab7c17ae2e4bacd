import { randomBytes } from 'node:crypto';
import { getPriority } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { startKeyedWorker } from '../../electron/core/db/keyed-worker';
import { startHashingWorker } from '../../electron/core/hashing-worker';
import { startModuleWorker } from '../../electron/core/module-worker';
import { WORKER_NICE } from '../../electron/core/worker-priority';

// Workers run below the main thread so that it, which answers the window, is not kept waiting for a
// core by their hashing and drawing (Linux keeps a nice value per thread).

/** CommonJS source that answers its own thread's nice value, as the fixtures' entries do. */
const ANSWER_NICE = `require('node:worker_threads').parentPort.postMessage(
  Number(require('node:fs').readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ')[16]));`;

function firstAnswer(worker: Worker): Promise<number> {
  return new Promise((resolve, reject) => {
    worker.once('message', (nice: number) => {
      resolve(nice);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe.skipIf(process.platform !== 'linux')('worker threads run below the main thread', () => {
  const fixture = (file: string) => pathToFileURL(`${__dirname}/../fixtures/${file}`).href;

  it('a worker started from its entry, built (.js) or from source (.ts)', async () => {
    const built = startModuleWorker(fixture('caller.js'), 'thread-nice-worker');
    const fromSource = startModuleWorker(fixture('caller.ts'), 'thread-nice-worker');
    expect(await Promise.all([firstAnswer(built), firstAnswer(fromSource)])).toEqual([WORKER_NICE, WORKER_NICE]);
    expect(WORKER_NICE).toBeGreaterThan(0);
    expect(getPriority()).toBe(0);
  });

  it('the hashing worker and a worker with a connection to the vault', async () => {
    let answered: (nice: number) => void = () => {};
    const hashingNice = new Promise<number>((resolve) => (answered = resolve));
    const hashing = startHashingWorker<number>(
      ANSWER_NICE,
      (nice) => answered(nice),
      () => {},
    );
    const keyed = startKeyedWorker(ANSWER_NICE, randomBytes(32), {});
    expect(await Promise.all([hashingNice, firstAnswer(keyed)])).toEqual([WORKER_NICE, WORKER_NICE]);
    await hashing.terminate();
    expect(getPriority()).toBe(0);
  });
});
