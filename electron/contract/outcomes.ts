import { z } from 'zod';
import { MAX_RESPONSE_FILE_BYTES, TEXT_LIMITS, base64Length } from '../common/limits';
import { OBSERVATION_STATUSES, OUTCOME_STATUSES } from '../common/outcome-statuses';
import { caseStatusSchema, idSchema as id } from './shared';

const outcomeStatus = z.enum(OUTCOME_STATUSES);
const source = z.enum(['response', 'observation']);

const outcomeEntry = z.object({
  id: z.number(),
  source,
  status: outcomeStatus,
  at: z.string(),
  reason: z.string(),
  ticket: z.string(),
  responseId: z.number().nullable(),
  evidenceId: z.number().nullable(),
  note: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});

export const itemOutcomeSchema = z.object({
  itemId: z.string(),
  kind: z.string(),
  parentItemId: z.string().nullable(),
  platform: z.string(),
  category: z.string(),
  canonicalUrl: z.string(),
  title: z.string(),
  username: z.string().nullable(),
  channelId: z.number().nullable(),
  outcome: z.object({ status: outcomeStatus, source, at: z.string() }).nullable(),
  final: z.boolean(),
  action: z
    .object({
      status: outcomeStatus,
      at: z.string(),
      secondsToAction: z.number(),
      secondsBeforeDeadline: z.number(),
    })
    .nullable(),
  overdue: z.boolean(),
  history: z.array(outcomeEntry),
});

export const caseOutcomesSchema = z.object({
  caseId: z.number(),
  reference: z.string(),
  answerable: z.boolean(),
  noticeId: z.string().nullable(),
  issuedAt: z.string().nullable(),
  deadline: z.string().nullable(),
  items: z.array(itemOutcomeSchema),
  responses: z.array(
    z.object({
      id: z.number(),
      responder: z.string(),
      respondedAt: z.string(),
      items: z.number(),
      fileName: z.string(),
      sha256: z.string(),
      bytes: z.number(),
      receivedAt: z.string(),
      receivedBy: z.string(),
    }),
  ),
  counts: z.object({ items: z.number(), final: z.number(), open: z.number(), overdue: z.number() }),
});

export const responseImportSchema = z.object({
  outcome: z.enum(['imported', 'already-imported']),
  caseId: z.number(),
  reference: z.string(),
  status: caseStatusSchema,
  responder: z.string(),
  answered: z.number(),
  recorded: z.number(),
  items: z.number(),
  open: z.number(),
});

export const reappearanceSchema = z.object({
  id: z.number(),
  channelId: z.number().nullable(),
  evidenceId: z.number().nullable(),
  match: z.enum(['handle', 'title', 'numeric-id', 'link', 'sha256', 'near-duplicate']),
  distance: z.number().nullable(),
  earlierCase: z.object({ id: z.number(), reference: z.string() }),
  earlierItemId: z.string(),
  earlierChannel: z.object({ id: z.number(), title: z.string(), url: z.string() }).nullable(),
  earlierEvidence: z.object({ id: z.number(), name: z.string() }).nullable(),
  flaggedAt: z.string(),
});

/** What happened to each item of a case's notice: a platform's response file, the analyst's observations, reappearances. */
export const outcomesContract = {
  'outcomes.get': { args: z.object({ caseId: id }), result: caseOutcomesSchema },
  /** A jejak-response/1 file dropped or picked on the case: its bytes, as they are (the core checks the UTF-8). */
  'outcomes.importResponse': {
    args: z.object({
      caseId: id,
      name: z.string().max(255),
      dataBase64: z.string().max(base64Length(MAX_RESPONSE_FILE_BYTES)),
    }),
    result: responseImportSchema,
  },
  'outcomes.observe': {
    args: z.object({
      caseId: id,
      itemIds: z.array(z.string().max(64)).max(100_000).optional(),
      allOpen: z.boolean().optional(),
      status: z.enum(OBSERVATION_STATUSES),
      at: z.string().max(40).optional(),
      evidenceId: id.optional(),
      note: z.string().max(TEXT_LIMITS.reason).optional(),
    }),
    result: z.object({
      caseId: z.number(),
      reference: z.string(),
      status: caseStatusSchema,
      observed: z.enum(OBSERVATION_STATUSES),
      itemIds: z.array(z.string()),
    }),
  },
  /** Flags on one channel or one evidence item: it matches something already taken down. */
  'outcomes.reappearances': {
    args: z.union([z.object({ channelId: id }), z.object({ evidenceId: id })]),
    result: z.object({ flags: z.array(reappearanceSchema) }),
  },
} as const;
