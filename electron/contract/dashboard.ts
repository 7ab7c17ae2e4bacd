import { z } from 'zod';

export const dashboardContract = {
  'dashboard.stats': {
    args: z.object({}),
    result: z.object({
      channels: z.number(),
      evidence: z.number(),
      byStatus: z.array(z.object({ key: z.string(), count: z.number() })),
      byCategory: z.array(z.object({ key: z.string(), count: z.number() })),
      byPlatform: z.array(z.object({ key: z.string(), count: z.number() })),
      perWeek: z.array(z.object({ week: z.string(), count: z.number() })),
      openCases: z.number(),
      overdueCases: z.number(),
      overdueItems: z.number(),
      casesByStatus: z.array(z.object({ key: z.string(), count: z.number() })),
      hashListItems: z.number(),
    }),
  },
} as const;
