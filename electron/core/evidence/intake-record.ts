import { addOrFindChannel } from '../catalog/channels';
import { setTags } from '../catalog/tags';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import { flagHashListMatches, type HashListMatch } from '../hashlists/hash-list-matching';
import { enqueueJobs } from '../jobs/job-queue';
import type { Policy } from '../policy/policy';
import { flagReappearedEvidence } from '../reappearance/evidence-reappearance';
import type { StoredBlob } from '../vault/blob-store';
import type { VaultSession } from '../vault/session';
import { intakeHashes, type IntakeHashes } from './intake-hashes';
import {
  type ImageAnalysis,
  type MediaProblem,
  type MediaType,
  analyzeImage,
  isRenderableImage,
  mediaProblem,
  notAnalysed,
  readVideoInfo,
} from './media';
import { packDihedral } from './pdq-dihedral-column';
import { indexPdq, nearDuplicateDistance, nearestByPdq } from './pdq-index';
import { NEXT_EVIDENCE_ID } from './purge';

export interface IntakeMeta {
  originalName: string;
  channelId?: number;
  sourceUrl?: string;
  /** declared by the analyst; wins over EXIF and the file time */
  capturedAt?: string;
  /** the file's modification time, the last resort for the capture time */
  fileTime?: string;
  notes?: string;
  tags?: string[];
  /** the category of a channel the source link adds to the catalog */
  category?: string;
  /** how the bytes came in, for the audit entry: file, paste, drop, capture */
  via?: string;
}

export interface IntakeOutcome {
  evidenceId: number;
  sha256: string;
  sha512: string;
  size: number;
  mediaType: string;
  /** an identical original was already in the vault: linked to it, nothing stored twice */
  duplicate: boolean;
  nearDuplicateOf: number | null;
  problems: MediaProblem[];
  /** PDQ (hex) and its quality, for a picture */
  pdq: string | null;
  pdqQuality: number | null;
  /** the hash lists the item is on */
  hashListMatches: HashListMatch[];
}

export interface IntakeOptions {
  signal?: AbortSignal;
  /** false skips thumbnails; perceptual hashes are still made */
  thumbnails?: boolean;
  /** false skips image analysis entirely: raw intake (hash, encrypt, store), as the benchmark measures it */
  analyze?: boolean;
}

type IntakeAnalysis = Pick<
  ImageAnalysis,
  'width' | 'height' | 'exif' | 'capturedAt' | 'thumbnail' | 'thumbnailType' | 'problems'
>;

/** What is learnt from an original's bytes once it is safe: analysis (size, EXIF, thumbnail) and the list hashes. */
export interface Analysed {
  analysis: IntakeAnalysis;
  hashes: IntakeHashes;
}

/** An original whose blob is durable, with what intake knows of it, ready for its row. */
export interface Kept {
  stored: StoredBlob;
  size: number;
  mediaType: MediaType;
  meta: IntakeMeta;
}

/**
 * `md5` when it was worked out already (batch intake has it from the worker that did SHA-512), null
 * when the background queue will; left out, it is worked out here.
 */
export async function analyseOriginal(
  input: Buffer | string,
  mediaType: MediaType,
  opts: IntakeOptions,
  md5?: string | null,
): Promise<Analysed> {
  // Both on the media worker: its thread works out one's EXIF or PDQ while sharp decodes for the other.
  const [analysis, hashes] = await Promise.all([
    analysisOf(input, mediaType, opts),
    intakeHashes(input, mediaType, opts.analyze !== false, md5),
  ]);
  return { analysis, hashes };
}

/** An original already catalogued: the intake is audited and linked to the existing item. */
export function duplicateIntake(session: VaultSession, policy: Policy, kept: Kept, existing: number): IntakeOutcome {
  const { stored, meta } = kept;
  session.audit({
    action: 'evidence.duplicate-intake',
    subject: { type: 'evidence', id: String(existing) },
    details: { originalName: meta.originalName, sha256: stored.sha256 },
  });
  flagReappearedEvidence(session, existing, true);
  return {
    evidenceId: existing,
    sha256: stored.sha256,
    sha512: stored.sha512,
    size: kept.size,
    mediaType: kept.mediaType,
    duplicate: true,
    nearDuplicateOf: null,
    problems: [],
    ...storedPdq(session, existing),
    hashListMatches: flagHashListMatches(session, existing, nearDuplicateDistance(policy)),
  };
}

/**
 * The evidence row of a kept original (or the link to the item that already has these bytes), in
 * one transaction, a savepoint of the caller's when it has one. The PDQ index learns the item after.
 */
