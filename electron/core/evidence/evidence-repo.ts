import { addOrFindChannel, parseOrThrow } from '../catalog/channels';
import {
  type Exclusion,
  type ExclusionColumns,
  countShown,
  exclusionJoin,
  exclusionOf,
  exclusionTerm,
} from '../catalog/exclusion';
import type { Policy } from '../policy/policy';
import { setTags, tagsOf } from '../catalog/tags';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import { type HashListMatch, hashListMatchesOf } from '../hashlists/hash-list-matching';
import type { VaultSession } from '../vault/session';
import { type EvidenceFilter, type EvidencePlace, evidenceWhere, pagePlacement } from './evidence-page';
import { parseStoredProblems } from './media/problems';
import { type RecognisedText, recognisedTextOf } from './recognised-text';

export interface EvidenceSummary {
  id: number;
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
  width: number | null;
  height: number | null;
  hasThumbnail: boolean;
  capturedAt: string | null;
  intakeAt: string;
  channelId: number | null;
  channelTitle: string | null;
  nearDuplicateOf: number | null;
  notes: string;
  excluded: Exclusion | null;
  /** an entry of an imported hash list matches the item */
  onHashList: boolean;
}

export interface EvidenceDetail extends EvidenceSummary {
  sha512: string;
  exif: Record<string, string | number> | null;
  phash: string | null;
  /** PDQ (hex) and its quality, for a picture */
  pdq: string | null;
  pdqQuality: number | null;
  /** what OCR read in the picture, once the background queue has done it */
  recognisedText: RecognisedText | null;
  hashListMatches: HashListMatch[];
  problems: ReturnType<typeof parseStoredProblems>;
  capturedAtSource: string | null;
  takenBy: string;
  sourceUrl: string | null;
  postUrl: string | null;
  channelUrl: string | null;
  tags: string[];
}

interface EvidenceRow extends ExclusionColumns {
  id: number;
  blob_name: string;
  sha256: string;
  sha512: string;
  size: number;
  media_type: string;
  original_name: string;
  width: number | null;
  height: number | null;
  exif: string | null;
  phash: string | null;
  pdq: string | null;
  pdq_quality: number | null;
  has_thumbnail: number;
  problems: string;
  captured_at: string | null;
  captured_at_source: string | null;
  intake_at: string;
  taken_by: string;
  source_url: string | null;
  post_url: string | null;
  channel_id: number | null;
  channel_title: string | null;
  channel_url: string | null;
  near_duplicate_of: number | null;
  notes: string;
  on_hash_list: number;
}

const exclusion = exclusionJoin('evidence', 'e');
const COLUMNS = sql`e.id, e.blob_name, e.sha256, e.sha512, e.size, e.media_type, e.original_name, e.width, e.height, e.exif, e.phash, e.pdq, e.pdq_quality, e.thumbnail_type IS NOT NULL AS has_thumbnail,
  e.problems, e.captured_at, e.captured_at_source, e.intake_at, e.taken_by, e.source_url, e.post_url, e.channel_id, c.title AS channel_title, c.canonical_url AS channel_url,
  e.near_duplicate_of, e.notes, EXISTS (SELECT 1 FROM hash_list_matches m WHERE m.evidence_id = e.id) AS on_hash_list, ${exclusion.columns}`;

function toSummary(r: EvidenceRow): EvidenceSummary {
  return {
    id: r.id,
    sha256: r.sha256,
    size: r.size,
    mediaType: r.media_type,
    originalName: r.original_name,
    width: r.width,
    height: r.height,
    hasThumbnail: r.has_thumbnail === 1,
    capturedAt: r.captured_at,
    intakeAt: r.intake_at,
    channelId: r.channel_id,
    channelTitle: r.channel_title,
    nearDuplicateOf: r.near_duplicate_of,
    notes: r.notes,
    excluded: exclusionOf(r),
    onHashList: r.on_hash_list === 1,
  };
}

function row(db: Db, id: number): EvidenceRow {
  const r = db.get<EvidenceRow>(
    sql`SELECT ${COLUMNS} FROM evidence e LEFT JOIN channels c ON c.id = e.channel_id ${exclusion.join} WHERE e.id = ${id}`,
  );
  if (r) return r;
  throw missingEvidence(db, id);
}

/** The error for an id with no evidence row: purged (and when), or never there. */
export function missingEvidence(db: Db, id: number): JejakError {
  const purged = db.get<{ purged_at: string }>(sql`SELECT purged_at FROM purged_evidence WHERE id = ${id}`);
  if (purged) {
    return new JejakError('NOT_FOUND', `Evidence item ${id} was purged on ${purged.purged_at}.`).because(
      'notFound.evidencePurged',
      {
        id,
        at: purged.purged_at,
      },
    );
  }
  return new JejakError('NOT_FOUND', `No evidence item ${id}.`).because('notFound.evidence', { id });
}

