import { z } from 'zod';

/** A day of the report's period (UTC); the core checks it is a real date and the period's order. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const period = { from: day, to: day };

const counts = {
  reported: z.number(),
  actioned: z.number(),
  notActioned: z.number(),
  alreadyGone: z.number(),
  pending: z.number(),
  medianSecondsToAction: z.number().nullable(),
  p90SecondsToAction: z.number().nullable(),
};
const week = { week: z.string(), start: z.string() };

/** Published counts of what became of the items reported (core/transparency): counts only. */
export const transparencyContract = {
  'transparency.report': {
    args: z.object(period),
    result: z.object({
      period: z.object(period),
      total: z.object(counts),
      weeks: z.array(z.object({ ...week, ...counts })),
      platforms: z.array(z.object({ platform: z.string(), ...counts })),
      categories: z.array(z.object({ category: z.string(), ...counts })),
      detail: z.array(z.object({ ...week, platform: z.string(), category: z.string(), ...counts })),
    }),
  },
  /** Written where the policy allows: the path chosen in the save dialog, else the exports folder. */
  'transparency.export': {
    args: z.object({
      ...period,
      format: z.enum(['csv', 'pdf']),
      language: z.enum(['id', 'en']),
      destination: z.string().max(4096).optional(),
    }),
    result: z.object({ path: z.string(), fileName: z.string(), bytes: z.number(), sha256: z.string() }),
  },
} as const;
