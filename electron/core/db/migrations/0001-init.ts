import type { Migration } from './index';

export const init: Migration = {
  version: 1,
  name: 'init',
  up: /* sql */ `
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    -- Append-only, hash-chained: each entry's hash covers the canonical JSON of the whole row
    -- including the previous entry's hash.
    CREATE TABLE audit (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      subject_type TEXT,
      subject_id TEXT,
      details TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL UNIQUE
    ) STRICT;
    CREATE INDEX audit_subject ON audit(subject_type, subject_id);
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

    -- One row per stored original; evidence rows point here. The blob file commits before its row.
    CREATE TABLE blobs (
      name TEXT PRIMARY KEY,
      sha256 TEXT NOT NULL UNIQUE,
      sha512 TEXT NOT NULL,
      size INTEGER NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
  `,
};
