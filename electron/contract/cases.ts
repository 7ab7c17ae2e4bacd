import { z } from 'zod';
import type { Phrase } from '../common/phrase';
import { caseStatusSchema } from './case-status';
import { receivedDecisionSchema } from './decisions';
import { pickedFile } from './evidence';
import { identityFieldsSchema } from './vault';

export { caseStatusSchema };

const id = z.number().int().positive();
const role = z.enum(['analyst', 'supervisor']);

export const identitySchema = z.object({
  name: z.string(),
  unit: z.string(),
  employeeId: z.string(),
  role,
  publicKeyPem: z.string(),
  fingerprint: z.string(),
  ageRecipient: z.string(),
  createdAt: z.string(),
});

const rosterEntry = z.object({
  fingerprint: z.string(),
  name: z.string(),
  unit: z.string(),
  role,
  ageRecipient: z.string().optional(),
  source: z.enum(['policy', 'vault']),
});
const ageRecipient = z.string().max(100);

const priority = z.enum(['urgent', 'normal']);

export const caseSummarySchema = z.object({
  id: z.number(),
  reference: z.string(),
  title: z.string(),
  platform: z.string(),
  priority,
  dueAt: z.string(),
  status: caseStatusSchema,
  revision: z.number(),
  open: z.boolean(),
  overdue: z.boolean(),
  overdueItems: z.number(),
  createdAt: z.string(),
  channelCount: z.number(),
  evidenceCount: z.number(),
});

export const caseDetailSchema = caseSummarySchema.extend({
  legalBasis: z.string(),
  notes: z.string(),
  createdBy: z.string(),
  allowedNext: z.array(caseStatusSchema),
  channelIds: z.array(z.number()),
  evidenceIds: z.array(z.number()),
  history: z.array(z.object({ status: z.string(), at: z.string(), actor: z.string(), note: z.string() })),
  exports: z.array(
    z.object({ fileName: z.string(), tagmanifestSha256: z.string(), bytes: z.number(), exportedAt: z.string() }),
  ),
  decisions: z.array(receivedDecisionSchema),
});

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
  report: z.unknown(),
  payload: z.array(z.object({ file: z.string(), mediaType: z.string() })),
});

export const casesContract = {
  'identity.get': { args: z.object({}), result: identitySchema },
  'identity.set': { args: identityFieldsSchema, result: identitySchema },
  'trust.list': { args: z.object({}), result: z.object({ entries: z.array(rosterEntry) }) },
  'trust.import': {
    args: z.object({ json: z.string().max(2_000_000) }),
    result: z.object({ added: z.number(), total: z.number() }),
  },
  'cases.list': { args: z.object({}), result: z.object({ cases: z.array(caseSummarySchema), overdue: z.number() }) },
  'cases.get': { args: z.object({ id }), result: caseDetailSchema },
  'cases.presets': {
    args: z.object({}),
    result: z.object({
      legalBasis: z.array(z.string()),
      dueHours: z.object({ urgent: z.number(), normal: z.number() }),
      referencePattern: z.string(),
    }),
  },
  'cases.create': {
    args: z.object({
      title: z.string().min(1).max(500),
      platform: z.string().min(1).max(40),
      priority,
      legalBasis: z.string().max(5000),
      notes: z.string().max(20_000).optional(),
      channelIds: z.array(id).max(10_000),
      evidenceIds: z.array(id).max(10_000),
    }),
    result: caseDetailSchema,
  },
  'cases.addItems': {
    args: z.object({ id, channelIds: z.array(id).max(10_000), evidenceIds: z.array(id).max(10_000) }),
    result: caseDetailSchema,
  },
  'cases.setStatus': {
    args: z.object({ id, status: caseStatusSchema, note: z.string().max(2000).optional() }),
    result: caseDetailSchema,
  },
  /** Drafts only: fields, items out, or the whole case (its reference is never reused). */
  'cases.update': {
    args: z.object({
      id,
      title: z.string().min(1).max(500).optional(),
      legalBasis: z.string().max(5000).optional(),
      priority: priority.optional(),
      notes: z.string().max(20_000).optional(),
    }),
    result: caseDetailSchema,
  },
  'cases.removeItems': {
    args: z.object({ id, channelIds: z.array(id).max(10_000), evidenceIds: z.array(id).max(10_000) }),
    result: caseDetailSchema,
  },
  'cases.delete': { args: z.object({ id }), result: z.object({ reference: z.string() }) },
  /** Whom an export can be encrypted for: recipients the policy requires, this vault, roster entries with an age key. */
  'cases.recipients': {
    args: z.object({}),
    result: z.object({
      required: z.array(z.string()),
      own: z.string(),
      roster: z.array(
        z.object({ name: z.string(), unit: z.string(), role, fingerprint: z.string(), ageRecipient: z.string() }),
      ),
    }),
  },
  /** Without a destination the package goes to the exports folder beside the vault; with recipients it is NAME.zip.age. */
  'cases.export': {
    args: z.object({
      id,
      jobId: z.string().max(64),
      language: z.enum(['id', 'en']),
      destination: z.string().max(4096).optional(),
      recipients: z.array(ageRecipient).max(50).optional(),
    }),
    result: z.object({
      path: z.string(),
      fileName: z.string(),
      tagmanifestSha256: z.string(),
      bytes: z.number(),
      recipients: z.array(z.string()),
    }),
  },
  /** Opens a package for review by its path on disk (desktop: a grant token, see pickedFile) ... */
  'review.openPath': { args: z.object({ path: pickedFile, jobId: z.string().max(64) }), result: openedPackageSchema },
  /** ... or by its bytes (the browser harness); the copy stays in a private temp folder. */
  'review.openBytes': {
    args: z.object({ name: z.string().max(255), dataBase64: z.string().max(1_500_000_000), jobId: z.string().max(64) }),
    result: openedPackageSchema,
  },
  'review.decide': {
    args: z.object({
      reviewId: z.string().max(64),
      decision: z.enum(['approved', 'returned']),
      comment: z.string().max(5000),
      items: z
        .array(
          z.object({ file: z.string().max(500), verdict: z.enum(['ok', 'problem']), comment: z.string().max(5000) }),
        )
        .max(10_000),
      /** approve without marking every item: the reason goes into the signed comment */
      withoutItemReview: z.object({ reason: z.string().max(2000) }).optional(),
      destination: z.string().max(4096).optional(),
      jobId: z.string().max(64),
    }),
    result: z.object({ path: z.string(), fileName: z.string(), verification: openedPackageSchema }),
  },
  /**
   * RFC 3161 requests for an open package's statements (hashes only): written into `folder` when
   * given (desktop), else returned for the window to download (browser harness).
   */
  'review.timestampRequests': {
    args: z.object({ reviewId: z.string().max(64), folder: pickedFile.optional() }),
    result: z.object({
      requests: z.array(z.object({ fileName: z.string(), dataBase64: z.string() })),
      written: z.array(z.string()),
      folder: z.string().nullable(),
    }),
  },
  /** An open package as it stands now: its verdict follows the trust roster as it changes. */
  'review.get': { args: z.object({ reviewId: z.string().max(64) }), result: openedPackageSchema },
  'review.close': { args: z.object({ reviewId: z.string().max(64) }), result: z.object({}) },
} as const;
