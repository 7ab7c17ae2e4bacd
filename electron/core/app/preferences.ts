import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs-atomic';

/** Choices needed before unlock (the unlock screen's language); nothing secret lives here. */
const preferencesSchema = z.object({ language: z.enum(['id', 'en']).default('id') });
export type Preferences = z.infer<typeof preferencesSchema>;

export function readPreferences(path: string): Preferences {
  try {
    if (existsSync(path)) return preferencesSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    // A damaged preferences file only costs the language choice: fall back to the default.
  }
  return preferencesSchema.parse({});
}

export function writePreferences(path: string, prefs: Preferences): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, JSON.stringify(prefs, null, 2));
}
