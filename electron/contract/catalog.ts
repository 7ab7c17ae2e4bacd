import { z } from 'zod';

/** The words the catalogue offers: categories, channel statuses, platforms and tags in use. */
export const catalogContract = {
  'catalog.vocabulary': {
    args: z.object({}),
    result: z.object({
      categories: z.array(z.string()),
      /** values channels hold that the list does not name (an earlier list): for filters and display only */
      categoriesInUse: z.array(z.string()),
      /** the category chosen last in this vault, offered first when adding */
      lastCategory: z.string().nullable(),
      statuses: z.array(z.string()),
      platforms: z.array(z.string()),
      tags: z.array(z.string()),
      categoriesLocked: z.boolean(),
    }),
  },
} as const;
