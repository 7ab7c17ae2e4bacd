import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawTextLine } from '../../../electron/core/report/pdf-text-line';
import { LONG_URL } from './pdf-fixture';
import { pdfkitBytes } from './pdfkit-bytes';

const LINES: Array<[font: string, size: number, color: string, text: string]> = [
  ['DejaVuSans.ttf', 10, '#1b1b1b', 'Evidence 12 of 500: screenshot, 2026-11-27 09:30 WIB'],
  ['DejaVuSans.ttf', 8, '#5c6470', 'AV Wa To fi fl — kerned pairs and ligatures'],
  ['DejaVuSans-Bold.ttf', 12, '#1f3a5f', 'Канал новостей — Сирия'],
  ['DejaVuSans-Bold.ttf', 9, '#1b1b1b', 'قناة'],
  ['DejaVuSansMono.ttf', 7.5, '#1b1b1b', 'e0f2'.repeat(16)],
  ['DejaVuSansMono.ttf', 7.5, '#5c6470', LONG_URL],
  ['DejaVuSans.ttf', 10, '#1b1b1b', '  two  spaces\tand a tab  '],
];

/** The lines drawn at places of their own, by pdfkit's `text` or by drawTextLine. */
function drawn(byLine: boolean): Promise<Buffer> {
  return pdfkitBytes((doc) => {
    doc.addPage({ size: 'A4' });
    LINES.forEach(([font, size, color, text], i) => {
      doc.font(path.resolve('resources/fonts', font)).fontSize(size).fillColor(color);
      const [x, y] = [50 + (i % 3) * 7.25, 60 + i * 21.5];
      if (byLine) drawTextLine(doc, text, x, y);
      else doc.text(text, x, y, { lineBreak: false });
    });
  });
}

describe('a line of text the report places itself', () => {
  it("writes the same PDF, byte for byte, as pdfkit's text with no line breaking", async () => {
    const [byText, byLine] = [await drawn(false), await drawn(true)];
    expect(byLine.length).toBeGreaterThan(5_000);
    expect(byLine.equals(byText)).toBe(true);
  });
});
