import type { Migration } from './index';

/**
 * Undo and exclusion: channels and evidence can be excluded with a reason (kept, hidden, restorable),
 * cases carry a revision, deleted cases and purged items keep their reference and number out of
 * reuse, and every evidence item that ever left in a package is recorded so it can never be purged.
 *
 * Search: an excluded row stays in the index with one more facet token, 'xe31' ('xe' + hex of "1",
 * see facetToken in search/fts-query.ts), which the search ANDs away with NOT. So the two views and
 * the update triggers that read them are replaced here.
 */
export const workflow: Migration = {
  version: 4,
  name: 'workflow',
  up: /* sql */ `
    ALTER TABLE channels ADD COLUMN excluded_at TEXT;
    ALTER TABLE channels ADD COLUMN excluded_by TEXT;
    ALTER TABLE channels ADD COLUMN exclusion_reason TEXT;
    ALTER TABLE evidence ADD COLUMN excluded_at TEXT;
    ALTER TABLE evidence ADD COLUMN excluded_by TEXT;
    ALTER TABLE evidence ADD COLUMN exclusion_reason TEXT;
    -- Excluded rows are few: partial indexes list them, and let counts subtract them instead of
    -- reading every row (an evidence row's thumbnail sits before the new columns).
    CREATE INDEX channels_excluded ON channels(created_at) WHERE excluded_at IS NOT NULL;
    CREATE INDEX evidence_excluded ON evidence(intake_at) WHERE excluded_at IS NOT NULL;
    CREATE INDEX evidence_excluded_channel ON evidence(channel_id) WHERE excluded_at IS NOT NULL;

    ALTER TABLE cases ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;

    -- A deleted case's reference is never given out again.
    CREATE TABLE retired_references (
      reference TEXT PRIMARY KEY,
      case_id INTEGER NOT NULL,
      title TEXT NOT NULL,
      retired_at TEXT NOT NULL,
      retired_by TEXT NOT NULL
    ) STRICT;

    -- Purged items, so their numbers are never given to another item (rowids would be reused).
    CREATE TABLE purged_evidence (
      id INTEGER PRIMARY KEY,
      sha256 TEXT NOT NULL,
      purged_at TEXT NOT NULL,
      purged_by TEXT NOT NULL
    ) STRICT;

    -- What each exported revision carried. No cascade: an exported item can never be deleted.
    CREATE TABLE exported_evidence (
      evidence_id INTEGER NOT NULL REFERENCES evidence(id),
      case_id INTEGER NOT NULL REFERENCES cases(id),
      revision INTEGER NOT NULL,
      PRIMARY KEY (evidence_id, case_id, revision)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO exported_evidence (evidence_id, case_id, revision)
      SELECT ce.evidence_id, ce.case_id, 1 FROM case_evidence ce WHERE EXISTS (SELECT 1 FROM case_exports x WHERE x.case_id = ce.case_id);

    DROP VIEW search_channel_rows;
    DROP VIEW search_evidence_rows;
    CREATE VIEW search_channel_rows AS
      SELECT c.id * 4 AS rowid, c.title || ' ' || coalesce(c.handle, '') AS title, c.canonical_url || ' ' || c.notes || ' ' || c.category AS body,
             'xp' || hex(c.platform) || ' xs' || hex(c.status) || ' xc' || hex(c.category) || iif(c.excluded_at IS NULL, '', ' xe31') AS facets,
             c.id AS channel_id
      FROM channels c;
    CREATE VIEW search_evidence_rows AS
      SELECT e.id * 4 + 1 AS rowid, e.original_name AS title, e.notes || ' ' || coalesce(e.source_url, '') || ' ' || e.sha256 AS body,
             coalesce('xp' || hex(c.platform) || ' xs' || hex(c.status) || ' xc' || hex(c.category), '') || iif(e.excluded_at IS NULL, '', ' xe31') AS facets,
             e.id AS evidence_id, e.channel_id
      FROM evidence e LEFT JOIN channels c ON c.id = e.channel_id;

    DROP TRIGGER channels_fts_update;
    CREATE TRIGGER channels_fts_update AFTER UPDATE OF title, handle, canonical_url, notes, category, status, platform, excluded_at ON channels BEGIN
      DELETE FROM search_index WHERE rowid = old.id * 4;
      INSERT INTO search_index(rowid, title, body, facets) SELECT rowid, title, body, facets FROM search_channel_rows WHERE channel_id = new.id;
    END;
    DROP TRIGGER evidence_fts_update;
    CREATE TRIGGER evidence_fts_update AFTER UPDATE OF original_name, notes, source_url, channel_id, excluded_at ON evidence BEGIN
      DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
      INSERT INTO search_index(rowid, title, body, facets) SELECT rowid, title, body, facets FROM search_evidence_rows WHERE evidence_id = new.id;
    END;
  `,
};
