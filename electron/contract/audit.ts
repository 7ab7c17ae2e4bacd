import { z } from 'zod';

const anchorSchema = z.object({ seq: z.number(), hash: z.string() });

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});

/** An entry as the activity log shows it: with its subject's name (channel title, file name, case reference, package name). */
export const labelledAuditEntrySchema = auditEntrySchema.extend({
  subjectLabel: z.string().nullable(),
  subjectExists: z.boolean(),
});

export const auditContract = {
  'audit.list': {
    args: z.object({ limit: z.number().int().min(1).max(500), beforeSeq: z.number().int().positive().optional() }),
    result: z.object({ entries: z.array(labelledAuditEntrySchema) }),
  },
  'audit.verify': {
    args: z.object({}),
    result: z.object({
      ok: z.boolean(),
      entries: z.number(),
      head: z.string(),
      firstBad: z.object({ seq: z.number(), reason: z.string() }).optional(),
      /** the head vault.json recorded at the last lock, and whether the chain still holds it */
      anchor: z.object({ ok: z.boolean(), anchor: anchorSchema, reason: z.string().optional() }),
      /** an anchor found missing at an earlier unlock: reported for good */
      brokenAnchor: anchorSchema.extend({ foundAt: z.string(), reason: z.string() }).optional(),
    }),
  },
} as const;
