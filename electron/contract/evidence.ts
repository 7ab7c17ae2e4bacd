import { z } from 'zod';
import { MAX_EVIDENCE_UPLOAD_BYTES, TEXT_LIMITS, base64Length } from '../common/limits';
import {
  exclusionSchema,
  exclusionViewSchema,
  idSchema as id,
  jobIdSchema,
  pickedFile,
  pickedFileSchema,
  tagsSchema as tags,
} from './shared';

export const evidenceSummarySchema = z.object({
  id: z.number(),
  sha256: z.string(),
  size: z.number(),
  mediaType: z.string(),
  originalName: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  hasThumbnail: z.boolean(),
  capturedAt: z.string().nullable(),
  intakeAt: z.string(),
  channelId: z.number().nullable(),
  channelTitle: z.string().nullable(),
  nearDuplicateOf: z.number().nullable(),
  notes: z.string(),
  excluded: exclusionSchema,
  onHashList: z.boolean(),
});

/** Something wrong with a file's content: a code the window translates (`problem.<code>`), its values, and the English text. */
export const mediaProblemSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  message: z.string(),
});

/** An item on an imported hash list: exact (SHA-256, MD5) or PDQ within `distance` bits. */
export const hashListMatchSchema = z.object({
  listId: z.number(),
  listName: z.string(),
  kind: z.enum(['sha256', 'md5', 'pdq']),
  distance: z.number(),
  label: z.string(),
  flaggedAt: z.string(),
});

export const evidenceDetailSchema = evidenceSummarySchema.extend({
  sha512: z.string(),
  exif: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
  phash: z.string().nullable(),
  pdq: z.string().nullable(),
  pdqQuality: z.number().nullable(),
  recognisedText: z.object({ text: z.string(), languages: z.string(), recognisedAt: z.string() }).nullable(),
  hashListMatches: z.array(hashListMatchSchema),
  problems: z.array(mediaProblemSchema),
  capturedAtSource: z.string().nullable(),
  takenBy: z.string(),
  sourceUrl: z.string().nullable(),
  postUrl: z.string().nullable(),
  channelUrl: z.string().nullable(),
  tags: z.array(z.string()),
});

const intakeMeta = {
  jobId: jobIdSchema,
  channelId: id.optional(),
  sourceUrl: z.string().max(4096).optional(),
  capturedAt: z.string().max(40).optional(),
  notes: z.string().max(TEXT_LIMITS.notes).optional(),
  tags: tags.optional(),
  /** for a channel the source link adds to the catalog */
  category: z.string().max(80).optional(),
};

export const intakeResultSchema = z.object({
  evidenceId: z.number(),
  sha256: z.string(),
  sha512: z.string(),
  size: z.number(),
  mediaType: z.string(),
  duplicate: z.boolean(),
  nearDuplicateOf: z.number().nullable(),
  problems: z.array(mediaProblemSchema),
  pdq: z.string().nullable(),
  pdqQuality: z.number().nullable(),
  hashListMatches: z.array(hashListMatchSchema),
});

/** Why one file of several was not taken in: the envelope's error, for that file alone. */
const itemErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  reason: z
    .object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })
    .optional(),
});

const evidenceCursorSchema = z.object({ intakeAt: z.string().max(40), id });

export const evidenceContract = {
  'evidence.list': {
    args: z.object({
      filter: z.object({
        channelId: id.optional(),
        text: z.string().max(200).optional(),
        tag: z.string().max(TEXT_LIMITS.tag).optional(),
        mediaType: z.string().max(40).optional(),
        platform: z.string().max(20).optional(),
        from: z.string().max(40).optional(),
        to: z.string().max(40).optional(),
        excluded: exclusionViewSchema.optional(),
        onHashList: z.boolean().optional(),
      }),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(500),
      /** the page starts after this row (the last of the page before); offset counts from it */
      after: evidenceCursorSchema.optional(),
      /** the page ends before this row (the first of the page after); offset counts back from it */
      before: evidenceCursorSchema.optional(),
    }),
    result: z.object({ total: z.number(), rows: z.array(evidenceSummarySchema) }),
  },
  'evidence.get': { args: z.object({ id }), result: evidenceDetailSchema },
  'evidence.update': {
    args: z.object({
      id,
      notes: z.string().max(TEXT_LIMITS.notes).optional(),
      tags: tags.optional(),
      capturedAt: z.string().max(40).nullable().optional(),
      sourceUrl: z.string().max(4096).nullable().optional(),
      channelId: id.nullable().optional(),
    }),
    result: evidenceDetailSchema,
  },
  'evidence.exclude': {
    args: z.object({ id, reason: z.string().min(1).max(TEXT_LIMITS.reason) }),
    result: evidenceDetailSchema,
  },
  'evidence.restore': { args: z.object({ id }), result: evidenceDetailSchema },
  /** Never-exported items only; the audit entry keeps the SHA-256. */
  'evidence.purge': {
    args: z.object({ id }),
    result: z.object({ id: z.number(), sha256: z.string(), blobRemoved: z.boolean() }),
  },
  /** Desktop: a file the user picked or dropped, by its grant token (the bytes are read in the core). */
  'evidence.intakePath': { args: z.object({ path: pickedFile, ...intakeMeta }), result: intakeResultSchema },
  /**
   * Desktop: several picked or dropped files at once, by their grant tokens; their originals are
   * made durable a batch at a time (one barrier, not one per file). Each is answered in order.
   */
  'evidence.intakePaths': {
    args: z.object({ paths: z.array(pickedFile).min(1).max(1000), ...intakeMeta }),
    result: z.object({
      items: z.array(
        z.discriminatedUnion('ok', [
          z.object({ ok: z.literal(true), result: intakeResultSchema }),
          z.object({ ok: z.literal(false), error: itemErrorSchema }),
        ]),
      ),
    }),
  },
  /** Pasted images, and every file in the browser harness: the bytes themselves (at most 64 MiB). */
  'evidence.intakeBytes': {
    args: z.object({
      name: z.string().max(255),
      dataBase64: z.string().max(base64Length(MAX_EVIDENCE_UPLOAD_BYTES)),
      lastModified: z.number().optional(),
      ...intakeMeta,
    }),
    result: intakeResultSchema,
  },
  /**
   * Expands dropped files and folders (desktop only) into the files inside them: each with a fresh
   * grant token for evidence.intakePath and a label (its place under what was dropped).
   */
  'evidence.expandPaths': {
    args: z.object({ paths: z.array(pickedFile).max(10_000) }),
    result: z.object({ files: z.array(pickedFileSchema) }),
  },
} as const;
