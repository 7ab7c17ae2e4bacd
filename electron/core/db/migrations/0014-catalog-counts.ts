import type { Migration } from './index';

// What the dashboard counts of a channel that is shown (not excluded): the total and each breakdown.
const CHANNEL_KEYS = (row: 'new' | 'old', n: number) =>
  `('channel', 'all', '', ${n}), ('channel', 'status', ${row}.status, ${n}), ('channel', 'category', ${row}.category, ${n}),
      ('channel', 'platform', ${row}.platform, ${n}), ('channel', 'day', substr(${row}.created_at, 1, 10), ${n})`;
const ADD = 'ON CONFLICT DO UPDATE SET n = n + excluded.n';

/**
 * The dashboard's counts kept as rows change, so the dashboard (and the unit page, which shows a
 * merged catalog of 100,000 channels and 1,000,000 originals) reads a few dozen rows instead of
 * counting the tables: catalog_counts holds, for the rows not excluded, the number of channels in
 * total, per status, category, platform and creation day (UTC), and of evidence items. Triggers
 * keep it, so every writer (intake, edits, exclusion through its flag, purge, the unit's import)
 * keeps it right without knowing of it. The two totals' rows are made here and always exist; a
 * breakdown's row whose count falls to 0 stays, and readers skip it.
 * unit_deadline_days: a unit catalog's notice items per deadline day (UTC), so its overdue count
 * adds the days before today and looks at today's items alone. Unit items are never deleted.
 */
export const catalogCounts: Migration = {
  version: 14,
  name: 'catalog-counts',
  up: /* sql */ `
    CREATE TABLE catalog_counts (
      kind TEXT NOT NULL CHECK (kind IN ('channel', 'evidence')),
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      n INTEGER NOT NULL,
      PRIMARY KEY (kind, key, value)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO catalog_counts SELECT 'channel', 'all', '', count(*) FROM channels WHERE excluded = 0;
    INSERT INTO catalog_counts SELECT 'channel', 'status', status, count(*) FROM channels WHERE excluded = 0 GROUP BY status;
    INSERT INTO catalog_counts SELECT 'channel', 'category', category, count(*) FROM channels WHERE excluded = 0 GROUP BY category;
    INSERT INTO catalog_counts SELECT 'channel', 'platform', platform, count(*) FROM channels WHERE excluded = 0 GROUP BY platform;
    INSERT INTO catalog_counts SELECT 'channel', 'day', substr(created_at, 1, 10), count(*) FROM channels WHERE excluded = 0 GROUP BY 3;
    INSERT INTO catalog_counts SELECT 'evidence', 'all', '', count(*) FROM evidence WHERE excluded = 0;

    CREATE TRIGGER channels_count_insert AFTER INSERT ON channels WHEN new.excluded = 0 BEGIN
      INSERT INTO catalog_counts VALUES ${CHANNEL_KEYS('new', 1)} ${ADD};
    END;
    CREATE TRIGGER channels_count_delete AFTER DELETE ON channels WHEN old.excluded = 0 BEGIN
      INSERT INTO catalog_counts VALUES ${CHANNEL_KEYS('old', -1)} ${ADD};
    END;
    CREATE TRIGGER channels_count_update_old AFTER UPDATE OF status, category, platform, created_at, excluded ON channels
      WHEN old.excluded = 0 BEGIN
      INSERT INTO catalog_counts VALUES ${CHANNEL_KEYS('old', -1)} ${ADD};
    END;
    CREATE TRIGGER channels_count_update_new AFTER UPDATE OF status, category, platform, created_at, excluded ON channels
      WHEN new.excluded = 0 BEGIN
      INSERT INTO catalog_counts VALUES ${CHANNEL_KEYS('new', 1)} ${ADD};
    END;
    CREATE TRIGGER evidence_count_insert AFTER INSERT ON evidence WHEN new.excluded = 0 BEGIN
      UPDATE catalog_counts SET n = n + 1 WHERE kind = 'evidence' AND key = 'all';
    END;
    CREATE TRIGGER evidence_count_delete AFTER DELETE ON evidence WHEN old.excluded = 0 BEGIN
      UPDATE catalog_counts SET n = n - 1 WHERE kind = 'evidence' AND key = 'all';
    END;
    CREATE TRIGGER evidence_count_update AFTER UPDATE OF excluded ON evidence BEGIN
      UPDATE catalog_counts SET n = n + old.excluded - new.excluded WHERE kind = 'evidence' AND key = 'all';
    END;

    CREATE TABLE unit_deadline_days (
      day TEXT PRIMARY KEY,
      items INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    INSERT INTO unit_deadline_days SELECT substr(deadline, 1, 10), count(*) FROM unit_items GROUP BY 1;
    CREATE TRIGGER unit_items_count_insert AFTER INSERT ON unit_items BEGIN
      INSERT INTO unit_deadline_days VALUES (substr(new.deadline, 1, 10), 1) ON CONFLICT DO UPDATE SET items = items + 1;
    END;
  `,
};
