import { JejakError } from '../errors';
import { evidenceThumbnail } from '../evidence/evidence-repo';
import { openForDownload, openViewable } from '../evidence/read-original';
import type { JejakApp } from './jejak-app';
import { decodeUrlPath } from './static-files';

export interface ImageReply {
  status: number;
  type: string;
  body: Buffer | AsyncIterable<Buffer>;
  /** more headers, e.g. Content-Disposition for a download */
  headers?: Record<string, string>;
}

const notFound = (): ImageReply => ({ status: 404, type: 'text/plain', body: Buffer.from('Not found') });
const badRequest = (): ImageReply => ({ status: 400, type: 'text/plain', body: Buffer.from('Bad request') });

/** Headers on every evidence image: never sniffed, never scripted, never cached to disk. */
export const EVIDENCE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'Cache-Control': 'no-store',
};

/**
 * `/<id>/thumb` or `/<id>/original` → the bytes, decrypted in memory straight from the vault. Only
 * renderable images are answered; anything else ("other", video, PDF) is 404 here.
 */
export function evidenceImage(app: JejakApp, path: string): ImageReply {
  const match = /^\/?(\d{1,12})\/(thumb|original)$/.exec(path);
  const session = app.session;
  if (!match || !session) return notFound();
  const id = Number(match[1]);
  try {
    if (match[2] === 'thumb') {
      const thumb = evidenceThumbnail(session, id);
      return thumb ? { status: 200, type: thumb.type, body: thumb.bytes } : notFound();
    }
    const original = openViewable(session, id);
    return original ? { status: 200, type: original.mediaType, body: original.chunks } : notFound();
  } catch (e) {
    if (e instanceof JejakError && e.code === 'NOT_FOUND') return notFound();
    throw e;
  }
}

/**
 * `/<id>/download` → the original, whatever its type, as a file to save (the web harness's
 * "export original"; the desktop app uses its save dialog instead). Decrypted chunk by chunk
 * from the vault into the response, never through a temp file; the export is audited.
 */
export function evidenceDownload(app: JejakApp, path: string): ImageReply {
  const match = /^\/?(\d{1,12})\/download$/.exec(path);
  const session = app.session;
  if (!match || !session) return notFound();
  try {
    const original = openForDownload(session, Number(match[1]));
    const disposition = `attachment; filename="${asciiName(original.name)}"; filename*=UTF-8''${encodeURIComponent(original.name)}`;
    return {
      status: 200,
      type: 'application/octet-stream',
      body: original.chunks,
      headers: { 'Content-Disposition': disposition },
    };
  } catch (e) {
    if (e instanceof JejakError && e.code === 'NOT_FOUND') return notFound();
    throw e;
  }
}

/** A file name for the plain `filename=` of Content-Disposition: printable ASCII without quotes or backslashes. */
function asciiName(name: string): string {
  return name.replace(/[^\x20-\x7e]|["\\]/g, '_');
}

/**
 * `<reviewId>/data/evidence/…` → an image of a package open for review, read from the ZIP into memory.
 * A path whose percent-escapes do not decode is a bad request (400), never an exception.
 */
export async function packageImage(app: JejakApp, path: string): Promise<ImageReply> {
  const decoded = decodeUrlPath(path);
  if (decoded === null) return badRequest();
  const match = /^\/?([0-9a-f-]{36})\/(data\/.+)$/.exec(decoded);
  if (!match || !app.session) return notFound();
  try {
    const image = await app.reviews.image(match[1]!, match[2]!);
    return image ? { status: 200, type: image.type, body: image.bytes } : notFound();
  } catch (e) {
    if (e instanceof JejakError) return notFound();
    throw e;
  }
}
