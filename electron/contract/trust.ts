import { z } from 'zod';
import { MAX_ROSTER_CHARS } from '../common/limits';
import { roleSchema } from './identity';

export const rosterEntrySchema = z.object({
  fingerprint: z.string(),
  name: z.string(),
  unit: z.string(),
  role: roleSchema,
  ageRecipient: z.string().optional(),
  source: z.enum(['policy', 'vault']),
});

/** The trust roster: whose signatures this vault accepts, from the machine policy and imported files. */
export const trustContract = {
  'trust.list': { args: z.object({}), result: z.object({ entries: z.array(rosterEntrySchema) }) },
  'trust.import': {
    args: z.object({ json: z.string().max(MAX_ROSTER_CHARS) }),
    result: z.object({ added: z.number(), total: z.number() }),
  },
} as const;
