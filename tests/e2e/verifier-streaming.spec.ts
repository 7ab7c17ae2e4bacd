import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { verifyPackage, writePackage } from '../../electron/core/packages';
import { makeSigner, sampleInput } from '../core/packages/helpers';

/**
 * The page streams: a package several hundred MB large is verified with Blob.slice reads and
 * incremental hashes, the page's memory (JS heap and ArrayBuffer backing stores, sampled through
 * the DevTools protocol) staying far below the package's size.
 */

const MiB = 2 ** 20;
const PAYLOAD_MIB = 300;

let dir: string;
let zip: string;
let pageUrl: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dir = mkdtempSync(join(tmpdir(), 'jejak-verifier-large-'));
  const html = join(dir, 'verify.html');
  const made = spawnSync(process.execPath, ['bin/jejak.js', 'verifier', '--out', html], { encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
  pageUrl = pathToFileURL(html).href;
  // A PDF is stored, not deflated: the ZIP holds the payload's bytes as they are.
  const block = randomBytes(MiB);
  const pdf = {
    path: 'report.pdf',
    size: PAYLOAD_MIB * MiB,
    open: () =>
      Readable.from(
        (function* () {
          for (let i = 0; i < PAYLOAD_MIB; i++) yield block;
        })(),
      ),
  };
  zip = (await writePackage(sampleInput(makeSigner('analyst'), 'BIG-300', pdf).input, join(dir, 'BIG-300.zip'))).path;
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test(`a ${PAYLOAD_MIB} MiB package verifies in the page in bounded memory`, async ({ page }) => {
  test.setTimeout(600_000);
  const size = statSync(zip).size;
  const want = await verifyPackage(zip);
  await page.goto(pageUrl);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const samples: Array<{ heap: number; backing: number }> = [];
  const sample = async () => {
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    samples.push({ heap: usage.usedSize, backing: usage.backingStorageSize ?? 0 });
  };
  await sample();
  const timer = setInterval(() => void sample().catch(() => undefined), 100);
  const started = performance.now();
  try {
    await page.getByTestId('verifier-file').setInputFiles(zip);
    await expect(page.getByTestId('result')).toBeVisible({ timeout: 540_000 });
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - started) / 1000;
  await sample();
  expect(await page.getByTestId('result').getAttribute('data-verdict')).toBe(want.verdict);
  const peak = Math.max(...samples.map((s) => s.heap + s.backing));
  const peakHeap = Math.max(...samples.map((s) => s.heap));
  console.log(
    `[verifier] ${(size / MiB).toFixed(0)} MiB package in ${seconds.toFixed(1)} s (${(size / MiB / seconds).toFixed(0)} MiB/s); ` +
      `page memory peak ${(peak / MiB).toFixed(1)} MiB (JS heap ${(peakHeap / MiB).toFixed(1)} MiB), ${samples.length} samples`,
  );
  expect(samples.length).toBeGreaterThan(2);
  // The page reads into buffers it keeps: about 16 MiB here. A new buffer for every chunk, left for
  // the garbage collector, peaked at 67-117 MiB on the same package.
  expect(peak).toBeLessThan(48 * MiB);
});
