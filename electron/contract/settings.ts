import { z } from 'zod';
import { languageSchema } from './vault';

/** What the user chooses for this machine (the language) and for this vault (the auto-lock time). */
export const settingsContract = {
  'settings.setLanguage': { args: z.object({ language: languageSchema }), result: z.object({}) },
  'settings.setAutoLock': { args: z.object({ minutes: z.number().int().min(1).max(240) }), result: z.object({}) },
} as const;
