import type { Migration } from './index';

/**
 * Undo and exclusion: channels and evidence can be excluded with a reason (kept, hidden, restorable),
 * cases carry a revision, deleted cases and purged items keep their reference and number out of
 * reuse, and every evidence item that ever left in a package is recorded so it can never be purged.
 *
 * An exclusion (excluded_at, excluded_by, exclusion_reason) is a row of its own keyed by the item's
 * id, not three columns on the item: adding a column to a STRICT table makes SQLite check every
 * existing row (pragma quick_check, once per column), which took minutes on a million evidence
 * rows. The excluded ids are few, so lists test ids against them without reading the item rows.
 *
 * Search: an excluded row stays in the index with one more facet token, 'xe31' ('xe' + hex of "1",
 * see facetToken in search/fts-query.ts), which the search ANDs away with NOT; the two views that
 * say what each row holds are replaced, and an exclusion or restore rewrites that row.
 */
export const workflow: Migration = {
  version: 4,
  name: 'workflow',
  up: /* sql */ `
    CREATE TABLE channel_exclusions (
      channel_id INTEGER PRIMARY KEY REFERENCES channels(id) ON DELETE CASCADE,
      excluded_at TEXT NOT NULL,
      excluded_by TEXT NOT NULL,
      exclusion_reason TEXT NOT NULL
    ) STRICT;
    CREATE TABLE evidence_exclusions (
      evidence_id INTEGER PRIMARY KEY REFERENCES evidence(id) ON DELETE CASCADE,
      excluded_at TEXT NOT NULL,
      excluded_by TEXT NOT NULL,
      exclusion_reason TEXT NOT NULL
    ) STRICT;

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
             'xp' || hex(c.platform) || ' xs' || hex(c.status) || ' xc' || hex(c.category)
               || iif(EXISTS (SELECT 1 FROM channel_exclusions x WHERE x.channel_id = c.id), ' xe31', '') AS facets,
             c.id AS channel_id
      FROM channels c;
    CREATE VIEW search_evidence_rows AS
      SELECT e.id * 4 + 1 AS rowid, e.original_name AS title, e.notes || ' ' || coalesce(e.source_url, '') || ' ' || e.sha256 AS body,
             coalesce('xp' || hex(c.platform) || ' xs' || hex(c.status) || ' xc' || hex(c.category), '')
               || iif(EXISTS (SELECT 1 FROM evidence_exclusions x WHERE x.evidence_id = e.id), ' xe31', '') AS facets,
             e.id AS evidence_id, e.channel_id
      FROM evidence e LEFT JOIN channels c ON c.id = e.channel_id;

    CREATE TRIGGER channel_exclusions_fts_insert AFTER INSERT ON channel_exclusions BEGIN
      DELETE FROM search_index WHERE rowid = new.channel_id * 4;
      INSERT INTO search_index(rowid, title, body, facets) SELECT rowid, title, body, facets FROM search_channel_rows WHERE channel_id = new.channel_id;
    END;
    CREATE TRIGGER channel_exclusions_fts_delete AFTER DELETE ON channel_exclusions BEGIN
      DELETE FROM search_index WHERE rowid = old.channel_id * 4;
      INSERT INTO search_index(rowid, title, body, facets) SELECT rowid, title, body, facets FROM search_channel_rows WHERE channel_id = old.channel_id;
    END;
    CREATE TRIGGER evidence_exclusions_fts_insert AFTER INSERT ON evidence_exclusions BEGIN
      DELETE FROM search_index WHERE rowid = new.evidence_id * 4 + 1;
      INSERT INTO search_index(rowid, title, body, facets) SELECT rowid, title, body, facets FROM search_evidence_rows WHERE evidence_id = new.evidence_id;
    END;
    CREATE TRIGGER evidence_exclusions_fts_delete AFTER DELETE ON evidence_exclusions BEGIN
      DELETE FROM search_index WHERE rowid = old.evidence_id * 4 + 1;
      INSERT INTO search_index(rowid, title, body, facets) SELECT rowid, title, body, facets FROM search_evidence_rows WHERE evidence_id = old.evidence_id;
    END;
  `,
};
