import type { Migration } from './index';

/**
 * evidence.pdq_dihedral: the PDQ hashes of a picture's rotated and mirrored copies (see
 * evidence/pdq-dihedral-column.ts), so that a hash list imported after intake matches them as
 * intake does. They need the picture itself, so every item with a PDQ is queued for the
 * background queue's `hashes` job again (it fills the column in and checks the lists again).
 */
export const pdqDihedral: Migration = {
  version: 12,
  name: 'pdq-dihedral',
  up: /* sql */ `
    ALTER TABLE evidence ADD COLUMN pdq_dihedral BLOB CHECK (pdq_dihedral IS NULL OR length(pdq_dihedral) = 224);
    INSERT INTO background_jobs (kind, evidence_id, queued_at)
      SELECT 'hashes', id, strftime('%Y-%m-%dT%H:%M:%fZ') FROM evidence WHERE pdq IS NOT NULL ORDER BY id
      ON CONFLICT (kind, evidence_id) DO UPDATE SET state = 'pending', error = NULL, finished_at = NULL;
  `,
};
