import type { Migration } from './index';

/** The pictures OCR reads and PDQ hashes (media/sniff.ts isRenderableImage). */
const IMAGES = `('image/png', 'image/jpeg', 'image/webp', 'image/gif')`;

/** The evidence row of the search index, now with the text read inside the picture. */
const EVIDENCE_ROW = `
      DELETE FROM search_index WHERE rowid = %ID% * 4 + 1;
      INSERT INTO search_index(rowid, title, body, facets) SELECT rowid, title, body, facets FROM search_evidence_rows WHERE evidence_id = %ID%;`;

/**
 * What Jejak already knows of a picture: the text inside it, its industry perceptual hash, and
 * the lists of known material it is on.
 *
 * - evidence.pdq / pdq_quality: Meta's PDQ hash (hex) and quality, taken at intake for images;
 *   evidence.md5: for hash lists that name MD5 only.
 * - background_jobs: slow per-item work (OCR, hashes of items taken in before this migration)
 *   done after the original is safe; a row stays pending until its result is written, so a lock
 *   or a restart resumes where it stopped. Items already in the vault are queued here.
 * - evidence_text: the text OCR read in a picture, searchable through search_index (the body of
 *   the evidence row).
 * - hash_lists / hash_list_entries / hash_list_matches: imported lists of known material and the
 *   items that match an entry (exact SHA-256 or MD5; PDQ with its distance).
 * - indexes to find the other cases a channel or item is in ("seen before").
 */
export const seen: Migration = {
  version: 9,
  name: 'seen',
  up: /* sql */ `
    ALTER TABLE evidence ADD COLUMN pdq TEXT;
    ALTER TABLE evidence ADD COLUMN pdq_quality INTEGER;
    ALTER TABLE evidence ADD COLUMN md5 TEXT;
    CREATE INDEX evidence_md5 ON evidence(md5) WHERE md5 IS NOT NULL;

    CREATE TABLE background_jobs (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('ocr', 'hashes')),
      evidence_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
      error TEXT,
      queued_at TEXT NOT NULL,
      finished_at TEXT,
      UNIQUE (kind, evidence_id)
    ) STRICT;
    CREATE INDEX background_jobs_pending ON background_jobs(state, id);
    INSERT INTO background_jobs (kind, evidence_id, queued_at)
      SELECT 'hashes', id, strftime('%Y-%m-%dT%H:%M:%fZ') FROM evidence ORDER BY id;
    INSERT INTO background_jobs (kind, evidence_id, queued_at)
      SELECT 'ocr', id, strftime('%Y-%m-%dT%H:%M:%fZ') FROM evidence WHERE media_type IN ${IMAGES} ORDER BY id;

    CREATE TABLE evidence_text (
      evidence_id INTEGER PRIMARY KEY REFERENCES evidence(id) ON DELETE CASCADE,
      text TEXT NOT NULL,
      languages TEXT NOT NULL,
      recognised_at TEXT NOT NULL
    ) STRICT;

    DROP VIEW search_evidence_rows;
    CREATE VIEW search_evidence_rows AS
      SELECT e.id * 4 + 1 AS rowid, e.original_name AS title,
             e.notes || ' ' || coalesce(e.source_url, '') || ' ' || e.sha256
               || coalesce(' ' || (SELECT t.text FROM evidence_text t WHERE t.evidence_id = e.id), '') AS body,
             coalesce('xp' || hex(c.platform) || ' xs' || hex(c.status) || ' xc' || hex(c.category), '')
               || iif(EXISTS (SELECT 1 FROM evidence_exclusions x WHERE x.evidence_id = e.id), ' xe31', '') AS facets,
             e.id AS evidence_id, e.channel_id
      FROM evidence e LEFT JOIN channels c ON c.id = e.channel_id;
    CREATE TRIGGER evidence_text_fts_insert AFTER INSERT ON evidence_text BEGIN${EVIDENCE_ROW.replaceAll('%ID%', 'new.evidence_id')}
    END;
    CREATE TRIGGER evidence_text_fts_update AFTER UPDATE ON evidence_text BEGIN${EVIDENCE_ROW.replaceAll('%ID%', 'new.evidence_id')}
    END;
    CREATE TRIGGER evidence_text_fts_delete AFTER DELETE ON evidence_text BEGIN${EVIDENCE_ROW.replaceAll('%ID%', 'old.evidence_id')}
    END;

    CREATE TABLE hash_lists (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      source TEXT NOT NULL DEFAULT '',
      list_date TEXT,
      file_sha256 TEXT NOT NULL,
      entries INTEGER NOT NULL,
      imported_at TEXT NOT NULL,
      imported_by TEXT NOT NULL
    ) STRICT;
    CREATE TABLE hash_list_entries (
      id INTEGER PRIMARY KEY,
      list_id INTEGER NOT NULL REFERENCES hash_lists(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('sha256', 'md5', 'pdq')),
      value TEXT NOT NULL,
      label TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX hash_list_entries_value ON hash_list_entries(kind, value);
    CREATE INDEX hash_list_entries_list ON hash_list_entries(list_id);
    CREATE TABLE hash_list_matches (
      id INTEGER PRIMARY KEY,
      evidence_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
      list_id INTEGER NOT NULL REFERENCES hash_lists(id) ON DELETE CASCADE,
      entry_id INTEGER NOT NULL REFERENCES hash_list_entries(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('sha256', 'md5', 'pdq')),
      -- Hamming distance of the PDQ hashes; 0 for an exact match
      distance INTEGER NOT NULL,
      flagged_at TEXT NOT NULL,
      UNIQUE (evidence_id, entry_id)
    ) STRICT;
    CREATE INDEX hash_list_matches_list ON hash_list_matches(list_id, evidence_id);

    -- "seen before": the other cases a channel or an evidence item is in (core/cases/seen-before.ts)
    CREATE INDEX case_channels_channel ON case_channels(channel_id);
    CREATE INDEX case_evidence_evidence ON case_evidence(evidence_id);
  `,
};
