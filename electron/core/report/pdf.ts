/**
 * The takedown request as a PDF: `data/report.pdf` in a report package.
 *
 * Layout (A4): letterhead with the unit, title and reference; the case (date, platform,
 * priority and due time, legal basis, case title, notes) and the request itself; A. the channels
 * as a table; B. each evidence item with its preview, file name, hashes and provenance;
 * C. who prepared it, the signer's key fingerprint, and how to verify the signed package by hand.
 * Pages 2+ carry a running header; every page a footer with the reference and "Page X of Y".
 *
 * Memory: pdfkit writes each object (images included) to the stream as soon as it is complete;
 * `bufferPages` keeps only the pages' own content streams (text and drawing operators, a few kB a
 * page) until the end, where the footers with the page total are added. Thumbnails are loaded one
 * ahead of the item being drawn and dropped once embedded, so at most two are held. Drawing
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
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { COLORS, drawTable, Layout, PAGE, type Column, type Line, type TableSegment, type TextStyle } from './pdf-layout';
import {
  formatDate,
  formatDateTime,
  formatDateTimeShort,
  formatInteger,
  formatSize,
  groupFingerprint,
  packageName,
  parseDate,
  pdfStrings,
  platformName,
  vocab,
  type PdfStrings,
} from './pdf-strings';
import { cleanText } from './pdf-text';
import type { ReportData, ReportEvidence, ReportLanguage } from './report-data';

export interface PdfOptions {
  /** folder holding DejaVuSans.ttf, DejaVuSans-Bold.ttf and DejaVuSansMono.ttf */
  fontsDir: string;
  /** a preview of the item as JPEG or PNG bytes, or null when there is none */
  thumbnail: (e: ReportEvidence) => Promise<Buffer | null>;
  /** the PDF's creation date; defaults to the case's exportedAt, so output is reproducible */
  now?: Date;
}

export const PDF_FONT_FILES = {
  sans: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;

/** Unread PDF bytes in the stream above which drawing pauses until the consumer reads. */
const OUTPUT_HIGH_WATER = 1 << 20;

const THUMB = { width: 118, height: 118, dpi: 200 } as const;

const ST = {
  letterhead: { font: 'bold', size: 13, color: COLORS.accent, leading: 1.25 },
  title: { font: 'bold', size: 14, color: COLORS.text, leading: 1.3 },
  subtitle: { font: 'sans', size: 9.5, color: COLORS.text },
  label: { font: 'bold', size: 8.5, color: COLORS.text },
  value: { font: 'sans', size: 9, color: COLORS.text, leading: 1.35 },
  valueMono: { font: 'mono', size: 8.5, color: COLORS.text, leading: 1.35 },
  body: { font: 'sans', size: 9, color: COLORS.text, leading: 1.45 },
  note: { font: 'sans', size: 7.5, color: COLORS.muted, leading: 1.4 },
  section: { font: 'bold', size: 10.5, color: COLORS.accent },
  th: { font: 'bold', size: 7, color: COLORS.text, leading: 1.25 },
  td: { font: 'sans', size: 7, color: COLORS.text, leading: 1.3 },
  tdMuted: { font: 'sans', size: 6.5, color: COLORS.muted, leading: 1.3 },
  tdMono: { font: 'mono', size: 6.8, color: COLORS.text, leading: 1.3 },
  evHead: { font: 'bold', size: 8.5, color: COLORS.accent },
  evLabel: { font: 'bold', size: 7.3, color: COLORS.muted, leading: 1.3 },
  evValue: { font: 'sans', size: 7.8, color: COLORS.text, leading: 1.3 },
  evValueMono: { font: 'mono', size: 7.3, color: COLORS.text, leading: 1.35 },
  evMuted: { font: 'sans', size: 7.8, color: COLORS.muted, leading: 1.3 },
  hashLabel: { font: 'bold', size: 7.3, color: COLORS.muted, leading: 1.4 },
  hash: { font: 'mono', size: 7.5, color: COLORS.text, leading: 1.4 },
  caption: { font: 'sans', size: 6.2, color: COLORS.muted, leading: 1.25 },
  placeholder: { font: 'sans', size: 7, color: COLORS.muted },
  cmd: { font: 'mono', size: 7.3, color: COLORS.text, leading: 1.45 },
  running: { font: 'sans', size: 7, color: COLORS.muted },
  footer: { font: 'sans', size: 7.5, color: COLORS.muted },
  footerBold: { font: 'bold', size: 7.5, color: COLORS.text },
} satisfies Record<string, TextStyle>;

type Doc = InstanceType<typeof PDFDocument>;

interface Thumb {
  jpeg: Buffer;
  width: number;
  height: number;
}

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
    bufferPages: true,
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

  const pace = outputPacer(doc);
  // Start on a later tick so the caller has attached its listeners before anything is emitted.
  setImmediate(() => {
    draw(doc, fonts, data, opts, s, lang, pace)
      .then(() => {
        if (!doc.destroyed) doc.end();
      })
      .catch((err: unknown) => {
        if (!doc.destroyed) doc.destroy(err instanceof Error ? err : new Error(String(err)));
      });
  });
  return doc;
}

