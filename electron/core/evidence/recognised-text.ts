import { sql } from '../db/sql';
import type { Db } from '../db/database';
import type { OcrEngine, OcrReading } from './media/ocr';

/** Larger pictures are shrunk before OCR: the text stays legible and the engine's memory bounded. */
const OCR_MAX_SIDE = 4000;
/** What is kept of the text read in one picture: the notice schema's bound (recognisedText maxLength). */
const MAX_TEXT = 100_000;

export interface RecognisedText {
  text: string;
  languages: string;
  recognisedAt: string;
}

/** Reads the text in a picture's original bytes (PNG, JPEG, WebP or GIF: its first frame). */
export async function readTextInPicture(ocr: OcrEngine, original: Buffer): Promise<OcrReading> {
  // loaded by the queue only, not by every command that reads the stored text
  const [{ default: sharp }, { DEFAULT_MAX_PIXELS }] = await Promise.all([
    import('sharp'),
    import('./media/image-analysis'),
  ]);
  const png = await sharp(original, { limitInputPixels: DEFAULT_MAX_PIXELS, failOn: 'error' })
    .resize(OCR_MAX_SIDE, OCR_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .png({ compressionLevel: 1 })
    .toBuffer();
  return ocr.recognise(png);
}

/** Stores (or replaces) what OCR read, with the models it was read with; the search index follows through its triggers. */
export function storeRecognisedText(db: Db, evidenceId: number, { text, languages }: OcrReading): void {
  db.run(sql`INSERT INTO evidence_text (evidence_id, text, languages, recognised_at)
    VALUES (${evidenceId}, ${text.slice(0, MAX_TEXT)}, ${languages}, ${new Date().toISOString()})
    ON CONFLICT (evidence_id) DO UPDATE SET text = excluded.text, languages = excluded.languages, recognised_at = excluded.recognised_at`);
}

export function recognisedTextOf(db: Db, evidenceId: number): RecognisedText | null {
  const r = db.get<{ text: string; languages: string; recognised_at: string }>(
    sql`SELECT text, languages, recognised_at FROM evidence_text WHERE evidence_id = ${evidenceId}`,
  );
  return r ? { text: r.text, languages: r.languages, recognisedAt: r.recognised_at } : null;
}
