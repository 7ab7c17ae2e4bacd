import type { Migration } from './index';

// Each (filter column, sort) pair of the channel list: the page is an index range walked in order.
const FILTERS = ['status', 'category', 'platform'] as const;
const SORTS: Record<string, string> = {
  title: 'title COLLATE NOCASE',
  last_seen: 'last_seen',
  status: 'status, created_at',
  category: 'category, created_at',
  platform: 'platform, created_at',
};
const pairIndexes = FILTERS.flatMap((filter) =>
  Object.entries(SORTS)
    .filter(([name]) => name !== filter)
    .map(
      ([name, columns]) => `CREATE INDEX channels_${filter}_by_${name} ON channels(excluded, ${filter}, ${columns});`,
    ),
).join('\n    ');

/**
 * Pages at 100,000 channels and 1,000,000 evidence items. Lists skip excluded rows and page with
 * OFFSET: each skipped row has to cost an index step and nothing more. So each row carries an
 * `excluded` flag (kept equal to its exclusion row by triggers; the exclusion tables stay the record)
 * that leads every list index, and every filter the channel list offers has an index per sort order
 * (the filtered column, then the sort, then the id that every index ends with): a page is the
 * index entries after the offset, read in order, with no row looked up or excluded id checked on
 * the way. The same flag lets a channel count its evidence by index alone.
 */
export const pageIndexes: Migration = {
  version: 10,
  name: 'page-indexes',
  up: /* sql */ `
    ALTER TABLE channels ADD COLUMN excluded INTEGER NOT NULL DEFAULT 0 CHECK (excluded IN (0, 1));
    ALTER TABLE evidence ADD COLUMN excluded INTEGER NOT NULL DEFAULT 0 CHECK (excluded IN (0, 1));
    UPDATE channels SET excluded = 1 WHERE id IN (SELECT channel_id FROM channel_exclusions);
    UPDATE evidence SET excluded = 1 WHERE id IN (SELECT evidence_id FROM evidence_exclusions);
    CREATE TRIGGER channel_exclusions_flag_insert AFTER INSERT ON channel_exclusions BEGIN
      UPDATE channels SET excluded = 1 WHERE id = new.channel_id;
    END;
    CREATE TRIGGER channel_exclusions_flag_delete AFTER DELETE ON channel_exclusions BEGIN
      UPDATE channels SET excluded = 0 WHERE id = old.channel_id;
    END;
    CREATE TRIGGER evidence_exclusions_flag_insert AFTER INSERT ON evidence_exclusions BEGIN
      UPDATE evidence SET excluded = 1 WHERE id = new.evidence_id;
    END;
    CREATE TRIGGER evidence_exclusions_flag_delete AFTER DELETE ON evidence_exclusions BEGIN
      UPDATE evidence SET excluded = 0 WHERE id = old.evidence_id;
    END;

    DROP INDEX channels_created;
    DROP INDEX channels_title;
    DROP INDEX channels_status;
    DROP INDEX channels_category;
    DROP INDEX channels_platform;
    DROP INDEX channels_last_seen;
    CREATE INDEX channels_by_created ON channels(excluded, created_at);
    CREATE INDEX channels_by_title ON channels(excluded, title COLLATE NOCASE);
    CREATE INDEX channels_by_last_seen ON channels(excluded, last_seen);
    CREATE INDEX channels_by_status ON channels(excluded, status, created_at);
    CREATE INDEX channels_by_category ON channels(excluded, category, created_at);
    CREATE INDEX channels_by_platform ON channels(excluded, platform, created_at);
    ${pairIndexes}

    DROP INDEX evidence_channel;
    DROP INDEX evidence_intake;
    CREATE INDEX evidence_by_channel ON evidence(channel_id, excluded, intake_at);
    CREATE INDEX evidence_by_intake ON evidence(excluded, intake_at);
  `,
};
