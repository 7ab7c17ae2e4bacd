import { z } from 'zod';
import { jobIdSchema } from './shared';

export const backgroundStatusSchema = z.object({
  type: z.literal('background'),
  pending: z.number(),
  done: z.number(),
  failed: z.number(),
  paused: z.boolean(),
  running: z.boolean(),
});

/**
 * Long jobs (intake, export, review, backup) run under the jobId their call names; progress comes
 * as events. The background queue (OCR, hashes of older items) reports as `background` events
 * and can be paused and resumed.
 */
export const jobsContract = {
  'jobs.cancel': { args: z.object({ jobId: jobIdSchema }), result: z.object({}) },
  'jobs.status': { args: z.object({}), result: backgroundStatusSchema },
  'jobs.pause': { args: z.object({}), result: backgroundStatusSchema },
  'jobs.resume': { args: z.object({}), result: backgroundStatusSchema },
} as const;
