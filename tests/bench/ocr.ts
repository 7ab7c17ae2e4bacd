// OCR at intake's pace: ~320 KB PNG screenshots (a chat look-alike with two lines of real
// Indonesian and English text, and on every other page a line of Arabic) read by the background
// queue's engine (tesseract.js in its worker threads: ind+eng first, ind+eng+ara again where a
// line may be Arabic). Pages per second, Latin-only and Arabic pages apart, and the process's peak
// RSS, which counts the worker threads and their WebAssembly heaps. Baseline in the same run:
// sharp decoding the same files.
import { readFileSync, mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { OcrEngine } from '../../electron/core/evidence/media/ocr';
import { ocrModelsCache } from '../../electron/core/evidence/media/ocr-models';
import { readTextInPicture } from '../../electron/core/evidence/recognised-text';
import { screenshot } from '../core/evidence/media/fixtures';
import { peakRss, ratio, time } from './_measure';

const PAGES = 20;
const LATIN = ['Bergabunglah dengan saluran kami', 'Join our channel for daily updates'];
const ARABIC = 'انضموا إلى قناتنا';
/** Odd pages carry a line of Arabic below the two Latin ones; even pages are Latin only. */
const hasArabic = (page: number) => page % 2 === 1;

const dir = mkdtempSync(join(tmpdir(), 'jejak-bench-ocr-'));
try {
  const files: string[] = [];
  for (let i = 0; i < PAGES; i++) {
    const text = (hasArabic(i) ? [...LATIN, ARABIC] : LATIN)
      .map(
        (line, l) =>
          `<text x="40" y="${180 + l * 60}" font-family="DejaVu Sans" font-size="34" fill="#111">${line}</text>`,
      )
      .join('');
    const overlay = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="400"><rect y="120" width="720" height="220" fill="#fff"/>${text}</svg>`,
    );
    const base = await (await screenshot(200 + i, { photo: true })).png().toBuffer();
    const file = join(dir, `${i}.png`);
    writeFileSync(
      file,
      await sharp(base)
        .composite([{ input: overlay, top: 0, left: 0 }])
        .png()
        .toBuffer(),
    );
    files.push(file);
  }
  const meanKb = files.reduce((n, f) => n + statSync(f).size, 0) / files.length / 1024;
  const decodeMs = await time(async () => {
    for (const f of files) await sharp(readFileSync(f)).raw().toBuffer();
  });
  const ocr = new OcrEngine(ocrModelsCache(join(dir, 'data')));
  const rss = peakRss();
  // loads the models: the first page with the two Latin ones, the second with the three (as it needs them)
  const startMs = await time(async () => {
    for (const f of files.slice(0, 2)) await readTextInPicture(ocr, readFileSync(f));
  });
  let found = 0;
  const perPage: number[] = [];
  const ocrMs = await time(async () => {
    for (const f of files.slice(2)) {
      const started = performance.now();
      if ((await readTextInPicture(ocr, readFileSync(f))).text.includes('Bergabunglah')) found++;
      perPage.push(performance.now() - started);
    }
  });
  const peak = rss.stop();
  await ocr.close();
  const pages = files.length - 2;
  console.log(`${PAGES} screenshots of ${meanKb.toFixed(0)} KB on average (720×1280)`);
  console.log(`engine start and first two pages (one Latin, one with Arabic): ${startMs.toFixed(0)} ms`);
  console.log(
    `OCR: ${(pages / (ocrMs / 1000)).toFixed(2)} pages/s (${(ocrMs / pages).toFixed(0)} ms a page), "Bergabunglah" read in ${found}/${pages}`,
  );
  for (const [kind, arabic] of [
    ['Latin only (ind, eng)', false],
    ['with a line of Arabic', true],
  ] as const) {
    const ms = perPage.filter((_, k) => hasArabic(k + 2) === arabic);
    const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
    console.log(`  ${kind}: ${(1000 / mean).toFixed(2)} pages/s (${mean.toFixed(0)} ms a page, ${ms.length} pages)`);
  }
  console.log(
    `sharp decode of the same files: ${(decodeMs / files.length).toFixed(1)} ms a page  (OCR ${ratio(ocrMs / pages, decodeMs / files.length)})`,
  );
  console.log(`peak RSS (main and OCR worker thread): ${peak} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
