import { z } from 'zod';
import type { Phrase } from '../common/phrase';
import { reportSchema } from '../common/report-json';
import { MAX_PACKAGE_UPLOAD_BYTES, TEXT_LIMITS, base64Length } from '../common/limits';
import { jobIdSchema, pickedFile } from './shared';

const reviewId = z.string().max(64);
/** A sentence of the verification by key and values (electron/common/phrase.ts); a value may be a phrase itself. */
const phrase: z.ZodType<Phrase> = z.lazy(() =>
  z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number(), phrase])).optional() }),
);
const check = z.object({ id: z.string(), ok: z.boolean(), detail: z.string(), phrases: z.array(phrase) });
const statementInfo = z.object({
  file: z.string(),
  role: z.string(),
  decision: z.string(),
  comment: z.string(),
  signer: z.object({ name: z.string(), unit: z.string(), id: z.string(), fingerprint: z.string() }),
  signedAt: z.string(),
  trusted: z.boolean(),
  valid: z.boolean(),
  review: z.array(z.object({ file: z.string(), verdict: z.enum(['ok', 'problem']), comment: z.string() })),
});

const timestampInfo = z.object({
  file: z.string(),
  seq: z.number(),
  tsa: z.string(),
  genTime: z.string(),
  trusted: z.boolean(),
  untrusted: z.string().optional(),
  untrustedPhrase: phrase.optional(),
});

export const openedPackageSchema = z.object({
  reviewId: z.string(),
  fileName: z.string(),
  /** the package file was age-encrypted and opened with this vault's key */
  encrypted: z.boolean(),
  verdict: z.enum(['valid-trusted', 'valid-untrusted', 'invalid']),
  checks: z.array(check),
  trustDetail: z.string(),
  trustPhrases: z.array(phrase),
  statements: z.array(statementInfo),
  /** RFC 3161 tokens that check, one per stamped statement */
  timestamps: z.array(timestampInfo),
  bagInfo: z.record(z.string(), z.string()),
  /** what every statement signs: SHA-256 of tagmanifest-sha256.txt ('' when the package is unreadable) */
  tagmanifestSha256: z.string(),
  /** data/report.json as its schema reads it; null when it does not */
  report: reportSchema.nullable(),
  payload: z.array(z.object({ file: z.string(), mediaType: z.string() })),
});

export const reviewContract = {
  /** Opens a package for review by its path on disk (desktop: a grant token, see pickedFile) ... */
  'review.openPath': { args: z.object({ path: pickedFile, jobId: jobIdSchema }), result: openedPackageSchema },
  /** ... or by its bytes (the browser harness); the copy stays in a private temp folder. */
  'review.openBytes': {
    args: z.object({
      name: z.string().max(255),
      dataBase64: z.string().max(base64Length(MAX_PACKAGE_UPLOAD_BYTES)),
      jobId: jobIdSchema,
    }),
    result: openedPackageSchema,
  },
  'review.decide': {
    args: z.object({
      reviewId,
      decision: z.enum(['approved', 'returned']),
      comment: z.string().max(TEXT_LIMITS.comment),
      items: z
        .array(
          z.object({
            file: z.string().max(500),
            verdict: z.enum(['ok', 'problem']),
            comment: z.string().max(TEXT_LIMITS.comment),
          }),
        )
        .max(10_000),
      /** approve without marking every item: the reason goes into the signed comment */
      withoutItemReview: z.object({ reason: z.string().max(TEXT_LIMITS.reason) }).optional(),
      destination: z.string().max(4096).optional(),
      jobId: jobIdSchema,
    }),
    result: z.object({ path: z.string(), fileName: z.string(), verification: openedPackageSchema }),
  },
  /**
   * RFC 3161 requests for an open package's statements (hashes only): written into `folder` when
   * given (desktop), else returned for the window to download (browser harness).
   */
  'review.timestampRequests': {
    args: z.object({ reviewId, folder: pickedFile.optional() }),
    result: z.object({
      requests: z.array(z.object({ fileName: z.string(), dataBase64: z.string() })),
      written: z.array(z.string()),
      folder: z.string().nullable(),
    }),
  },
  /** An open package as it stands now: its verdict follows the trust roster as it changes. */
  'review.get': { args: z.object({ reviewId }), result: openedPackageSchema },
  'review.close': { args: z.object({ reviewId }), result: z.object({}) },
} as const;
