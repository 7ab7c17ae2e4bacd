import { createReadStream, readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { addOrFindChannel, parseOrThrow } from '../catalog/channels';
import { setTags } from '../catalog/tags';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import { flagHashListMatches, type HashListMatch } from '../hashlists/hash-list-matching';
import { packDihedral } from './pdq-dihedral-column';
import { enqueueJobs } from '../jobs/job-queue';
import { flagReappearedEvidence } from '../reappearance/evidence-reappearance';
import type { Policy } from '../policy/policy';
import { storeOriginal } from '../vault/originals';
import type { VaultSession } from '../vault/session';
import {
  type ImageAnalysis,
  type MediaProblem,
  type MediaType,
  SNIFF_BYTES,
  analyzeImage,
  isRenderableImage,
  mediaProblem,
  notAnalysed,
  readVideoInfo,
  sniffMediaType,
} from './media';
import { intakeHashes } from './intake-hashes';
import { evidenceIdBySha256, indexPdq, nearDuplicateDistance, nearestByPdq } from './pdq-index';
import { NEXT_EVIDENCE_ID } from './purge';

/** Files up to this size are read once into memory, so the bytes hashed, stored and analysed are one copy. */
const IN_MEMORY_LIMIT = 64 * 1024 * 1024;

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

type Source = { kind: 'bytes'; bytes: Buffer } | { kind: 'path'; path: string; size: number };

async function readHead(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await file.read(head, 0, SNIFF_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** Checks everything the analyst typed before a byte is read, so a bad URL loses nothing. */
function checkMeta(meta: IntakeMeta): void {
  if (meta.sourceUrl) parseOrThrow(meta.sourceUrl);
  if (meta.capturedAt && Number.isNaN(Date.parse(meta.capturedAt))) {
    throw new JejakError(
      'INVALID_INPUT',
      `"${meta.capturedAt}" is not a date and time (use ISO 8601, e.g. 2026-11-28T10:15:00+07:00).`,
    ).because('intakeError.bad-capture-time', { value: meta.capturedAt });
  }
}

export async function intakeFile(
  session: VaultSession,
  policy: Policy,
  path: string,
  meta: Partial<IntakeMeta> = {},
  opts: IntakeOptions = {},
): Promise<IntakeOutcome> {
  checkMeta({ originalName: '', ...meta });
  let info;
  try {
    // Synchronous on purpose: for a screenshot the async round trips cost more than the read.
    info = statSync(path);
  } catch {
    throw new JejakError(
      'UNREADABLE',
      `Cannot read ${basename(path)}: the file does not exist or is not accessible.`,
    ).because('intakeError.unreadable', { name: basename(path) });
  }
  if (!info.isFile())
    throw new JejakError('UNREADABLE', `${basename(path)} is not a regular file.`).because('intakeError.not-a-file', {
      name: basename(path),
    });
  const full = { originalName: basename(path), fileTime: info.mtime.toISOString(), via: 'file', ...meta };
  if (info.size <= IN_MEMORY_LIMIT) {
    return intake(session, policy, { kind: 'bytes', bytes: readFileSync(path) }, full, opts);
  }
  return intake(session, policy, { kind: 'path', path, size: info.size }, full, opts);
}

export async function intakeBytes(
  session: VaultSession,
  policy: Policy,
  bytes: Buffer,
  meta: IntakeMeta,
  opts: IntakeOptions = {},
): Promise<IntakeOutcome> {
  checkMeta(meta);
  return intake(session, policy, { kind: 'bytes', bytes }, meta, opts);
}

export interface IntakeOptions {
  signal?: AbortSignal;
  /** false skips thumbnails; perceptual hashes are still made */
  thumbnails?: boolean;
  /** false skips image analysis entirely: raw intake (hash, encrypt, store), as the benchmark measures it */
  analyze?: boolean;
}

async function intake(
  session: VaultSession,
  policy: Policy,
  source: Source,
  meta: IntakeMeta,
  opts: IntakeOptions,
): Promise<IntakeOutcome> {
  const size = source.kind === 'bytes' ? source.bytes.length : source.size;
  if (size === 0) {
    throw new JejakError(
      'INVALID_INPUT',
      `${meta.originalName || 'The file'} is empty (0 bytes): there is nothing to keep as evidence.`,
    ).because('intakeError.empty', { name: meta.originalName });
  }
  const head = source.kind === 'bytes' ? source.bytes.subarray(0, SNIFF_BYTES) : await readHead(source.path);
  const mediaType = sniffMediaType(head);
  // Hashes first: the same single pass that hashes also encrypts and stores the original.
  const stored = await storeOriginal(
    session,
    source.kind === 'bytes' ? source.bytes : createReadStream(source.path, { highWaterMark: 1024 * 1024 }),
    opts.signal,
  );
  const existing = evidenceIdBySha256(session, stored.sha256);
  if (existing !== undefined) {
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
      size,
      mediaType,
      duplicate: true,
      nearDuplicateOf: null,
      problems: [],
      ...storedPdq(session, existing),
      hashListMatches: flagHashListMatches(session, existing, nearDuplicateDistance(policy)),
    };
  }
  const input = source.kind === 'bytes' ? source.bytes : source.path;
  // The PDQ hash (JavaScript, this thread) is worked out while sharp analyses the picture on its own threads.
  const [analysis, hashes] = await Promise.all([
    analysisOf(input, mediaType, opts),
    intakeHashes(input, mediaType, opts.analyze !== false),
  ]);
  const distance = nearDuplicateDistance(policy);
  const nearDuplicateOf = hashes.pdq ? nearestByPdq(session, hashes.pdq, distance) : null;
  const [capturedAt, capturedAtSource] = meta.capturedAt
    ? [new Date(meta.capturedAt).toISOString(), 'declared']
    : analysis.capturedAt
      ? [analysis.capturedAt, 'exif']
      : meta.fileTime
        ? [meta.fileTime, 'file-time']
        : [null, null];
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
        .run(sql`INSERT INTO evidence (id, blob_name, sha256, sha512, size, media_type, original_name, width, height, exif, thumbnail, thumbnail_type, problems, pdq, pdq_quality, pdq_dihedral, md5,
          captured_at, captured_at_source, intake_at, taken_by, source_url, post_url, channel_id, near_duplicate_of, notes)
        VALUES (${NEXT_EVIDENCE_ID}, ${stored.name}, ${stored.sha256}, ${stored.sha512}, ${size}, ${mediaType}, ${meta.originalName}, ${analysis.width}, ${analysis.height},
          ${analysis.exif ? JSON.stringify(analysis.exif) : null}, ${analysis.thumbnail}, ${analysis.thumbnailType}, ${JSON.stringify(analysis.problems)},
          ${hashes.pdq?.hash ?? null}, ${hashes.pdq?.quality ?? null}, ${hashes.pdq ? packDihedral(hashes.pdq.dihedral) : null}, ${hashes.md5},
          ${capturedAt}, ${capturedAtSource}, ${now}, ${session.actor}, ${meta.sourceUrl ?? null}, ${postUrl}, ${channelId}, ${nearDuplicateOf}, ${meta.notes ?? ''})`)
        .lastInsertRowid,
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
  if (hashes.pdq) indexPdq(session, id, hashes.pdq);
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

type IntakeAnalysis = Pick<
  ImageAnalysis,
  'width' | 'height' | 'exif' | 'capturedAt' | 'thumbnail' | 'thumbnailType' | 'problems'
>;

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
