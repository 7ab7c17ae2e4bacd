import type { Migration } from './index';

/** Statuses that close an item: the platform answered (or the analyst saw it gone). */
const FINAL = `('removed', 'restricted', 'not-actioned', 'already-gone')`;

/**
 * What happened to each item of a notice after it was sent.
 *
 * - notices / notice_items / notice_item_evidence: the items of each exported notice as it listed
 *   them (written by the export), with the catalog rows they stand for, so a response's itemIds
 *   can be checked and outcomes counted per platform, category and week without the package.
 * - case_responses: each jejak-response/1 file taken in, kept as an encrypted blob.
 * - item_outcomes: one row per answer or observation; an item's outcome is its latest row (by the
 *   time it happened), its time to action the first final row.
 * - reappearances: a channel or evidence item that matches one already taken down, with the case.
 * - case_items: the items of each case's latest notice with their current and first final
 *   outcome: what the case page, the overdue counts and a transparency report read.
 */
export const outcomes: Migration = {
  version: 8,
  name: 'outcomes',
  up: /* sql */ `
    CREATE INDEX case_exports_case ON case_exports(case_id, id);

    CREATE TABLE notices (
      export_id INTEGER PRIMARY KEY REFERENCES case_exports(id),
      case_id INTEGER NOT NULL REFERENCES cases(id),
      notice_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      issued_at TEXT NOT NULL,
      deadline TEXT NOT NULL
    ) STRICT;
    CREATE INDEX notices_case ON notices(case_id);

    CREATE TABLE notice_items (
      export_id INTEGER NOT NULL REFERENCES notices(export_id),
      item_id TEXT NOT NULL,
      case_id INTEGER NOT NULL REFERENCES cases(id),
      position INTEGER NOT NULL,
      kind TEXT NOT NULL,
      parent_item_id TEXT,
      platform TEXT NOT NULL,
      -- the notice's fixed category (jejak-notice/1), not the unit's own word
      category TEXT NOT NULL,
      canonical_url TEXT NOT NULL,
      title TEXT NOT NULL,
      username TEXT,
      numeric_id TEXT,
      -- the channel the item is (or, for a post, the channel it was posted in)
      channel_id INTEGER REFERENCES channels(id),
      PRIMARY KEY (export_id, item_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX notice_items_case ON notice_items(case_id, item_id);
    CREATE INDEX notice_items_channel ON notice_items(channel_id);

    CREATE TABLE notice_item_evidence (
      export_id INTEGER NOT NULL,
      item_id TEXT NOT NULL,
      evidence_id INTEGER NOT NULL REFERENCES evidence(id),
      PRIMARY KEY (export_id, item_id, evidence_id),
      FOREIGN KEY (export_id, item_id) REFERENCES notice_items(export_id, item_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX notice_item_evidence_evidence ON notice_item_evidence(evidence_id);

    CREATE TABLE case_responses (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id),
      export_id INTEGER NOT NULL REFERENCES case_exports(id),
      notice_id TEXT NOT NULL,
      responder TEXT NOT NULL,
      responded_at TEXT NOT NULL,
      items INTEGER NOT NULL,
      file_name TEXT NOT NULL,
      -- SHA-256 of the file's bytes: the same file taken in again changes nothing
      sha256 TEXT NOT NULL,
      blob_name TEXT NOT NULL REFERENCES blobs(name),
      bytes INTEGER NOT NULL,
      received_at TEXT NOT NULL,
      received_by TEXT NOT NULL,
      UNIQUE (case_id, sha256)
    ) STRICT;

    CREATE TABLE item_outcomes (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id),
      item_id TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('response', 'observation')),
      status TEXT NOT NULL,
      final INTEGER GENERATED ALWAYS AS (status IN ${FINAL}) VIRTUAL,
      -- when the platform acted, or when the analyst looked (UTC)
      at TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      ticket TEXT NOT NULL DEFAULT '',
      response_id INTEGER REFERENCES case_responses(id),
      evidence_id INTEGER REFERENCES evidence(id) ON DELETE SET NULL,
      note TEXT NOT NULL DEFAULT '',
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL,
      CHECK ((source = 'response' AND response_id IS NOT NULL AND status IN ${FINAL})
        OR (source = 'observation' AND response_id IS NULL AND status IN ('still-online', 'removed', 'reappeared')))
    ) STRICT;
    CREATE INDEX item_outcomes_item ON item_outcomes(case_id, item_id, at);
    -- what a new channel or picture is matched against (core/outcomes/reappearances.ts)
    CREATE INDEX item_outcomes_down ON item_outcomes(case_id, item_id) WHERE status IN ('removed', 'restricted', 'already-gone');

    CREATE TABLE reappearances (
      id INTEGER PRIMARY KEY,
      channel_id INTEGER REFERENCES channels(id),
      evidence_id INTEGER REFERENCES evidence(id) ON DELETE CASCADE,
      match TEXT NOT NULL CHECK (match IN ('handle', 'title', 'numeric-id', 'link', 'sha256', 'near-duplicate')),
      -- Hamming distance of the perceptual hashes, for a near duplicate
      distance INTEGER,
      earlier_case_id INTEGER NOT NULL REFERENCES cases(id),
      earlier_item_id TEXT NOT NULL,
      earlier_channel_id INTEGER REFERENCES channels(id),
      earlier_evidence_id INTEGER REFERENCES evidence(id),
      flagged_at TEXT NOT NULL,
      CHECK ((channel_id IS NULL) <> (evidence_id IS NULL))
    ) STRICT;
    CREATE UNIQUE INDEX reappearances_once
      ON reappearances(coalesce(channel_id, 0), coalesce(evidence_id, 0), earlier_case_id, earlier_item_id, match);
    CREATE INDEX reappearances_channel ON reappearances(channel_id);
    CREATE INDEX reappearances_evidence ON reappearances(evidence_id);

    CREATE VIEW case_items AS
      SELECT i.case_id, i.item_id, i.position, i.kind, i.parent_item_id, i.platform, i.category, i.canonical_url,
             i.title, i.username, i.numeric_id, i.channel_id, n.export_id, n.notice_id, n.issued_at, n.deadline,
             cur.status AS outcome, cur.source AS outcome_source, cur.at AS outcome_at, coalesce(cur.final, 0) AS final,
             ff.status AS action, ff.at AS acted_at
      FROM notices n
      JOIN notice_items i ON i.export_id = n.export_id
      LEFT JOIN item_outcomes cur ON cur.id = (SELECT o.id FROM item_outcomes o
        WHERE o.case_id = i.case_id AND o.item_id = i.item_id ORDER BY o.at DESC, o.id DESC LIMIT 1)
      LEFT JOIN item_outcomes ff ON ff.id = (SELECT o.id FROM item_outcomes o
        WHERE o.case_id = i.case_id AND o.item_id = i.item_id AND o.final ORDER BY o.at, o.id LIMIT 1)
      WHERE n.export_id = (SELECT max(x.id) FROM case_exports x WHERE x.case_id = n.case_id);
  `,
};