function resolveFonts(fontsDir: string): Record<keyof typeof PDF_FONT_FILES, string> {
  const out = {} as Record<keyof typeof PDF_FONT_FILES, string>;
  for (const [key, file] of Object.entries(PDF_FONT_FILES) as [keyof typeof PDF_FONT_FILES, string][]) {
    const p = path.resolve(fontsDir, file);
    if (!existsSync(p)) throw new Error(`report PDF: font not found: ${p}`);
    out[key] = p;
  }
  return out;
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
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
  };
}

async function normalizeThumbnail(bytes: Buffer): Promise<Thumb | 'bad'> {
  try {
    const px = (pt: number) => Math.round((pt / 72) * THUMB.dpi);
    const { data, info } = await sharp(bytes, { failOn: 'error', limitInputPixels: 50_000_000 })
      .rotate()
      .resize({ width: px(THUMB.width), height: px(THUMB.height), fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return { jpeg: data, width: info.width, height: info.height };
  } catch {
    return 'bad';
  }
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
  drawFirstPage(L, data, s, lang);
  drawChannels(L, data, s, lang);

  // B. evidence, thumbnails fetched one ahead
  sectionHeading(L, `${s.sectionEvidence} (${data.evidence.length})`, 150);
  if (data.evidence.length === 0) L.paragraph(s.noEvidence, ST.body);
  const load = (e: ReportEvidence): Promise<Thumb | 'bad' | null> =>
    opts.thumbnail(e).then((b) => (b && b.length > 0 ? normalizeThumbnail(b) : null));
  const channelsByUrl = new Map(data.channels.map((c) => [c.canonicalUrl, c]));
  let next: Promise<Thumb | 'bad' | null> | null = data.evidence[0] ? load(data.evidence[0]) : null;
  for (let i = 0; i < data.evidence.length; i++) {
    const ev = data.evidence[i] as ReportEvidence;
    const thumb = await (next as Promise<Thumb | 'bad' | null>);
    const following = data.evidence[i + 1];
    next = following ? load(following) : null;
    next?.catch(() => undefined); // handled when awaited; keeps a rejection from going unhandled meanwhile
    if (doc.destroyed) return;
    drawEvidence(L, ev, thumb, data.evidence.length, channelsByUrl, s, lang);
    await pace.wait();
    if (doc.destroyed) return;
  }

  drawClosing(L, data, s);
  drawPageFurniture(L, data, s);
}

function drawFirstPage(L: Layout, data: ReportData, s: PdfStrings, lang: ReportLanguage): void {
  const c = data.case;
  // Letterhead
  const unit = cleanText(data.unit).toLocaleUpperCase(lang === 'id' ? 'id-ID' : 'en-GB');
  L.paragraph(unit, ST.letterhead, { align: 'center', clean: false });
  L.space(5);
  L.hrule({ width: 1.6, color: COLORS.accent });
  L.space(2.2);
  L.hrule({ width: 0.5, color: COLORS.accent });
  L.space(22);

  // Title and number
  L.paragraph(s.title.toLocaleUpperCase(lang === 'id' ? 'id-ID' : 'en-GB'), ST.title, { align: 'center', clean: false });
  L.space(2);
  L.paragraph(`${s.numberLabel}: ${c.reference}`, ST.subtitle, { align: 'center', clean: { strict: true } });
  L.space(18);

  // Case fields
  const priority = c.priority === 'urgent' ? s.priority.urgent : c.priority === 'normal' ? s.priority.normal : c.priority;
  const fields: [string, string, TextStyle, boolean][] = [
    [s.fields.date, formatDate(c.exportedAt, lang), ST.value, false],
    [s.fields.platform, platformName(c.platform), ST.value, false],
    [s.fields.priority, priority, c.priority === 'urgent' ? { ...ST.value, font: 'bold' } : ST.value, false],
    [s.fields.due, formatDateTime(c.dueAt, lang), ST.value, false],
    [s.fields.legalBasis, c.legalBasis.trim() || s.none, ST.value, false],
    [s.fields.caseTitle, c.title.trim() || s.none, ST.value, false],
    [s.fields.notes, c.notes.trim() || s.none, ST.value, false],
  ];
  const labelW = 112;
  for (const [label, value, style, strict] of fields) {
    keyValue(L, label, value, { x: L.left, labelW, width: L.width, labelStyle: ST.label, valueStyle: style, strict, padY: 2.2 });
  }
  L.space(6);
  L.paragraph(s.timeNote, ST.note);
  L.space(12);

  // The request
  const due = formatDateTime(c.dueAt, lang);
  L.paragraph(
    s.request({
      unit: cleanText(data.unit),
      platform: platformName(cleanText(c.platform)),
      channels: data.channels.length,
      evidence: data.evidence.length,
      due,
    }),
    ST.body,
    { align: 'left' },
  );
  L.space(16);
}

function keyValue(
  L: Layout,
  label: string,
  value: string,
  o: { x: number; labelW: number; width: number; labelStyle: TextStyle; valueStyle: TextStyle; strict?: boolean; padY?: number; extra?: Line[] },
): void {
  const valueX = o.x + o.labelW;
  const valueW = o.width - o.labelW;
  const lines = L.wrap(value, valueW, o.valueStyle, o.strict ? { strict: true } : { multiline: true });
  if (o.extra) lines.push(...o.extra);
  L.row(
    [
      {
        x: o.x,
        width: o.labelW - 6,
        lines: L.wrap(label, o.labelW - 6, o.labelStyle, false),
        dy: Math.max(0, L.ascent(o.valueStyle) - L.ascent(o.labelStyle)),
      },
      { x: valueX, width: valueW, lines, dy: Math.max(0, L.ascent(o.labelStyle) - L.ascent(o.valueStyle)) },
    ],
    { padY: o.padY ?? 1.5, keepTogether: false },
  );
}

function sectionHeading(L: Layout, text: string, keepWithNext: number): void {
  L.ensure(L.lineHeight(ST.section) + 8 + keepWithNext);
  L.paragraph(text.toLocaleUpperCase(), ST.section, { clean: false });
  L.space(1.5);
  L.hrule({ width: 0.8, color: COLORS.accent });
  L.space(8);
}

function drawChannels(L: Layout, data: ReportData, s: PdfStrings, lang: ReportLanguage): void {
  sectionHeading(L, `${s.sectionChannels} (${data.channels.length})`, 60);
  if (data.channels.length === 0) {
    L.paragraph(s.noChannels, ST.body);
    L.space(16);
    return;
  }
  const t = s.table;
  const widths = [22, 44, 40, 112, 86, 52, 48, 52];
  const cols: Column[] = [
    { header: t.no, width: 22, align: 'right' },
    { header: t.platform, width: 44 },
    { header: t.kind, width: 40 },
    { header: t.url, width: 112 },
    { header: t.title, width: 86 },
    { header: t.category, width: 52 },
    { header: t.status, width: 48 },
    { header: t.firstSeen, width: 52 },
    { header: t.evidence, width: L.width - widths.reduce((a, b) => a + b, 0), align: 'right' },
  ];
  const rows: TableSegment[][][] = data.channels.map((ch, i) => [
    [{ text: String(i + 1), clean: false }],
    [{ text: platformName(ch.platform) }],
    [{ text: vocab(ch.kind, s.kinds) }],
    [{ text: ch.canonicalUrl, style: ST.tdMono, clean: { strict: true } }],
    [
      { text: ch.title.trim() || s.none },
      ...(ch.subscriberCount != null && Number.isFinite(ch.subscriberCount)
        ? [{ text: s.subscribers(formatInteger(ch.subscriberCount, lang)), style: ST.tdMuted, clean: false as const }]
        : []),
    ],
    [{ text: vocab(ch.category, {}) || s.none }],
    [{ text: vocab(ch.status, s.statuses) || s.none }],
    [{ text: formatDateTimeShort(ch.firstSeen, lang) }],
    [{ text: formatInteger(ch.evidenceCount, lang), clean: false }],
  ]);
  drawTable(L, cols, rows, { header: ST.th, cell: ST.td });
  L.space(20);
}

function drawEvidence(
  L: Layout,
  ev: ReportEvidence,
  thumb: Thumb | 'bad' | null,
  total: number,
  channelsByUrl: Map<string, ReportData['channels'][number]>,
  s: PdfStrings,
  lang: ReportLanguage,
): void {
  const doc = L.doc;
  const headH = 17;
  const boxH = thumb && thumb !== 'bad' ? THUMB.height : 44;
  // header, preview and both hashes at least, together
  L.ensure(headH + 6 + boxH + 22 + 48);

  // header bar
  const top = L.y;
  doc.save().rect(L.left, top, L.width, headH).fill(COLORS.headFill).restore();
  doc.save().rect(L.left, top, 2.5, headH).fill(COLORS.accent).restore();
  const heading = s.evidenceHeading(ev.seq, total);
  const headLine: Line = { text: heading, dir: 'ltr', style: ST.evHead };
  L.drawLine(headLine, L.left + 8, top + 4.5, 200);
  L.y = top + headH + 7;

  // preview
  const startPage = L.pageCount;
  const boxTop = L.y;
  const boxX = L.left;
  if (thumb && thumb !== 'bad') {
    const scale = Math.min(THUMB.width / thumb.width, THUMB.height / thumb.height);
    const w = thumb.width * scale;
    const h = thumb.height * scale;
    doc.save().rect(boxX, boxTop, THUMB.width, THUMB.height).fill(COLORS.panel).restore();
    doc.image(thumb.jpeg, boxX + (THUMB.width - w) / 2, boxTop + (THUMB.height - h) / 2, { width: w, height: h });
  } else {
    doc.save().rect(boxX, boxTop, THUMB.width, boxH).fill(COLORS.panel).restore();
    const msg = thumb === 'bad' ? s.badThumbnail : s.noThumbnail;
    const lines = L.wrap(msg, THUMB.width - 12, ST.placeholder, false);
    let y = boxTop + (boxH - lines.length * L.lineHeight(ST.placeholder)) / 2;
    for (const line of lines) {
      L.drawLine(line, boxX + 6, y, THUMB.width - 12, 'center');
      y += L.lineHeight(ST.placeholder);
    }
  }
  doc.save().lineWidth(0.5).strokeColor(COLORS.grid).rect(boxX, boxTop, THUMB.width, boxH).stroke().restore();
  let boxBottom = boxTop + boxH;
  if (thumb && thumb !== 'bad') {
    let y = boxBottom + 3;
    for (const line of L.wrap(s.thumbnailCaption, THUMB.width, ST.caption, false)) {
      L.drawLine(line, boxX, y, THUMB.width, 'left');
      y += L.lineHeight(ST.caption);
    }
    boxBottom = y;
  }

  // fields beside the preview
  const fx = L.left + THUMB.width + 14;
  const fw = L.right - fx;
  const labelW = 88;
  const notStated = s.notStated;
  const channel = ev.channelUrl ? channelsByUrl.get(ev.channelUrl) : undefined;
  const kv = (label: string, value: string, style: TextStyle, strict = false, extra?: Line[]) =>
    keyValue(L, label, value, { x: fx, labelW, width: fw, labelStyle: ST.evLabel, valueStyle: style, strict, padY: 1.1, extra });
  kv(s.ev.file, ev.file, ST.evValueMono, true);
  kv(s.ev.size, formatSize(ev.size, lang), ST.evValue);
  kv(s.ev.mediaType, ev.mediaType || notStated, ST.evValue, true);
  kv(
    s.ev.pixels,
    ev.width != null && ev.height != null ? `${ev.width} × ${ev.height} px` : notStated,
    ev.width != null && ev.height != null ? ST.evValue : ST.evMuted,
  );
  kv(s.ev.captured, ev.capturedAt ? formatDateTime(ev.capturedAt, lang, { seconds: true }) : notStated, ev.capturedAt ? ST.evValue : ST.evMuted);
  kv(s.ev.intake, formatDateTime(ev.intakeAt, lang, { seconds: true }), ST.evValue);
  kv(s.ev.takenBy, ev.takenBy.trim() || notStated, ev.takenBy.trim() ? ST.evValue : ST.evMuted);
  kv(s.ev.sourceUrl, ev.sourceUrl ?? notStated, ev.sourceUrl ? ST.evValueMono : ST.evMuted, Boolean(ev.sourceUrl));
  if (channel) {
    const urlLines = L.wrap(channel.canonicalUrl, fw - labelW, ST.evValueMono, { strict: true });
    kv(s.ev.channel, channel.title.trim() || s.none, ST.evValue, false, urlLines);
  } else {
    kv(s.ev.channel, ev.channelUrl ?? s.none, ev.channelUrl ? ST.evValueMono : ST.evMuted, Boolean(ev.channelUrl));
  }
  kv(s.ev.notes, ev.notes.trim() || s.none, ST.evValue);
  if (L.pageCount === startPage) L.y = Math.max(L.y, boxBottom);

  // hashes, full width on a panel
  L.space(6);
  const hashX = L.left + 8;
  const hashValX = hashX + 50;
  const charW = L.widthOf('0', ST.hash);
  const hashW = Math.min(L.right - 8 - hashValX, charW * 64 + 0.5);
  const h256 = L.wrap(ev.sha256, hashW, ST.hash, { strict: true });
  const h512 = L.wrap(ev.sha512, hashW, ST.hash, { strict: true });
  const lh = L.lineHeight(ST.hash);
  const panelH = (h256.length + h512.length) * lh + 8;
  L.ensure(panelH);
  doc.save().rect(L.left, L.y, L.width, panelH).fill(COLORS.panel).restore();
  let y = L.y + 4;
  for (const [label, lines] of [
    ['SHA-256', h256],
    ['SHA-512', h512],
  ] as const) {
    L.drawLine({ text: label, dir: 'ltr', style: ST.hashLabel }, hashX, y + 0.6, 50);
    for (const line of lines) {
      L.drawLine(line, hashValX, y, hashW);
      y += lh;
    }
  }
  L.y += panelH;
  L.space(16);
}

function drawClosing(L: Layout, data: ReportData, s: PdfStrings): void {
  const a = data.analyst;
  sectionHeading(L, s.sectionClosing, 160);
  L.paragraph(s.preparedBy, ST.label, { clean: false });
  L.space(4);
  const labelW = 112;
  const kv = (label: string, value: string, style: TextStyle = ST.value, strict = false) =>
    keyValue(L, label, value, { x: L.left, labelW, width: L.width, labelStyle: ST.label, valueStyle: style, strict, padY: 2 });
  kv(s.signer.name, a.name.trim() || s.none);
  kv(s.signer.unit, a.unit.trim() || s.none);
  kv(s.signer.id, a.id.trim() || s.none, ST.value, true);
  kv(s.signer.role, a.role === 'supervisor' ? s.roles.supervisor : s.roles.analyst);
  kv(s.signer.fingerprint, groupFingerprint(cleanText(a.fingerprint, { strict: true }).toLowerCase()).join('\n'), ST.valueMono);
  L.space(12);

  const name = packageName(data.case.reference);
  const statement = L.wrap(s.signedStatement({ packageName: name }), L.width, ST.body);
  const commands = [
    `unzip -q ${name}.zip && cd ${name}`,
    'sha256sum -c tagmanifest-sha256.txt && sha256sum -c manifest-sha256.txt',
    'sha256sum tagmanifest-sha256.txt',
    'openssl pkeyutl -verify -pubin -inkey signatures/S.pem -rawin -in signatures/S.json -sigfile signatures/S.sig',
    'openssl pkey -pubin -in signatures/S.pem -outform DER | tail -c 32 | sha256sum',
  ];
  const padX = 8;
  const prompt = '$ ';
  const indent = L.widthOf(prompt, ST.cmd);
  const cmdLines: Line[] = [];
  for (const cmd of commands) {
    const wrapped = L.wrap(cmd, L.width - 2 * padX - indent, ST.cmd, false);
    wrapped.forEach((l, i) => cmdLines.push({ ...l, text: i === 0 ? `${prompt}${l.text}` : `${' '.repeat(prompt.length + 2)}${l.text}` }));
  }
  const fpPrefix = cleanText(a.fingerprint, { strict: true }).toLowerCase().slice(0, 16);
  const notes = L.wrap(s.verifyNotes({ fingerprintPrefix: fpPrefix }), L.width, ST.note);
  const panelH = L.height(cmdLines) + 10;
  const total = L.height(statement) + 6 + panelH + 8 + L.height(notes);
  // statement, commands and notes on one page when they fit on one
  if (total <= L.pageCapacity) L.ensure(total);
  L.lines(statement);
  L.space(6);
  if (panelH <= L.pageCapacity) L.ensure(panelH);
  if (panelH <= L.remaining) L.doc.save().rect(L.left, L.y, L.width, panelH).fill(COLORS.panel).restore();
  L.space(5);
  L.lines(cmdLines, L.left + padX, L.width - 2 * padX);
  L.space(5);
  L.space(8);
  L.lines(notes);
}

/** Running header (pages 2+) and footer (every page), drawn once the page total is known. */
function drawPageFurniture(L: Layout, data: ReportData, s: PdfStrings): void {
  const doc = L.doc;
  const range = doc.bufferedPageRange();
  const total = range.count;
  const unit = cleanText(data.unit);
  const ref = cleanText(data.case.reference, { strict: true });
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const n = i - range.start + 1;
    if (n > 1) {
      const y = 30;
      const half = L.width / 2 - 10;
      L.drawLine({ text: L.truncate(unit, half, ST.running), dir: 'ltr', style: ST.running }, L.left, y, half);
      L.drawLine({ text: L.truncate(s.title, half, ST.running), dir: 'ltr', style: ST.running }, L.right - half, y, half, 'right');
      doc.save().moveTo(L.left, y + 12).lineTo(L.right, y + 12).lineWidth(0.5).strokeColor(COLORS.rule).stroke().restore();
    }
    const fy = PAGE.bottom + 22;
    doc.save().moveTo(L.left, fy - 6).lineTo(L.right, fy - 6).lineWidth(0.5).strokeColor(COLORS.rule).stroke().restore();
    const pageText = s.pageOf(n, total);
    const pageW = L.widthOf(pageText, ST.footerBold);
    const refText = L.truncate(`${s.refShort} ${ref}`, L.width - pageW - 24, ST.footer);
    L.drawLine({ text: refText, dir: 'ltr', style: ST.footer }, L.left, fy, L.width - pageW - 24);
    L.drawLine({ text: pageText, dir: 'ltr', style: ST.footerBold }, L.right - pageW, fy, pageW, 'right');
  }
}
