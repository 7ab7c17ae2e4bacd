import type { Migration } from './index';

/**
 * The unit catalog: approved packages from many analysts' vaults merged into one vault.
 *
 * The merged channels and evidence are ordinary `channels` and `evidence` rows (so the channel
 * list, search and catalog screens show the merged catalog as they are); these tables say where
 * each came from:
 * - unit_packages: one row per approved package taken in (its file kept as an encrypted blob),
 *   with the case it carries, its analyst and approving supervisor, the source vault's id and the
 *   audit head it recorded, and what the unit found about that vault's chain (custody).
 * - unit_statements: the package's signed statements, in order.
 * - unit_channel_sources / unit_evidence_sources: which package (so which analyst and case)
 *   reported a channel or an evidence file, with what that package said of it.
 * - unit_items: the notice's items with their deadline (the unit's overdue count; outcomes seam).
 * - unit_analysts, unit_channel_counts, unit_vaults: counts the import keeps for the unit page.
 * - unit_custody_entries: the audit entries each package's custody excerpt carried (seq, hash, link),
 *   to decide whether a later package from the same vault extends the chain an earlier one recorded.
 * The identity's role may now be `unit` (a vault that takes packages in and signs none).
 */
export const unitCatalog: Migration = {
  version: 11,
  name: 'unit-catalog',
  up: /* sql */ `
    CREATE TABLE identity_with_unit (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      name TEXT NOT NULL DEFAULT '',
      unit TEXT NOT NULL DEFAULT '',
      employee_id TEXT NOT NULL DEFAULT '',
      role TEXT NOT NULL DEFAULT 'analyst' CHECK (role IN ('analyst', 'supervisor', 'unit')),
      public_key_pem TEXT NOT NULL,
      private_key_pem TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      created_at TEXT NOT NULL,
      age_identity TEXT,
      age_recipient TEXT
    ) STRICT;
    INSERT INTO identity_with_unit (id, name, unit, employee_id, role, public_key_pem, private_key_pem, fingerprint, created_at, age_identity, age_recipient)
      SELECT id, name, unit, employee_id, role, public_key_pem, private_key_pem, fingerprint, created_at, age_identity, age_recipient FROM identity;
    DROP TABLE identity;
    ALTER TABLE identity_with_unit RENAME TO identity;

    CREATE TABLE unit_packages (
      id INTEGER PRIMARY KEY,
      decision_sha256 TEXT NOT NULL UNIQUE,
      tagmanifest_sha256 TEXT NOT NULL,
      package_sha256 TEXT NOT NULL,
      file_name TEXT NOT NULL,
      blob_name TEXT NOT NULL REFERENCES blobs(name),
      bytes INTEGER NOT NULL,
      encrypted INTEGER NOT NULL,
      vault_id TEXT,
      reference TEXT NOT NULL,
      title TEXT NOT NULL,
      platform TEXT NOT NULL,
      priority TEXT NOT NULL,
      due_at TEXT NOT NULL,
      notice_id TEXT,
      analyst_name TEXT NOT NULL,
      analyst_unit TEXT NOT NULL,
      analyst_id TEXT NOT NULL,
      analyst_fingerprint TEXT NOT NULL,
      supervisor_name TEXT NOT NULL,
      supervisor_fingerprint TEXT NOT NULL,
      exported_at TEXT NOT NULL,
      approved_at TEXT NOT NULL,
      comment TEXT NOT NULL DEFAULT '',
      head_seq INTEGER,
      head_hash TEXT,
      custody TEXT NOT NULL CHECK (custody IN ('first', 'linked', 'sequence', 'truncated', 'forked', 'no-head')),
      custody_detail TEXT NOT NULL DEFAULT '',
      custody_other_id INTEGER REFERENCES unit_packages(id),
      imported_at TEXT NOT NULL,
      imported_by TEXT NOT NULL
    ) STRICT;
    CREATE INDEX unit_packages_vault ON unit_packages(vault_id, exported_at);
    CREATE INDEX unit_packages_analyst ON unit_packages(analyst_fingerprint);
    CREATE INDEX unit_packages_imported ON unit_packages(imported_at);
    CREATE INDEX unit_packages_custody ON unit_packages(custody) WHERE custody IN ('truncated', 'forked');

    CREATE TABLE unit_statements (
      package_id INTEGER NOT NULL REFERENCES unit_packages(id),
      seq INTEGER NOT NULL,
      role TEXT NOT NULL,
      decision TEXT NOT NULL,
      signer_name TEXT NOT NULL,
      signer_unit TEXT NOT NULL,
      signer_id TEXT NOT NULL,
      signer_fingerprint TEXT NOT NULL,
      signed_at TEXT NOT NULL,
      comment TEXT NOT NULL,
      PRIMARY KEY (package_id, seq)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE unit_channel_sources (
      channel_id INTEGER NOT NULL REFERENCES channels(id),
      package_id INTEGER NOT NULL REFERENCES unit_packages(id),
      original_url TEXT NOT NULL,
      title TEXT NOT NULL,
      category TEXT NOT NULL,
      status TEXT NOT NULL,
      first_seen TEXT NOT NULL,
      PRIMARY KEY (channel_id, package_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX unit_channel_sources_package ON unit_channel_sources(package_id, channel_id);

    CREATE TABLE unit_evidence_sources (
      evidence_id INTEGER NOT NULL REFERENCES evidence(id),
      package_id INTEGER NOT NULL REFERENCES unit_packages(id),
      file TEXT NOT NULL,
      channel_url TEXT,
      captured_at TEXT,
      taken_by TEXT NOT NULL,
      perceptual_hash TEXT,
      PRIMARY KEY (evidence_id, package_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX unit_evidence_sources_package ON unit_evidence_sources(package_id, evidence_id);

    CREATE TABLE unit_items (
      package_id INTEGER NOT NULL REFERENCES unit_packages(id),
      item_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      canonical_url TEXT NOT NULL,
      channel_id INTEGER REFERENCES channels(id),
      category TEXT NOT NULL,
      deadline TEXT NOT NULL,
      PRIMARY KEY (package_id, item_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX unit_items_deadline ON unit_items(deadline);

    -- Counts the import keeps, so the unit page reads a few rows at any size: per analyst (distinct
    -- channels and originals they reported), per channel (packages and analysts that reported it),
    -- and per source vault the audit head of its latest export seen.
    CREATE TABLE unit_analysts (
      fingerprint TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      packages INTEGER NOT NULL,
      channels INTEGER NOT NULL,
      evidence INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE unit_channel_counts (
      channel_id INTEGER PRIMARY KEY REFERENCES channels(id),
      sources INTEGER NOT NULL,
      analysts INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX unit_channel_counts_sources ON unit_channel_counts(sources DESC, channel_id);
    CREATE TABLE unit_vaults (
      vault_id TEXT PRIMARY KEY,
      packages INTEGER NOT NULL,
      last_package_id INTEGER NOT NULL REFERENCES unit_packages(id),
      last_exported_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE unit_custody_entries (
      package_id INTEGER NOT NULL REFERENCES unit_packages(id),
      seq INTEGER NOT NULL,
      hash TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      action TEXT NOT NULL,
      at TEXT NOT NULL,
      PRIMARY KEY (package_id, seq)
    ) STRICT, WITHOUT ROWID;
  `,
};
