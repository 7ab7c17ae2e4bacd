import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, expect, it } from 'vitest';
import { verifyPackage, writePackage } from '../../../electron/core/packages';
import { cleanTempDirs, makeSigner, sampleInput, tempDir } from './helpers';

afterAll(cleanTempDirs);

const MiB = 2 ** 20;

async function peakRssGrowth(run: () => Promise<unknown>): Promise<number> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    await run();
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, process.memoryUsage().rss) - start;
}

it('exports and verifies a 384 MiB payload in bounded memory', async () => {
  const chunk = Buffer.alloc(MiB, 0x5a);
  const pdf = {
    path: 'report.pdf',
    size: 384 * MiB,
    open: () =>
      Readable.from(
        (function* () {
          for (let i = 0; i < 384; i++) yield chunk;
        })(),
      ),
  };
  const { input } = sampleInput(makeSigner('analyst'), 'BIG-2', pdf);
  const path = join(tempDir(), 'BIG-2.zip');
  const writing = await peakRssGrowth(() => writePackage(input, path));
  let verdict = '';
  const verifying = await peakRssGrowth(async () => (verdict = (await verifyPackage(path)).verdict));
  expect(verdict).toBe('valid-untrusted');
  expect(writing).toBeLessThan(100 * MiB);
  expect(verifying).toBeLessThan(100 * MiB);
});
