import { z } from 'zod';
import { TEXT_LIMITS } from '../common/limits';

export const searchContract = {
  'search.query': {
    args: z.object({
      text: z.string().max(200),
      filter: z.object({
        platform: z.string().max(20).optional(),
        status: z.string().max(20).optional(),
        category: z.string().max(80).optional(),
        tag: z.string().max(TEXT_LIMITS.tag).optional(),
        from: z.string().max(40).optional(),
        to: z.string().max(40).optional(),
      }),
      limit: z.number().int().min(1).max(200).optional(),
    }),
    result: z.object({
      hits: z.array(
        z.object({
          kind: z.enum(['channel', 'evidence', 'case']),
          id: z.number(),
          title: z.string(),
          snippet: z.string(),
        }),
      ),
    }),
  },
} as const;
