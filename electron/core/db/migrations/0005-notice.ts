import type { Migration } from './index';

/** A random (version 4) UUID in SQL, so a trigger can give one to every new case. */
const RANDOM_UUID = /* sql */ `lower(
  hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
  substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

/**
 * Every case gets a notice id (data/notice.json's noticeId): existing cases now, new ones as they are
 * created. It is the case's, not the export's, so every revision of a notice quotes the same id.
 */
export const notice: Migration = {
  version: 5,
  name: 'notice',
  up: /* sql */ `
    ALTER TABLE cases ADD COLUMN notice_id TEXT;
    UPDATE cases SET notice_id = ${RANDOM_UUID};
    CREATE INDEX cases_notice_id ON cases(notice_id);
    CREATE TRIGGER cases_notice_id AFTER INSERT ON cases WHEN new.notice_id IS NULL BEGIN
      UPDATE cases SET notice_id = ${RANDOM_UUID} WHERE id = new.id;
    END;
  `,
};