export function getEvidence(session: VaultSession, id: number): EvidenceDetail {
  const r = row(session.db, id);
  // Added to the summary, not spread into a new object: V8 gave each spread copy a shape of its own
  // (a summary's fields are null in some rows, numbers in others), 0.8 KB of hidden class per item
  // that a 10,000-item export held throughout.
  return Object.assign(toSummary(r), {
    sha512: r.sha512,
    exif: r.exif ? (JSON.parse(r.exif) as Record<string, string | number>) : null,
    phash: r.phash,
    pdq: r.pdq,
    pdqQuality: r.pdq_quality,
    recognisedText: recognisedTextOf(session.db, id),
    hashListMatches: hashListMatchesOf(session, id),
    problems: parseStoredProblems(r.problems),
    capturedAtSource: r.captured_at_source,
    takenBy: r.taken_by,
    sourceUrl: r.source_url,
    postUrl: r.post_url,
    channelUrl: r.channel_url,
    tags: tagsOf(session.db, 'evidence', id),
  });
}

export function listEvidence(
  db: Db,
  opts: EvidencePlace & { filter: EvidenceFilter },
): { total: number; rows: EvidenceSummary[] } {
  const where = evidenceWhere(opts.filter);
  const from = sql`FROM evidence e LEFT JOIN channels c ON c.id = e.channel_id`;
  // The count joins the channel only when it filters on it: SQLite would look each one up.
  const total = countShown(
    db,
    'evidence',
    'e',
    opts.filter.platform ? from : sql`FROM evidence e`,
    where,
    opts.filter.excluded,
  );
  const shown = exclusionTerm('evidence', 'e', opts.filter.excluded);
  const { term, tail } = pagePlacement(opts, total);
  // The page's ids first, from an index alone (see listChannels); then only the page's rows are read.
  const pageIds = sql`SELECT e.id ${opts.filter.platform ? from : sql`FROM evidence e`} WHERE ${where} AND ${shown} AND ${term} ${tail}`;
  const rows = db.all<EvidenceRow>(
    sql`SELECT ${COLUMNS} ${from} ${exclusion.join} WHERE e.id IN (${pageIds}) ORDER BY e.intake_at DESC, e.id DESC`,
  );
  return { total, rows: rows.map(toSummary) };
}

export interface EvidencePatch {
  notes?: string;
  tags?: string[];
  capturedAt?: string | null;
  sourceUrl?: string | null;
  channelId?: number | null;
}

/**
 * A new source link also ties the item to that link's channel (added to the catalog if new) and
 * keeps a post link as the item's post, as at intake.
 */
export function updateEvidence(
  session: VaultSession,
  policy: Policy,
  id: number,
  patch: EvidencePatch,
): EvidenceDetail {
  row(session.db, id);
  if (patch.sourceUrl) parseOrThrow(patch.sourceUrl);
  if (patch.capturedAt && Number.isNaN(Date.parse(patch.capturedAt))) {
    throw new JejakError('INVALID_INPUT', `"${patch.capturedAt}" is not a date and time.`).because(
      'intakeError.bad-capture-time',
      { value: patch.capturedAt },
    );
  }
  session.db.tx(() => {
    const db = session.db;
    if (patch.notes !== undefined) db.run(sql`UPDATE evidence SET notes = ${patch.notes} WHERE id = ${id}`);
    if (patch.capturedAt !== undefined)
      db.run(
        sql`UPDATE evidence SET captured_at = ${patch.capturedAt && new Date(patch.capturedAt).toISOString()}, captured_at_source = ${patch.capturedAt ? 'declared' : null} WHERE id = ${id}`,
      );
    if (patch.sourceUrl !== undefined)
      db.run(sql`UPDATE evidence SET source_url = ${patch.sourceUrl} WHERE id = ${id}`);
    if (patch.sourceUrl && patch.channelId === undefined) {
      const found = addOrFindChannel(session, policy, { url: patch.sourceUrl });
      db.run(
        sql`UPDATE evidence SET channel_id = ${found.id}, post_url = ${found.link.post?.url ?? null} WHERE id = ${id}`,
      );
    }
    if (patch.channelId !== undefined)
      db.run(sql`UPDATE evidence SET channel_id = ${patch.channelId} WHERE id = ${id}`);
    if (patch.tags !== undefined) setTags(db, 'evidence', id, patch.tags);
    session.audit({
      action: 'evidence.updated',
      subject: { type: 'evidence', id: String(id) },
      details: { changed: patch },
    });
  });
  return getEvidence(session, id);
}

export function evidenceThumbnail(session: VaultSession, id: number): { type: string; bytes: Buffer } | null {
  // in evidence_thumbnails, or in the row itself for a thumbnail made before migration 0018
  const r = session.db.get<{ bytes: Buffer | null; thumbnail_type: string | null }>(
    sql`SELECT coalesce(t.bytes, e.thumbnail) AS bytes, e.thumbnail_type FROM evidence e
      LEFT JOIN evidence_thumbnails t ON t.evidence_id = e.id WHERE e.id = ${id}`,
  );
  return r?.bytes && r.thumbnail_type ? { type: r.thumbnail_type, bytes: r.bytes } : null;
}
