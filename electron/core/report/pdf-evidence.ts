import { type Layout } from './pdf-layout';
import { COLORS, type Line, type TextStyle } from './pdf-page';
import { type PdfStrings } from './pdf-strings';
import { formatDateTime, formatSize } from './pdf-format';
import { ST, keyValue } from './pdf-styles';
import { drawRecognisedText } from './pdf-recognised-text';
import { plainJpegSize } from './pdf-jpeg';
import type { ReportData, ReportEvidence, ReportLanguage } from '../../common/report-json';

export const THUMB = { width: 118, height: 118, dpi: 200 } as const;
const HEAD_HEIGHT = 17;
/** An item's header bar, preview and both hashes at least stay on one page. */
const leadHeight = (boxHeight: number) => HEAD_HEIGHT + 6 + boxHeight + 22 + 48;
/** The most an item needs to start on a page (with a preview); a section heading keeps this with it. */
export const EVIDENCE_LEAD_HEIGHT = leadHeight(THUMB.height);

export interface Thumb {
  jpeg: Buffer;
  width: number;
  height: number;
}

/**
 * Any preview bytes as a JPEG at most the size it is drawn: a plain JPEG that small (what intake
 * stores) as it is, anything else checked and re-encoded through sharp.
 */
export async function normalizeThumbnail(bytes: Buffer): Promise<Thumb | 'bad'> {
  const px = (pt: number) => Math.round((pt / 72) * THUMB.dpi);
  const plain = plainJpegSize(bytes, Math.max(px(THUMB.width), px(THUMB.height)));
  if (plain) return { jpeg: bytes, ...plain };
  try {
    // sharp (libvips) only for a preview that needs it: the vaults' own previews never load it here
    const { default: sharp } = await import('sharp');
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

export function drawEvidence(
  L: Layout,
  ev: ReportEvidence,
  thumb: Thumb | 'bad' | null,
  total: number,
  channelsByUrl: Map<string, ReportData['channels'][number]>,
  s: PdfStrings,
  lang: ReportLanguage,
): void {
  const doc = L.doc;
  const headH = HEAD_HEIGHT;
  const boxH = thumb && thumb !== 'bad' ? THUMB.height : 44;
  L.ensure(leadHeight(boxH));

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
    keyValue(L, label, value, {
      x: fx,
      labelW,
      width: fw,
      labelStyle: ST.evLabel,
      valueStyle: style,
      strict,
      padY: 1.1,
      extra,
    });
  kv(s.ev.file, ev.file, ST.evValueMono, true);
  kv(s.ev.size, formatSize(ev.size, lang), ST.evValue);
  kv(s.ev.mediaType, ev.mediaType || notStated, ST.evValue, true);
  kv(
    s.ev.pixels,
    ev.width != null && ev.height != null ? `${ev.width} × ${ev.height} px` : notStated,
    ev.width != null && ev.height != null ? ST.evValue : ST.evMuted,
  );
  kv(
    s.ev.captured,
    ev.capturedAt ? formatDateTime(ev.capturedAt, lang, { seconds: true }) : notStated,
    ev.capturedAt ? ST.evValue : ST.evMuted,
  );
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
  const h256 = wrapHash(L, ev.sha256, hashW);
  const h512 = wrapHash(L, ev.sha512, hashW);
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
  drawRecognisedText(L, ev, s, lang);
  L.space(16);
}

/**
 * A hash in the fixed-pitch font cut every n characters, n as many as fit: the lines `wrap` would
 * give, without measuring prefixes (the hashes were most of the shaping an item cost). Each line is
 * still measured, and that shaping is what draws it; if one were wider, or the text is not plain
 * ASCII (a damaged report), `wrap` decides.
 */
function wrapHash(L: Layout, hash: string, width: number): Line[] {
  const perLine = Math.floor(width / L.widthOf('0', ST.hash));
  const chunks: string[] = [];
  for (let i = 0; perLine > 0 && i < hash.length; i += perLine) chunks.push(hash.slice(i, i + perLine));
  const plain = chunks.length > 0 && /^[\x21-\x7e]*$/.test(hash);
  if (!plain || chunks.some((c) => L.widthOf(c, ST.hash) > width))
    return L.wrap(hash, width, ST.hash, { strict: true });
  return chunks.map((text) => ({ text, dir: 'ltr', style: ST.hash }));
}
