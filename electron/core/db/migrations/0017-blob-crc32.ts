import type { Migration } from './index';

/**
 * blobs.crc32: each original's CRC-32, taken at intake with its hashes. A ZIP entry's local header
 * holds its CRC before its bytes, so with the CRC known an export can write the ZIP front to back,
 * straight into an age file, with no scratch copy to go back into. Originals stored before this
 * have none (NULL): an encrypted export computes theirs once and records it here.
 */
export const blobCrc32: Migration = {
  version: 17,
  name: 'blob-crc32',
  up: /* sql */ `
    ALTER TABLE blobs ADD COLUMN crc32 INTEGER CHECK (crc32 IS NULL OR crc32 BETWEEN 0 AND 4294967295);
  `,
};
