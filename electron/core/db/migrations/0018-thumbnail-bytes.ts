import type { Migration } from './index';

/**
 * evidence_thumbnails: the bytes of each thumbnail made from now on, out of the evidence row
 * (evidence.thumbnail_type stays, and says whether there is one). A thumbnail of a few KiB made
 * each evidence row fill a page of its own, so whatever visits many rows read a page per row: the
 * foreign-key check of a 20,000-item export's notice record read 20,000 pages, more than the page
 * cache holds, on the app's thread in the export's last transaction. A purged item's thumbnail
 * goes with it (CASCADE).
 *
 * Thumbnails made before stay in evidence.thumbnail: moving them would not give their rows their
 * pages back (SQLite leaves a shrunk row where it was; a 20,000-item vault's evidence kept its
 * 20,000 pages and its file grew by 40 MB), and only VACUUM, which copies the whole database
 * through memory (temp_store is MEMORY, so no plaintext reaches a temporary file), would.
 */
export const thumbnailBytes: Migration = {
  version: 18,
  name: 'thumbnail-bytes',
  up: /* sql */ `
    CREATE TABLE evidence_thumbnails (
      evidence_id INTEGER PRIMARY KEY REFERENCES evidence(id) ON DELETE CASCADE,
      bytes BLOB NOT NULL
    ) STRICT;
  `,
};
