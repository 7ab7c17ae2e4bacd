import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { type MeasuredFont, WordWidths } from '../../../electron/core/report/pdf-widths';
import { LONG_URL } from './pdf-fixture';

// The line breaker measures through WordWidths; a line it calls fitting must be exactly as wide
// as pdfkit will draw it.
describe('WordWidths', () => {
  it("gives pdfkit's own widthOfString, to the last bit, for text measured again and again", () => {
    const doc = new PDFDocument({ autoFirstPage: false });
    const widths = new WordWidths();
    const texts = [
      '',
      ' ',
      'SHA-512',
      'Diterima 27 November 2026 pukul 09.30.12 UTC',
      'AVATAR fi ffi  two  spaces ',
      'قناة الأخبار العاجلة',
      'e0f2'.repeat(32),
      LONG_URL,
      'tab\tinside',
    ];
    for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf']) {
      doc.font(path.resolve('resources/fonts', file));
      const font = (doc as unknown as { _font: MeasuredFont })._font;
      for (const size of [7.5, 9, 13])
        for (const round of [1, 2])
          for (const text of texts) {
            doc.fontSize(size);
            expect(widths.widthOf(font, size, text), `${file} ${size} ${round} ${JSON.stringify(text)}`).toBe(
              doc.widthOfString(text),
            );
          }
    }
  });
});
