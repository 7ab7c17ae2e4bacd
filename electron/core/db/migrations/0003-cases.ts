import type { Migration } from './index';

/** The signing identity, the trust roster, takedown cases and their exports. */
export const cases: Migration = {
  version: 3,
  name: 'cases',
  up: /* sql */ `
    -- One row: this vault's Ed25519 signing key (the private key never leaves the encrypted database).
    CREATE TABLE identity (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      name TEXT NOT NULL DEFAULT '',
      unit TEXT NOT NULL DEFAULT '',
      employee_id TEXT NOT NULL DEFAULT '',
      role TEXT NOT NULL DEFAULT 'analyst' CHECK (role IN ('analyst', 'supervisor')),
      public_key_pem TEXT NOT NULL,
      private_key_pem TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    -- One key may be trusted in both roles (a supervisor who also files cases): one row per role.
    CREATE TABLE trust_roster (
      fingerprint TEXT NOT NULL,
      name TEXT NOT NULL,
      unit TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('analyst', 'supervisor')),
      added_at TEXT NOT NULL,
      PRIMARY KEY (fingerprint, role)
    ) STRICT;

    CREATE TABLE cases (
      id INTEGER PRIMARY KEY,
      reference TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      platform TEXT NOT NULL,
      priority TEXT NOT NULL CHECK (priority IN ('urgent', 'normal')),
      due_at TEXT NOT NULL,
      legal_basis TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX cases_status_due ON cases(status, due_at);

    CREATE TABLE case_channels (
      case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      channel_id INTEGER NOT NULL REFERENCES channels(id),
      PRIMARY KEY (case_id, channel_id)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE case_evidence (
      case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      evidence_id INTEGER NOT NULL REFERENCES evidence(id),
      PRIMARY KEY (case_id, evidence_id)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE case_status_history (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      status TEXT NOT NULL,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE TABLE case_exports (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      file_name TEXT NOT NULL,
      tagmanifest_sha256 TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      exported_at TEXT NOT NULL
    ) STRICT;

    CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
      INSERT INTO search_index(rowid, title, body, facets) VALUES (new.id * 4 + 2, new.reference || ' ' || new.title, new.notes || ' ' || new.legal_basis, '');
    END;
    CREATE TRIGGER cases_fts_update AFTER UPDATE OF reference, title, notes, legal_basis ON cases BEGIN
      DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
      INSERT INTO search_index(rowid, title, body, facets) VALUES (new.id * 4 + 2, new.reference || ' ' || new.title, new.notes || ' ' || new.legal_basis, '');
    END;
    CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
      DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
    END;
  `,
};
