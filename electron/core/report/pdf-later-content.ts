import { fontsOf } from './pdf-word-layouts';

/** The parts of pdfkit's page and document this reaches into (pdfkit's typings leave them out). */
interface PdfRef {
  end(chunk?: string): void;
}
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
 * (ISO 32000-1, 7.8.2). Kept for each page until then: pdfkit's page object, emptied of all but
 * its fonts, and the references of its two streams.
 *
 * Before: every page waited, whole, for its footer: about 4.7 kB of heap an item (the 3,000-item
 * case's drawing thread held 45 MiB of heap and 26 MiB of page buffers at its peak).
 */
export class LaterContent {
  private readonly pages: Array<{ page: PdfPage; later: PdfRef }> = [];

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
      for (const { later } of this.pages.splice(0)) later.end(' ');
      end();
    };
  }

  private get pdf(): PdfDoc {
    return this.doc as PdfDoc;
  }

  /**
   * Ends the current page (pdfkit writes it) and begins the next, with its second stream open until
   * drawEach. The page written lists every font in its resources first, so that the later stream
   * may draw with any of them.
   */
  addPage(): void {
    const written = this.pages.length > 0 ? this.pdf.page : null;
    if (written) {
      const fonts = written.fonts;
      for (const font of fontsOf(this.doc) as Set<unknown> as Set<PdfFont>) fonts[font.id] = font.ref();
    }
    this.pdf.addPage();
    if (written) {
      // Written: from now on pdfkit uses only its number (in the page tree). Its dictionary and
      // resources would hold every image's object to the end; the fonts stay for drawEach.
      written.dictionary.data = {};
      written.resources.data = { Font: written.fonts };
    }
    const page = this.pdf.page;
    const later = this.pdf.ref();
    page.dictionary.data.Contents = [page.content, later];
    this.pages.push({ page, later });
  }

  /** Draws every page's later content, `draw(n, total)` with the page current, and writes it. */
  drawEach(draw: (n: number, total: number) => void): void {
    const current = this.pdf.page;
    const pages = this.pages.splice(0);
    const total = pages.length;
    try {
      pages.forEach(({ page, later }, i) => {
        const own = page.content;
        const listed = Object.keys(page.fonts).length;
        page.content = later;
        this.pdf.page = page;
        try {
          draw(i + 1, total);
        } finally {
          page.content = own;
        }
        // a page already written cannot list a font it did not list then (addPage lists them all)
        if (page !== current && Object.keys(page.fonts).length !== listed)
          throw new Error('report PDF: a page footer used a font its page does not list');
        later.end();
      });
    } finally {
      this.pdf.page = current;
    }
  }
}
