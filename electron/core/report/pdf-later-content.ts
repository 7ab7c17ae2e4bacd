import { fontsOf } from './pdf-word-layouts';

/** The parts of pdfkit's page and document this reaches into (pdfkit's typings leave them out). */
interface PdfRef {
  readonly id: number;
  end(chunk?: string): void;
}
/** pdfkit's PDFReference, made again for a number reserved earlier (pdfkit writes a reference by its number alone) */
type PdfRefClass = new (doc: unknown, id: number) => PdfRef;
interface PdfPage {
  content: PdfRef;
  readonly fonts: Record<string, PdfRef>;
  readonly dictionary: { data: Record<string, unknown> };
  readonly resources: { data: Record<string, unknown> };
}
interface PdfDoc {
  page: PdfPage;
  ref(): PdfRef;
  addPage(): void;
  font(file: string): void;
  end(): void;
}
interface PdfFont {
  id: string;
  ref(): PdfRef;
}

/**
 * What a page shows that needs the page total ("Page X of Y", and the running header drawn with
 * it), drawn once the total is known, without keeping the pages. pdfkit writes each page as soon
 * as the next begins (no `bufferPages`); each page's /Contents is its own stream and a second one,
 * a PDF object written at the end, which a reader draws after the first as if they were one
 * (ISO 32000-1, 7.8.2). Kept for each page until then: the number reserved for its second stream.
 * Every page lists every font of the document, so the second streams draw on the last page's
 * object, whose size they share, each into a reference made again for its reserved number.
 *
 * Before: every page waited, whole, for its footer: about 4.7 kB of heap an item (the 3,000-item
 * case's drawing thread held 45 MiB of heap and 26 MiB of page buffers at its peak); then each page
 * object waited, emptied, with its two references: 1.2 kB a page (5,453 pages at 20,000 items).
 */
export class LaterContent {
  /** each page's second stream's object number, in page order */
  private readonly laterIds: number[] = [];
  private refClass: PdfRefClass | null = null;

  /** `fontFiles`: every font the document draws with, opened here so that each page can list them all */
  constructor(
    private readonly doc: unknown,
    fontFiles: string[],
  ) {
    for (const file of fontFiles) this.pdf.font(file);
    // pdfkit finishes the file only once every object is written: a document ended without
    // drawEach (the transparency report's one page, which has no footer) ends each second stream
    // empty (a stream still: /Contents may name nothing else).
    const end = this.pdf.end.bind(this.pdf);
    this.pdf.end = () => {
      for (const id of this.laterIds.splice(0)) this.refNumbered(id).end(' ');
      end();
    };
  }

  private get pdf(): PdfDoc {
    return this.doc as PdfDoc;
  }

  private refNumbered(id: number): PdfRef {
    return new this.refClass!(this.doc, id);
  }

  /** Every font of the document in the page's resources, so that its second stream may draw with any of them. */
  private listEveryFont(page: PdfPage): void {
    for (const font of fontsOf(this.doc) as Set<unknown> as Set<PdfFont>) page.fonts[font.id] = font.ref();
  }

  /** Ends the current page (pdfkit writes it) and begins the next, its second stream's number reserved. */
  addPage(): void {
    const written = this.laterIds.length > 0 ? this.pdf.page : null;
    if (written) this.listEveryFont(written);
    this.pdf.addPage();
    if (written) {
      // Written: from now on pdfkit uses only its number (in the page tree). Its dictionary and
      // resources would hold every image's object to the end.
      written.dictionary.data = {};
      written.resources.data = {};
    }
    const page = this.pdf.page;
    const later = this.pdf.ref();
    this.refClass ??= later.constructor as PdfRefClass;
    page.dictionary.data.Contents = [page.content, later];
    this.laterIds.push(later.id);
  }

  /** Draws every page's later content, `draw(n, total)` with the page current, and writes it. */
  drawEach(draw: (n: number, total: number) => void): void {
    const page = this.pdf.page;
    const own = page.content;
    const ids = this.laterIds.splice(0);
    const total = ids.length;
    this.listEveryFont(page);
    const listed = Object.keys(page.fonts).length;
    try {
      ids.forEach((id, i) => {
        const later = this.refNumbered(id);
        page.content = later;
        draw(i + 1, total);
        // a page already written cannot list a font it did not list then (it lists every font)
        if (Object.keys(page.fonts).length !== listed)
          throw new Error('report PDF: a page footer used a font its page does not list');
        later.end();
      });
    } finally {
      page.content = own;
    }
  }
}
