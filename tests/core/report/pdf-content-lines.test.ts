import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { writeLinesAtEnd, type ContentStream } from '../../../electron/core/report/pdf-content-lines';
import { pdfkitBytes } from './pdfkit-bytes';

/** A document of a few pages drawn the same way each time: text in three fonts, shapes, colours, a picture. */
async function drawn(gather: boolean): Promise<Buffer> {
  const picture = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a6' } })
    .jpeg()
    .toBuffer();
  return pdfkitBytes((doc) => {
    if (gather) doc.on('pageAdded', () => writeLinesAtEnd((doc.page as unknown as { content: ContentStream }).content));
    for (let page = 0; page < 3; page++) {
      doc.addPage({ size: 'A4' });
      doc.font(path.resolve('resources/fonts/DejaVuSans.ttf')).fontSize(10).fillColor('#1b1b1b');
      doc.text(`Page ${page + 1}: Канал новостей, naïve café`, 50, 60, { lineBreak: false });
      doc.font(path.resolve('resources/fonts/DejaVuSansMono.ttf')).fillColor('#5c6470');
      doc.text('e0f2'.repeat(16), 50, 80, { lineBreak: false });
      doc.save().lineWidth(0.5).strokeColor('#b9c0c9').rect(40, 50, 500, 60).stroke().restore();
      doc.image(picture, 400, 120, { width: 40 });
      doc.font(path.resolve('resources/fonts/DejaVuSans-Bold.ttf')).text('قناة الأخبار', 50, 100, { lineBreak: false });
    }
  });
}

describe("a page's content stream kept as text until the page ends", () => {
  it('writes the same PDF, byte for byte, as pdfkit writing each operator as it comes', async () => {
    const [plain, gathered] = [await drawn(false), await drawn(true)];
    expect(gathered.length).toBeGreaterThan(5_000);
    expect(gathered.equals(plain)).toBe(true);
  });
});
