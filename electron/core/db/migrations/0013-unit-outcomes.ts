import type { Migration } from './index';

/**
 * What became of the items a unit catalog holds. A platform answers a notice with a
 * jejak-response/1 file quoting the notice id and item ids, which are the same in the analyst's
 * vault and in every package of the case; the records desk takes that file in too, so the unit's
 * transparency report counts outcomes, not only what was reported.
 *
 * - unit_responses: each response file taken in, kept as an encrypted blob (once per SHA-256).
 * - unit_outcomes: one row per answer; an item's time to action is its first final answer.
 * - unit_report_items: the items of the latest approved package of each notice, with that first
 *   final answer: what the unit's transparency report counts.
 */
export const unitOutcomes: Migration = {
  version: 13,
  name: 'unit-outcomes',
  up: /* sql */ `
    CREATE TABLE unit_responses (
      id INTEGER PRIMARY KEY,
      notice_id TEXT NOT NULL,
      responder TEXT NOT NULL,
      responded_at TEXT NOT NULL,
      items INTEGER NOT NULL,
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL UNIQUE,
      blob_name TEXT NOT NULL REFERENCES blobs(name),
      bytes INTEGER NOT NULL,
      received_at TEXT NOT NULL,
      received_by TEXT NOT NULL
    ) STRICT;

    CREATE TABLE unit_outcomes (
      id INTEGER PRIMARY KEY,
      notice_id TEXT NOT NULL,
      item_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('removed', 'restricted', 'not-actioned', 'already-gone')),
      at TEXT NOT NULL,
      reason TEXT NOT NULL,
      ticket TEXT NOT NULL,
      response_id INTEGER NOT NULL REFERENCES unit_responses(id)
    ) STRICT;
    CREATE UNIQUE INDEX unit_outcomes_once ON unit_outcomes(notice_id, item_id, status, at, ticket, reason);
    CREATE INDEX unit_outcomes_item ON unit_outcomes(notice_id, item_id, at);
    CREATE INDEX unit_packages_notice ON unit_packages(notice_id, exported_at);

    CREATE VIEW unit_report_items AS
      SELECT p.id AS package_id, p.notice_id, i.item_id, p.platform, i.category, p.exported_at AS issued_at,
             ff.status AS action, ff.at AS acted_at
      FROM unit_packages p
      JOIN unit_items i ON i.package_id = p.id
      LEFT JOIN unit_outcomes ff ON ff.id = (SELECT o.id FROM unit_outcomes o
        WHERE o.notice_id = p.notice_id AND o.item_id = i.item_id ORDER BY o.at, o.id LIMIT 1)
      WHERE p.id = (SELECT q.id FROM unit_packages q WHERE q.notice_id = p.notice_id
        ORDER BY q.exported_at DESC, q.id DESC LIMIT 1);
  `,
};
