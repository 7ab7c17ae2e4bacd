import { z } from 'zod';

/** The status machine itself lives in electron/core/cases/case-status.ts; this is its vocabulary. */
export const caseStatusSchema = z.enum([
  'draft',
  'exported',
  'approved',
  'returned',
  'submitted',
  'acknowledged',
  'actioned',
  'rejected',
]);
