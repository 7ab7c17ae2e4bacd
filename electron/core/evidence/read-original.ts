import { basename } from 'node:path';
import { sql } from '../db/sql';
import type { OffThreadDigest } from '../off-thread-digest';
import type { VaultSession } from '../vault/session';
import { missingEvidence } from './evidence-repo';
import { extensionFor, isRenderableImage, type MediaType } from './media/sniff';

/** What reading an original needs from its catalogue row. */
function originalRow(session: VaultSession, id: number) {
  const r = session.db.get<{
    blob_name: string;
    media_type: string;
    size: number;
    sha256: string;
    sha512: string;
    original_name: string;
  }>(sql`SELECT blob_name, media_type, size, sha256, sha512, original_name FROM evidence WHERE id = ${id}`);
  if (!r) throw missingEvidence(session.db, id);
  return r;
}

/**
 * The original bytes, decrypted chunk by chunk (each chunk authenticated) and checked against the
 * catalogued SHA-256.
 */
export function openOriginal(
  session: VaultSession,
  id: number,
): { mediaType: MediaType; size: number; sha256: string; sha512: string; chunks: AsyncIterable<Buffer> } {
  const r = originalRow(session, id);
  return {
    mediaType: r.media_type as MediaType,
    size: r.size,
    sha256: r.sha256,
    sha512: r.sha512,
    chunks: session.blobs.read(r.blob_name, r.sha256),
  };
}

/**
 * The original bytes for the package writer, decrypted and hashed into `digest` on the hashing
 * worker (BlobStore.readHashed); the writer checks the hashes against the catalogue's.
 */
export function readOriginalHashed(
  session: VaultSession,
  id: number,
  digest: OffThreadDigest,
): AsyncIterable<Uint8Array> {
  return session.blobs.readHashed(originalRow(session, id).blob_name, digest);
}

/**
 * The original to hand to the person as a file (the web harness's download), with a name to save
 * it under; recorded in the audit log like any export.
 */
export function openForDownload(session: VaultSession, id: number): { name: string; chunks: AsyncIterable<Buffer> } {
  const r = originalRow(session, id);
  const original = openOriginal(session, id);
  session.audit({
    action: 'evidence.exported',
    subject: { type: 'evidence', id: String(id) },
    details: { sha256: original.sha256, via: 'download' },
  });
  return {
    name: basename(r.original_name.replace(/\\/g, '/')) || `evidence-${id}.${extensionFor(original.mediaType)}`,
    chunks: original.chunks,
  };
}

/** Only images we can render are ever shown; "other" content is never handed to a renderer. */
export function openViewable(session: VaultSession, id: number) {
  const original = openOriginal(session, id);
  return isRenderableImage(original.mediaType) ? original : null;
}
