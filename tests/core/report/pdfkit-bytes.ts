import PDFDocument from 'pdfkit';

export type PdfKitDocument = InstanceType<typeof PDFDocument>;

/** The bytes of a bare pdfkit document drawn by `draw`, its date fixed: the same drawing gives the same bytes. */
export async function pdfkitBytes(draw: (doc: PdfKitDocument) => void): Promise<Buffer> {
  const doc: PdfKitDocument = new PDFDocument({
    autoFirstPage: false,
    info: { CreationDate: new Date('2026-12-01T00:00:00Z') },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((done) => doc.on('end', done));
  draw(doc);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
