import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../../electron/core/report/pdf';
import { PAGE } from '../../../electron/core/report/pdf-page';
import type { ReportData } from '../../../electron/common/report-json';
import { reportData, thumbnailFor } from './pdf-fixture';

// Needs poppler-utils (pdftotext): apt-get install -y poppler-utils
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jejak-pdf-headings-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Word {
  text: string;
  x: number;
  top: number;
  bottom: number;
}

/** The words of each page with their boxes, from poppler. */
function pagesOf(file: string): Word[][] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (m) => ({
          x: Number(m[1]),
          top: Number(m[2]),
          bottom: Number(m[3]),
          text: m[4]!,
        }),
      ),
    );
}

/** Lines of body text (not the running header or the footer) below `y` on a page. */
function linesBelow(words: Word[], y: number): number {
  return new Set(words.filter((w) => w.top > y && w.bottom <= PAGE.bottom).map((w) => Math.round(w.top))).size;
}

const HEADINGS = ['A.', 'B.', 'C.'];

/** Reports whose sections start at every height of a page: one more channel row each time. */
function variants(): Array<{ name: string; data: ReportData }> {
  const out = [];
  // a channel row is about 12 points; every other count still moves the sections less than a heading's keep-with-next
  for (let channels = 1; channels <= 36; channels += 2) {
    const data = reportData({ evidence: 1 + (out.length % 2) });
    const base = data.channels[0]!;
    data.channels = Array.from({ length: channels }, (_, i) => ({
      ...base,
      canonicalUrl: `https://t.me/kanal_${i}`,
      title: `Kanal ${i}`,
    }));
    out.push({ name: `${channels} channels`, data });
  }
  return out;
}

describe('report PDF page breaks', () => {
  it('never leaves a section heading alone at the bottom of a page', async () => {
    let headingsSeen = 0;
    for (const { name, data } of variants()) {
      const file = path.join(dir, `${name.replace(/ /g, '-')}.pdf`);
      await pipeline(
        renderReportPdf(data, {
          fontsDir: path.resolve('resources/fonts'),
          thumbnail: thumbnailFor,
          now: new Date('2026-11-28T04:00:00Z'),
        }),
        createWriteStream(file),
      );
      pagesOf(file).forEach((words, page) => {
        for (const heading of words.filter((w) => HEADINGS.includes(w.text) && w.x < PAGE.marginX + 2)) {
          headingsSeen++;
          // the heading, its rule, then at least two lines of what it introduces, on the same page
          expect(
            linesBelow(words, heading.bottom + 4),
            `${name}: "${heading.text}" on page ${page + 1} at y=${heading.top}`,
          ).toBeGreaterThanOrEqual(2);
        }
      });
    }
    expect(headingsSeen).toBe(3 * variants().length);
  });
});
