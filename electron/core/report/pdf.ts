/**
 * The takedown request as a PDF: `data/report.pdf` in a report package.
 *
 * Layout (A4): letterhead with the unit, title and reference; the case (date, platform,
 * priority and due time, legal basis, case title, notes) and the request itself; A. the channels
 * as a table; B. each evidence item with its preview, file name, hashes and provenance;
 * C. who prepared it, the signer's key fingerprint, and how to verify the signed package by hand.
 * Pages 2+ carry a running header; every page a footer with the reference and "Page X of Y".
 *
 * Memory: pdfkit writes each object (images included) to the stream as soon as it is complete,
 * and each page once the next begins; the footers with the page total go into a second content
 * stream of each page, written at the end (pdf-later-content.ts). Thumbnails are loaded
 * THUMBNAIL_LOOKAHEAD ahead of the item being drawn and dropped once embedded, so a handful are held. Drawing
 * waits while more than OUTPUT_HIGH_WATER bytes of PDF wait unread in the stream, so a slow
 * consumer (a ZIP writer) does not make the output pile up in memory.
 *
 * Reproducibility: the same data, fonts and `now` give the same bytes (pdfkit's file ID is
 * derived from the metadata; CreationDate/ModDate are `now`, else the case's exportedAt).
 *
 * Errors: a missing font throws at once (a configuration error); a rejected `thumbnail()` call
 * destroys the stream with that error; thumbnail bytes that cannot be decoded are shown as
 * "preview cannot be shown" and the rest of the document is drawn.
 */
import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { PDF_FONT_FILES, resolveFonts } from './pdf-fonts';
import { type ContentStream, writeLinesAtEnd } from './pdf-content-lines';
import { Layout } from './pdf-layout';
import { PAGE } from './pdf-page';
import { drawChannels, drawFirstPage } from './pdf-front';
import { pdfStrings, type PdfStrings } from './pdf-strings';
import { parseDate, platformName } from './pdf-format';
import { cleanText, hasRtl } from './pdf-text';
import { drawClosing, drawPageFurniture } from './pdf-closing';
import { drawEvidence, EVIDENCE_LEAD_HEIGHT, normalizeThumbnail, type Thumb } from './pdf-evidence';
import type { EvidenceList } from './packed-items';
import { ST, sectionHeading } from './pdf-styles';
import { fontsOf, WordLayoutKeeper } from './pdf-word-layouts';
import type { ReportData, ReportEvidence, ReportLanguage } from '../../common/report-json';

export interface PdfOptions {
  /** folder holding DejaVuSans.ttf, DejaVuSans-Bold.ttf and DejaVuSansMono.ttf */
  fontsDir: string;
  /** a preview of the item as JPEG or PNG bytes, or null when there is none */
  thumbnail: (e: ReportEvidence) => Promise<Buffer | null>;
  /** the PDF's creation date; defaults to the case's exportedAt, so output is reproducible */
  now?: Date;
  /** called once an item's page content is drawn: its preview's bytes are no longer read */
  itemDrawn?: (e: ReportEvidence) => void;
  /** the report's items, when they are not in `data.evidence` (the drawing thread's: packed-items.ts) */
  evidence?: EvidenceList;
}

/**
 * Previews asked for ahead of the item being drawn. Each is decoded and re-encoded by sharp on
 * libuv's pool; with one ahead the drawing thread waited on it about half the time (profiled on a
 * 500-item export). A few ahead keep the pool busy while the page is drawn; each is a few tens of kB.
 */
export const THUMBNAIL_LOOKAHEAD = 4;
/** Unread PDF bytes in the stream above which drawing pauses until the consumer reads. */
export const OUTPUT_HIGH_WATER = 1 << 20;
/** Emitted on the PDF stream each time drawing stops to wait for the reader (a test waits on it). */
export const WAITING_FOR_READER = 'waiting-for-reader';

type Doc = InstanceType<typeof PDFDocument>;

/**
 * Renders the request. Returns the PDF as a stream at once; pages are drawn as the stream is
 * read. Throws synchronously only if a font is missing.
 */
export function renderReportPdf(data: ReportData, opts: PdfOptions): Readable {
  const fonts = resolveFonts(opts.fontsDir);
  const lang: ReportLanguage = data.language === 'en' ? 'en' : 'id';
  const s = pdfStrings(lang);
  const created = opts.now ?? parseDate(data.case.exportedAt) ?? new Date();
  const reference = cleanText(data.case.reference, { strict: true });

  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.height - PAGE.bottom, left: PAGE.marginX, right: PAGE.marginX },
    autoFirstPage: false,
    font: fonts.sans,
    pdfVersion: '1.7',
    lang: lang === 'id' ? 'id-ID' : 'en-GB',
    displayTitle: true,
    info: {
      Title: `${s.title} ${reference}`,
      Author: cleanText(data.unit),
      Subject: cleanText(data.case.title),
      Keywords: [reference, platformName(data.case.platform)].join(', '),
      Creator: 'Jejak',
      Producer: 'Jejak (PDFKit)',
      CreationDate: created,
      ModDate: created,
    },
  });

  // every page's own content stream, kept as text until the page ends (its second stream, the footer, is LaterContent's)
  doc.on('pageAdded', () => writeLinesAtEnd((doc.page as unknown as { content: ContentStream }).content));
  const pace = outputPacer(doc);
  // Start on a later tick so the caller has attached its listeners before anything is emitted.
  setImmediate(() => {
    draw(doc, fonts, data, opts, s, lang, pace)
      .then(() => {
        if (doc.destroyed) return;
        readLigaturesRightToLeft(doc);
        doc.end();
      })
      .catch((err: unknown) => {
        if (!doc.destroyed) doc.destroy(err instanceof Error ? err : new Error(String(err)));
      });
  });
  return doc;
}

