import { createHash } from 'node:crypto';
import { sql } from '../db/sql';
import { isRenderableImage, pdqOfImage, type MediaType } from '../evidence/media';
import type { OcrEngine } from '../evidence/media/ocr';
import { packDihedral } from '../evidence/pdq-dihedral-column';
import { indexPdq, nearestByPdq } from '../evidence/pdq-index';
import { openOriginal } from '../evidence/read-original';
import { readTextInPicture, storeRecognisedText } from '../evidence/recognised-text';
import { flagHashListMatches } from '../hashlists/hash-list-matching';
import { flagReappearedEvidence } from '../reappearance/evidence-reappearance';
import type { VaultSession } from '../vault/session';
import type { QueuedJob } from './job-queue';

export interface JobContext {
  session: VaultSession;
  ocr: OcrEngine;
  /** PDQ bits within which pictures are near duplicates (policy) */
  pdqDistance: number;
}

/** What a job writes once its slow part is done; nothing is written when the vault closed meanwhile. */
type Finish = () => void;

async function originalBytes(session: VaultSession, id: number): Promise<{ bytes: Buffer; mediaType: MediaType }> {
  const original = openOriginal(session, id);
  const chunks: Buffer[] = [];
  for await (const chunk of original.chunks) chunks.push(chunk);
  return { bytes: Buffer.concat(chunks), mediaType: original.mediaType };
}

async function ocrJob(ctx: JobContext, id: number): Promise<Finish> {
  const { bytes, mediaType } = await originalBytes(ctx.session, id);
  if (!isRenderableImage(mediaType)) return () => undefined;
  const reading = await readTextInPicture(ctx.ocr, bytes);
  return () => storeRecognisedText(ctx.session.db, id, reading);
}

/**
 * MD5, PDQ and its rotated and mirrored copies' hashes of an item taken in before they were recorded,
 * or whose MD5 intake left to the queue.
 */
async function hashesJob(ctx: JobContext, id: number): Promise<Finish> {
  const { session } = ctx;
  // Streamed: a video of gigabytes is hashed chunk by chunk; only a picture is held whole, to decode.
  const original = openOriginal(session, id);
  // A picture intake gave its PDQ and copies' hashes (MD5 alone was left to the queue) is not decoded again.
  const hashed = session.db.get(
    sql`SELECT 1 FROM evidence WHERE id = ${id} AND pdq IS NOT NULL AND pdq_dihedral IS NOT NULL`,
  );
  const picture = isRenderableImage(original.mediaType) && !hashed;
  const hash = createHash('md5');
  const chunks: Buffer[] = [];
  for await (const chunk of original.chunks) {
    hash.update(chunk);
    if (picture) chunks.push(chunk);
  }
  const md5 = hash.digest('hex');
  const pdq = picture ? await pdqOfImage(Buffer.concat(chunks)).catch(() => null) : null;
  return () => {
    const db = session.db;
    db.run(sql`UPDATE evidence SET md5 = coalesce(md5, ${md5}) WHERE id = ${id}`);
    if (pdq && !db.get(sql`SELECT 1 FROM evidence WHERE id = ${id} AND pdq IS NOT NULL`)) {
      const nearest = nearestByPdq(session, pdq, ctx.pdqDistance);
      db.run(sql`UPDATE evidence SET pdq = ${pdq.hash}, pdq_quality = ${pdq.quality},
        near_duplicate_of = coalesce(near_duplicate_of, ${nearest === id ? null : nearest}) WHERE id = ${id}`);
      indexPdq(session, id, pdq);
      flagReappearedEvidence(session, id, false, ctx.pdqDistance);
    }
    // the copies' hashes, for an item that has the same PDQ without them (taken in before they were kept)
    if (pdq)
      db.run(sql`UPDATE evidence SET pdq_dihedral = ${packDihedral(pdq.dihedral)}
        WHERE id = ${id} AND pdq = ${pdq.hash} AND pdq_dihedral IS NULL`);
    flagHashListMatches(session, id, ctx.pdqDistance);
  };
}

/** Does one job's slow part, then hands back the writes to make in one transaction with its state. */
export function runJob(ctx: JobContext, job: QueuedJob): Promise<Finish> {
  return job.kind === 'ocr' ? ocrJob(ctx, job.evidenceId) : hashesJob(ctx, job.evidenceId);
}
