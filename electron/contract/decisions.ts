import { z } from 'zod';
import { MAX_PACKAGE_UPLOAD_BYTES, base64Length } from '../common/limits';
import { caseStatusSchema, idSchema as id, jobIdSchema, pickedFile } from './shared';

const jobId = jobIdSchema.min(1);

/** What receiving a supervisor's package did; a refusal is an error naming why (OTHER_CASE, OLDER_EXPORT…). */
export const receiveOutcomeSchema = z.object({
  outcome: z.enum(['received', 'already-received']),
  caseId: z.number(),
  reference: z.string(),
  status: caseStatusSchema,
  decision: z.enum(['approved', 'returned']),
  signer: z.object({ name: z.string(), unit: z.string(), fingerprint: z.string() }),
  comment: z.string(),
  problems: z.number(),
});

export const decisionItemSchema = z.object({
  file: z.string(),
  verdict: z.enum(['ok', 'problem']),
  comment: z.string(),
  evidenceId: z.number().nullable(),
  channelId: z.number().nullable(),
});

export const receivedDecisionSchema = z.object({
  id: z.number(),
  revision: z.number(),
  decision: z.enum(['approved', 'returned']),
  comment: z.string(),
  signer: z.object({ name: z.string(), unit: z.string(), fingerprint: z.string() }),
  signedAt: z.string(),
  fileName: z.string(),
  packageSha256: z.string(),
  bytes: z.number(),
  receivedAt: z.string(),
  receivedBy: z.string(),
  items: z.array(decisionItemSchema),
});

/** The supervisor's countersigned package coming back to the analyst's vault, given to one case. */
export const decisionsContract = {
  /** Desktop: a file the user picked or dropped on the case (a grant token). */
  'decisions.receivePath': { args: z.object({ caseId: id, path: pickedFile, jobId }), result: receiveOutcomeSchema },
  /** The browser harness: the bytes (kept in a private temp file while they are checked). */
  'decisions.receiveBytes': {
    args: z.object({
      caseId: id,
      name: z.string().max(255),
      dataBase64: z.string().max(base64Length(MAX_PACKAGE_UPLOAD_BYTES)),
      jobId,
    }),
    result: receiveOutcomeSchema,
  },
  /** The received package again, byte for byte; without a destination, to the exports folder. */
  'decisions.export': {
    args: z.object({ decisionId: id, destination: z.string().max(4096).optional() }),
    result: z.object({ path: z.string(), bytes: z.number(), sha256: z.string() }),
  },
} as const;
