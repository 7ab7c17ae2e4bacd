import type { Migration } from './index';

/**
 * The supervisor's decisions as received: each row keeps the countersigned package itself (an
 * encrypted blob, so it can be handed over again), who signed what and when, and the per-file
 * review mapped back to the case's evidence and channels. A statement is received once.
 */
export const decisions: Migration = {
  version: 6,
  name: 'decisions',
  up: /* sql */ `
    CREATE TABLE case_decisions (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id),
      revision INTEGER NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('approved', 'returned')),
      comment TEXT NOT NULL,
      signer_name TEXT NOT NULL,
      signer_unit TEXT NOT NULL,
      signer_fingerprint TEXT NOT NULL,
      signed_at TEXT NOT NULL,
      -- SHA-256 of the decision's statement file: the same decision re-zipped is still the same
      statement_sha256 TEXT NOT NULL UNIQUE,
      tagmanifest_sha256 TEXT NOT NULL,
      file_name TEXT NOT NULL,
      blob_name TEXT NOT NULL REFERENCES blobs(name),
      package_sha256 TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      received_at TEXT NOT NULL,
      received_by TEXT NOT NULL
    ) STRICT;
    CREATE INDEX case_decisions_case ON case_decisions(case_id);

    CREATE TABLE case_decision_items (
      decision_id INTEGER NOT NULL REFERENCES case_decisions(id),
      file TEXT NOT NULL,
      verdict TEXT NOT NULL CHECK (verdict IN ('ok', 'problem')),
      comment TEXT NOT NULL,
      evidence_id INTEGER REFERENCES evidence(id),
      channel_id INTEGER REFERENCES channels(id),
      PRIMARY KEY (decision_id, file)
    ) STRICT, WITHOUT ROWID;
  `,
};
