import { z } from 'zod';
import { CASE_STATUSES } from '../common/case-statuses';
import { TEXT_LIMITS } from '../common/limits';

/** Schemas more than one area's channels use. Each area's own schemas live in its file. */

export const idSchema = z.number().int().positive();
export const jobIdSchema = z.string().max(64);
export const tagsSchema = z.array(z.string().max(TEXT_LIMITS.tag)).max(TEXT_LIMITS.tags);

/** The status machine itself lives in electron/core/cases/case-status.ts; this is its vocabulary. */
export const caseStatusSchema = z.enum(CASE_STATUSES);

/**
 * A file the user picked or dropped. In the desktop app this is a grant token (`grant:…`) that
 * only the host mints, for the user's own dialog pick or drop (the preload's pathForFile); a raw
 * path is refused with FORBIDDEN. The web harness and the CLI have no pickers and pass plain paths.
 */
export const pickedFile = z.string().min(1).max(4096);

export const pickedFileSchema = z.object({ path: z.string(), label: z.string() });

export const exclusionSchema = z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable();
/** hide (the default): excluded rows left out; only: just them ("show excluded"); all */
export const exclusionViewSchema = z.enum(['hide', 'only', 'all']);
