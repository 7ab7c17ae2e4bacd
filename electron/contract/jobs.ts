import { z } from 'zod';
import { jobIdSchema } from './shared';

/** Long jobs (intake, export, review, backup) run under the jobId their call names; progress comes as events. */
export const jobsContract = {
  'jobs.cancel': { args: z.object({ jobId: jobIdSchema }), result: z.object({}) },
} as const;
