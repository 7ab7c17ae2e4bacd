import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../../electron/core/report/pdf';
import { RECOGNISED_TEXT_LIMITS } from '../../../electron/core/report/pdf-recognised-text';
import type { ReportData } from '../../../electron/common/report-json';
import { reportData, thumbnailFor } from './pdf-fixture';

// Needs poppler-utils (pdftotext) on the machine, like pdf.test.ts.
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jejak-pdf-ocr-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function pdfText(data: ReportData, name: string): Promise<string> {
  const file = path.join(dir, name);
  const pdf = renderReportPdf(data, { fontsDir: path.resolve('resources/fonts'), thumbnail: thumbnailFor });
  await pipeline(pdf, createWriteStream(file));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return text.replace(/[\u202A-\u202E]/g, ''); // poppler's marks around a right-to-left run
}

describe('the text read in a picture, in the report PDF', () => {
  it('copies out of the PDF as it was read: Arabic ligatures (lam-alef) in logical order', async () => {
    const data = reportData({ evidence: 1 });
    const arabic = ['انضموا إلى قناتنا الآن', 'لا تفوتوا الأخبار العاجلة'];
    data.evidence[0]!.recognisedText = ['Bergabunglah dengan saluran kami', ...arabic].join('\n');
    const text = await pdfText(data, 'ligatures.pdf');
    expect(text).toContain('Teks dalam gambar bukti 1 (dibaca OCR)');
    expect(text).toContain('Bergabunglah dengan saluran kami');
    for (const line of arabic) expect(text).toContain(line);
    expect(text).not.toContain('Teks dipotong');
  });

  it('cuts a long text with a note naming its length, in the report language', async () => {
    const data = reportData({ evidence: 1, language: 'en' });
    const words = Array.from({ length: 600 }, (_, i) => `kata${i}`);
    data.evidence[0]!.recognisedText = words.join(' ');
    const text = await pdfText(data, 'long.pdf');
    expect(text).toContain('Text in the picture of evidence 1 (read by OCR)');
    expect(text).toContain('kata0 kata1');
    expect(text).not.toContain('kata599');
    const length = words.join(' ').length.toLocaleString('en-GB');
    expect(text).toContain(`Text cut (${length} characters in all); the full text is in data/report.json.`);
    expect(RECOGNISED_TEXT_LIMITS.characters).toBeLessThan(words.join(' ').length);
  });

  it('prints nothing for a picture with no text read', async () => {
    const data = reportData({ evidence: 2 });
    data.evidence[0]!.recognisedText = '  \n\n ';
    data.evidence[1]!.recognisedText = null;
    expect(await pdfText(data, 'none.pdf')).not.toContain('Teks dalam gambar');
  });
});
