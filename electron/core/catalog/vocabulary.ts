import type { Policy } from '../policy/policy';

/** Statuses a channel moves through; the history keeps every change. */
export const CHANNEL_STATUSES = ['active', 'reported', 'blocked', 'not-actioned', 'reappeared'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];

/** The unit's default categories, in its own words; the machine policy can replace them. */
export const DEFAULT_CATEGORIES = ['terorisme', 'radikalisme', 'ujaran kebencian / SARA', 'hoaks', 'lainnya'];

export function categoriesFor(policy: Policy): string[] {
  return policy.categories ?? DEFAULT_CATEGORIES;
}

export function defaultCategory(policy: Policy): string {
  const list = categoriesFor(policy);
  return list.includes('lainnya') ? 'lainnya' : list[list.length - 1]!;
}
