import type { Db } from '../db/database';
import { sql } from '../db/sql';
import type { Policy } from '../policy/policy';

/** Statuses a channel moves through; the history keeps every change. */
export const CHANNEL_STATUSES = ['active', 'reported', 'blocked', 'not-actioned', 'reappeared'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];

/**
 * What a content-monitoring unit files, in its own words; the machine policy can replace the list.
 * Values are stored as written here (the window translates them for display), so a vault keeps
 * whatever values it was given under an earlier list.
 */
export const DEFAULT_CATEGORIES = [
  'terorisme',
  'radikalisme',
  'ujaran kebencian / SARA',
  'hoaks',
  'judi online',
  'pornografi',
  'penipuan / investasi ilegal',
  'pinjol ilegal',
  'lainnya',
];

const LAST_CATEGORY_KEY = 'catalog.lastCategory';

export function categoriesFor(policy: Policy): string[] {
  return policy.categories ?? DEFAULT_CATEGORIES;
}

export function defaultCategory(policy: Policy): string {
  const list = categoriesFor(policy);
  return list.includes('lainnya') ? 'lainnya' : list[list.length - 1]!;
}

/** The category the analyst chose last in this vault, while the policy still lists it. */
export function lastCategory(db: Db, policy: Policy): string | null {
  const value = db.get<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${LAST_CATEGORY_KEY}`)?.value;
  return value !== undefined && categoriesFor(policy).includes(value) ? value : null;
}

export function rememberCategory(db: Db, category: string): void {
  db.run(
    sql`INSERT INTO settings (key, value) VALUES (${LAST_CATEGORY_KEY}, ${category}) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  );
}

/** A channel added without a category (a CSV without the column, the CLI) gets the last one chosen. */
export function categoryOrLast(db: Db, policy: Policy, category: string | undefined): string {
  return category ?? lastCategory(db, policy) ?? defaultCategory(policy);
}

/** Categories channels hold that the current list does not name (an older list or policy): filters still offer them. */
export function categoriesInUseBeyond(db: Db, policy: Policy): string[] {
  const known = new Set(categoriesFor(policy));
  return db
    .all<{ category: string }>(sql`SELECT DISTINCT category FROM channels ORDER BY category`)
    .map((r) => r.category)
    .filter((c) => !known.has(c));
}
