import type { Migration } from './index';

/**
 * Channels, evidence, tags and the search index. The search index is one FTS5 table over
 * channels, evidence and (later) cases, kept in step by triggers from the two views that say what
 * each row holds; its rowid encodes kind and id (id * 4 + kind) so a trigger can replace one row
 * without a scan.
 */
export const catalog: Migration = {
  version: 2,
  name: 'catalog',
  up: /* sql */ `
    CREATE TABLE channels (
      id INTEGER PRIMARY KEY,
      platform TEXT NOT NULL,
      kind TEXT NOT NULL,
      key TEXT NOT NULL UNIQUE,
      canonical_url TEXT NOT NULL,
      handle TEXT,
      title TEXT NOT NULL DEFAULT '',
      category TEXT NOT NULL,
      status TEXT NOT NULL,
      subscriber_count INTEGER,
      subscriber_seen_at TEXT,
      first_seen TEXT NOT NULL,
      last_seen TEXT NOT NULL,
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX channels_created ON channels(created_at);
    CREATE INDEX channels_title ON channels(title COLLATE NOCASE);
    CREATE INDEX channels_status ON channels(status, created_at);
    CREATE INDEX channels_category ON channels(category, created_at);
    CREATE INDEX channels_platform ON channels(platform, created_at);
    CREATE INDEX channels_last_seen ON channels(last_seen);

    -- Every URL an analyst entered for a channel, exactly as entered.
    CREATE TABLE channel_urls (
      id INTEGER PRIMARY KEY,
      channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
      url TEXT NOT NULL,
      post_id TEXT,
      added_at TEXT NOT NULL,
      UNIQUE (channel_id, url)
    ) STRICT;

    CREATE TABLE channel_status_history (
      id INTEGER PRIMARY KEY,
      channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
      status TEXT NOT NULL,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX channel_status_history_channel ON channel_status_history(channel_id, at);

    CREATE TABLE tags (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE
    ) STRICT;
    CREATE TABLE channel_tags (
      channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags(id),
      PRIMARY KEY (channel_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX channel_tags_tag ON channel_tags(tag_id, channel_id);

    CREATE TABLE evidence (
      id INTEGER PRIMARY KEY,
      blob_name TEXT NOT NULL REFERENCES blobs(name),
      sha256 TEXT NOT NULL UNIQUE,
      sha512 TEXT NOT NULL,
      size INTEGER NOT NULL,
      media_type TEXT NOT NULL,
      original_name TEXT NOT NULL DEFAULT '',
      width INTEGER,
      height INTEGER,
      exif TEXT,
      phash TEXT,
      thumbnail BLOB,
      thumbnail_type TEXT,
      problems TEXT NOT NULL DEFAULT '[]',
      captured_at TEXT,
      captured_at_source TEXT,
      intake_at TEXT NOT NULL,
      taken_by TEXT NOT NULL,
      source_url TEXT,
      post_url TEXT,
      channel_id INTEGER REFERENCES channels(id) ON DELETE SET NULL,
      near_duplicate_of INTEGER REFERENCES evidence(id) ON DELETE SET NULL,
      notes TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX evidence_channel ON evidence(channel_id, intake_at);
    CREATE INDEX evidence_intake ON evidence(intake_at);
    CREATE INDEX evidence_captured ON evidence(captured_at);

    CREATE TABLE evidence_tags (
      evidence_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags(id),
      PRIMARY KEY (evidence_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX evidence_tags_tag ON evidence_tags(tag_id, evidence_id);

    -- facets: one token per platform, status and category (of the item's channel for evidence),
    -- so a filtered search is an intersection of posting lists inside FTS5 instead of a lookup
    -- per match. Tokens are 'xp'/'xs'/'xc' + hex of the value: letters and digits only.
    CREATE VIRTUAL TABLE search_index USING fts5(title, body, facets, tokenize = 'unicode61 remove_diacritics 2');

    CREATE VIEW search_channel_rows AS
      SELECT c.id * 4 AS rowid, c.title || ' ' || coalesce(c.handle, '') AS title, c.canonical_url || ' ' || c.notes || ' ' || c.category AS body,
             'xp' || hex(c.platform) || ' xs' || hex(c.status) || ' xc' || hex(c.category) AS facets, c.id AS channel_id
      FROM channels c;
    CREATE VIEW search_evidence_rows AS
      SELECT e.id * 4 + 1 AS rowid, e.original_name AS title, e.notes || ' ' || coalesce(e.source_url, '') || ' ' || e.sha256 AS body,
             coalesce('xp' || hex(c.platform) || ' xs' || hex(c.status) || ' xc' || hex(c.category), '') AS facets, e.id AS evidence_id, e.channel_id
      FROM evidence e LEFT JOIN channels c ON c.id = e.channel_id;

    CREATE TRIGGER channels_fts_insert AFTER INSERT ON channels BEGIN
      INSERT INTO search_index(rowid, title, body, facets) SELECT rowid, title, body, facets FROM search_channel_rows WHERE channel_id = new.id;
    END;
    CREATE TRIGGER channels_fts_update AFTER UPDATE OF title, handle, canonical_url, notes, category, status, platform ON channels BEGIN
      DELETE FROM search_index WHERE rowid = old.id * 4;
      INSERT INTO search_index(rowid, title, body, facets) SELECT rowid, title, body, facets FROM search_channel_rows WHERE channel_id = new.id;
    END;
    -- A channel's facets are its evidence's facets too.
    CREATE TRIGGER channels_fts_evidence_facets AFTER UPDATE OF category, status, platform ON channels BEGIN
      DELETE FROM search_index WHERE rowid IN (SELECT id * 4 + 1 FROM evidence WHERE channel_id = new.id);
      INSERT INTO search_index(rowid, title, body, facets) SELECT rowid, title, body, facets FROM search_evidence_rows WHERE channel_id = new.id;
    END;
    CREATE TRIGGER channels_fts_delete AFTER DELETE ON channels BEGIN
      DELETE FROM search_index WHERE rowid = old.id * 4;
    END;

    CREATE TRIGGER evidence_fts_insert AFTER INSERT ON evidence BEGIN
      INSERT INTO search_index(rowid, title, body, facets) SELECT rowid, title, body, facets FROM search_evidence_rows WHERE evidence_id = new.id;
    END;
    CREATE TRIGGER evidence_fts_update AFTER UPDATE OF original_name, notes, source_url, channel_id ON evidence BEGIN
      DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
      INSERT INTO search_index(rowid, title, body, facets) SELECT rowid, title, body, facets FROM search_evidence_rows WHERE evidence_id = new.id;
    END;
    CREATE TRIGGER evidence_fts_delete AFTER DELETE ON evidence BEGIN
      DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
    END;
  `,
};
