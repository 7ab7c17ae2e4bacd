import { z } from 'zod';
import { TEXT_LIMITS } from '../common/limits';
import { receivedDecisionSchema } from './decisions';
import { ageRecipientSchema, roleSchema as role } from './identity';
import { caseStatusSchema, idSchema as id, jobIdSchema } from './shared';

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
  /** items already in other exported cases ("seen before") */
  seenBefore: z.array(
    z.object({
      kind: z.enum(['channel', 'evidence']),
      itemId: z.number(),
      caseId: z.number(),
      reference: z.string(),
      status: caseStatusSchema,
    }),
  ),
});

export const casesContract = {
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
      title: z.string().min(1).max(TEXT_LIMITS.short),
      platform: z.string().min(1).max(40),
      priority,
      legalBasis: z.string().max(TEXT_LIMITS.legalBasis),
      notes: z.string().max(TEXT_LIMITS.notes).optional(),
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
    args: z.object({ id, status: caseStatusSchema, note: z.string().max(TEXT_LIMITS.reason).optional() }),
    result: caseDetailSchema,
  },
  /** Drafts only: fields, items out, or the whole case (its reference is never reused). */
  'cases.update': {
    args: z.object({
      id,
      title: z.string().min(1).max(TEXT_LIMITS.short).optional(),
      legalBasis: z.string().max(TEXT_LIMITS.legalBasis).optional(),
      priority: priority.optional(),
      notes: z.string().max(TEXT_LIMITS.notes).optional(),
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
      jobId: jobIdSchema,
      language: z.enum(['id', 'en']),
      destination: z.string().max(4096).optional(),
      recipients: z.array(ageRecipientSchema).max(50).optional(),
    }),
    result: z.object({
      path: z.string(),
      fileName: z.string(),
      tagmanifestSha256: z.string(),
      bytes: z.number(),
      recipients: z.array(z.string()),
    }),
  },
} as const;