/**
 * The text a reader copies out of a right-to-left word: pdfkit draws its glyphs in visual order,
 * and readers (poppler, pdf.js, Acrobat) reverse such a run back to logical order character by
 * character. A ligature glyph standing for several characters (Arabic lam-alef, "لا") would come
 * out reversed ("ال"), so its ToUnicode entry is written backwards, to be reversed back. Only
 * right-to-left glyphs are touched (a Latin "fi" keeps its order); pdfkit embeds the fonts, with
 * these entries, in `end()`.
 */
function readLigaturesRightToLeft(doc: Doc): void {
  for (const font of fontsOf(doc) as Set<{ unicode?: number[][] }>) {
    for (const [gid, codePoints] of (font.unicode ?? []).entries()) {
      if (codePoints && codePoints.length > 1 && codePoints.every((c) => hasRtl(String.fromCodePoint(c))))
        (font.unicode as number[][])[gid] = [...codePoints].reverse();
    }
  }
}

/**
 * Backpressure for pdfkit, which pushes without looking at push()'s result: `wait()` resolves
 * once the unread output is below OUTPUT_HIGH_WATER, or at once if the stream is gone.
 */
function outputPacer(doc: Doc): { wait: () => Promise<void> } {
  let wake: (() => void) | null = null;
  const release = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const read = doc._read.bind(doc);
  doc._read = (size: number) => {
    read(size);
    release();
  };
  doc.once('close', release);
  doc.once('error', release);
  return {
    wait: async () => {
      while (!doc.destroyed && doc.readableLength > OUTPUT_HIGH_WATER) {
        const woken = new Promise<void>((resolve) => {
          wake = resolve;
        });
        doc.emit(WAITING_FOR_READER);
        await woken;
      }
    },
  };
}

async function draw(
  doc: Doc,
  fonts: Record<keyof typeof PDF_FONT_FILES, string>,
  data: ReportData,
  opts: PdfOptions,
  s: PdfStrings,
  lang: ReportLanguage,
  pace: { wait: () => Promise<void> },
): Promise<void> {
  const L = new Layout(doc, fonts);
  L.addPage();
  const evidence: EvidenceList = opts.evidence ?? data.evidence;
  drawFirstPage(L, data, evidence.length, s, lang);
  drawChannels(L, data, s, lang);

  // B. evidence, thumbnails fetched THUMBNAIL_LOOKAHEAD ahead
  // kept with the first item's header, preview and hashes, which drawEvidence keeps together
  sectionHeading(
    L,
    `${s.sectionEvidence} (${evidence.length})`,
    evidence.length > 0 ? EVIDENCE_LEAD_HEIGHT : L.lineHeight(ST.body),
  );
  if (evidence.length === 0) L.paragraph(s.noEvidence, ST.body);
  const load = (e: ReportEvidence): Promise<Thumb | 'bad' | null> => {
    const loading = opts.thumbnail(e).then((b) => (b && b.length > 0 ? normalizeThumbnail(b) : null));
    loading.catch(() => undefined); // handled when awaited; keeps a rejection from going unhandled meanwhile
    return loading;
  };
  const channelsByUrl = new Map(data.channels.map((c) => [c.canonicalUrl, c]));
  const ahead: Promise<Thumb | 'bad' | null>[] = [];
  const wordLayouts = new WordLayoutKeeper();
  for (let i = 0; i < evidence.length; i++) {
    const ev = evidence.at(i) as ReportEvidence;
    while (ahead.length <= THUMBNAIL_LOOKAHEAD && i + ahead.length < evidence.length)
      ahead.push(load(evidence.at(i + ahead.length) as ReportEvidence));
    const thumb = await (ahead.shift() as Promise<Thumb | 'bad' | null>);
    if (doc.destroyed) return;
    drawEvidence(L, ev, thumb, evidence.length, channelsByUrl, s, lang);
    opts.itemDrawn?.(ev);
    wordLayouts.endItem(doc);
    await pace.wait();
    if (doc.destroyed) return;
  }

  drawClosing(L, data, s);
  drawPageFurniture(L, data, s);
}
