import type { Migration } from './index';

/**
 * notices.items_recorded: 0 while an export still writes its notice's items. The export commits its
 * package's record with the notice's row alone, and writes the items after it in transactions of a
 * few milliseconds each: one transaction for all of them held the app's thread 165-337 ms at 6,000
 * items. A record left at 0 (the app stopped meanwhile) is made again from the case by
 * ensureNoticeRecord, as an export from before outcomes were tracked is. Every earlier row is whole.
 */
export const noticeItemsRecorded: Migration = {
  version: 19,
  name: 'notice-items-recorded',
  up: /* sql */ `
    ALTER TABLE notices ADD COLUMN items_recorded INTEGER NOT NULL DEFAULT 1 CHECK (items_recorded IN (0, 1));
  `,
};