export function recordEvidence(
  session: VaultSession,
  policy: Policy,
  kept: Kept,
  { analysis, hashes }: Analysed,
  opts: IntakeOptions,
): IntakeOutcome {
  const { stored, size, mediaType, meta } = kept;
  const distance = nearDuplicateDistance(policy);
  const nearDuplicateOf = hashes.pdq ? nearestByPdq(session, hashes.pdq, distance) : null;
  const [capturedAt, capturedAtSource] = meta.capturedAt
    ? [new Date(meta.capturedAt).toISOString(), 'declared']
    : analysis.capturedAt
      ? [analysis.capturedAt, 'exif']
      : meta.fileTime
        ? [meta.fileTime, 'file-time']
        : [null, null];
  // the row keeps the type, which says there is a thumbnail; the bytes go beside it (migration 0018)
  const thumbnail =
    analysis.thumbnail && analysis.thumbnailType ? { bytes: analysis.thumbnail, type: analysis.thumbnailType } : null;
  const now = new Date().toISOString();
  let hashListMatches: HashListMatch[] = [];
  const id = session.db.tx(() => {
    let channelId = meta.channelId ?? null;
    let postUrl: string | null = null;
    if (meta.sourceUrl) {
      const found = addOrFindChannel(session, policy, { url: meta.sourceUrl, category: meta.category }, now);
      channelId ??= found.id;
      postUrl = found.link.post?.url ?? null;
    }
    if (channelId !== null && !session.db.get(sql`SELECT 1 FROM channels WHERE id = ${channelId}`))
      throw new JejakError('NOT_FOUND', `No channel ${channelId}.`).because('notFound.channel', { id: channelId });
    const evidenceId = Number(
      session.db
        .run(sql`INSERT INTO evidence (id, blob_name, sha256, sha512, size, media_type, original_name, width, height, exif, thumbnail_type, problems, pdq, pdq_quality, pdq_dihedral, md5,
          captured_at, captured_at_source, intake_at, taken_by, source_url, post_url, channel_id, near_duplicate_of, notes)
        VALUES (${NEXT_EVIDENCE_ID}, ${stored.name}, ${stored.sha256}, ${stored.sha512}, ${size}, ${mediaType}, ${meta.originalName}, ${analysis.width}, ${analysis.height},
          ${analysis.exif ? JSON.stringify(analysis.exif) : null}, ${thumbnail?.type ?? null}, ${JSON.stringify(analysis.problems)},
          ${hashes.pdq?.hash ?? null}, ${hashes.pdq?.quality ?? null}, ${hashes.pdq ? packDihedral(hashes.pdq.dihedral) : null}, ${hashes.md5},
          ${capturedAt}, ${capturedAtSource}, ${now}, ${session.actor}, ${meta.sourceUrl ?? null}, ${postUrl}, ${channelId}, ${nearDuplicateOf}, ${meta.notes ?? ''})`)
        .lastInsertRowid,
    );
    if (thumbnail)
      session.db.run(
        sql`INSERT INTO evidence_thumbnails (evidence_id, bytes) VALUES (${evidenceId}, ${thumbnail.bytes})`,
      );
    if (meta.tags?.length) setTags(session.db, 'evidence', evidenceId, meta.tags);
    flagReappearedEvidence(session, evidenceId, false, distance);
    hashListMatches = flagHashListMatches(session, evidenceId, distance);
    if (isRenderableImage(mediaType) && opts.analyze !== false) enqueueJobs(session.db, evidenceId, ['ocr']);
    if (hashes.md5 === null) enqueueJobs(session.db, evidenceId, ['hashes']);
    session.audit({
      action: 'evidence.added',
      subject: { type: 'evidence', id: String(evidenceId) },
      details: {
        sha256: stored.sha256,
        sha512: stored.sha512,
        size,
        mediaType,
        originalName: meta.originalName,
        via: meta.via ?? 'file',
        channelId,
        nearDuplicateOf,
      },
    });
    return evidenceId;
  });
  return {
    evidenceId: id,
    sha256: stored.sha256,
    sha512: stored.sha512,
    size,
    mediaType,
    duplicate: false,
    nearDuplicateOf,
    problems: analysis.problems,
    pdq: hashes.pdq?.hash ?? null,
    pdqQuality: hashes.pdq?.quality ?? null,
    hashListMatches,
  };
}

/** The PDQ index (in memory) learns a recorded item once its transaction committed. */
export function indexRecorded(session: VaultSession, outcome: IntakeOutcome): void {
  if (!outcome.duplicate && outcome.pdq !== null && outcome.pdqQuality !== null)
    indexPdq(session, outcome.evidenceId, { hash: outcome.pdq, quality: outcome.pdqQuality });
}

/** What the original's bytes say of it: size, EXIF, thumbnail, or why not. */
async function analysisOf(input: Buffer | string, mediaType: MediaType, opts: IntakeOptions): Promise<IntakeAnalysis> {
  let analysis: IntakeAnalysis = notAnalysed();
  if (opts.analyze === false) analysis.problems.push(mediaProblem('not-analysed', 'Taken in without image analysis.'));
  else if (isRenderableImage(mediaType))
    analysis = await analyzeImage(input, mediaType, { thumbnails: opts.thumbnails ?? true });
  else if (mediaType === 'video/mp4' || mediaType === 'video/webm')
    analysis = { ...analysis, ...(await readVideoInfo(input, mediaType)) };
  else if (mediaType === 'application/octet-stream')
    analysis.problems.push(
      mediaProblem('unrecognised-type', 'Not a recognised image, video or PDF: kept as "other" and never rendered.'),
    );
  return analysis;
}

function storedPdq(session: VaultSession, id: number): { pdq: string | null; pdqQuality: number | null } {
  const r = session.db.get<{ pdq: string | null; pdq_quality: number | null }>(
    sql`SELECT pdq, pdq_quality FROM evidence WHERE id = ${id}`,
  );
  return { pdq: r?.pdq ?? null, pdqQuality: r?.pdq_quality ?? null };
}
