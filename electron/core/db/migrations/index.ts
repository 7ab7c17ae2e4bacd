import { JejakError } from '../../errors';
import type { Db } from '../database';
import { init } from './0001-init';
import { catalog } from './0002-catalog';
import { cases } from './0003-cases';
import { workflow } from './0004-workflow';
import { notice } from './0005-notice';
import { decisions } from './0006-decisions';
import { ageKeys } from './0007-age-keys';
import { outcomes } from './0008-outcomes';
import { seen } from './0009-seen';
import { pageIndexes } from './0010-page-indexes';
import { unitCatalog } from './0011-unit';
import { pdqDihedral } from './0012-pdq-dihedral';
import { unitOutcomes } from './0013-unit-outcomes';
import { catalogCounts } from './0014-catalog-counts';
import { searchTerms } from './0015-search-terms';
import { channelEvidenceCounts } from './0016-channel-evidence-counts';
import { blobCrc32 } from './0017-blob-crc32';
import { thumbnailBytes } from './0018-thumbnail-bytes';
import { noticeItemsRecorded } from './0019-notice-items-recorded';

export interface Migration {
  version: number;
  name: string;
  up: string | ((db: Db) => void);
}

/** Append only: a released migration is never edited, a change is a new number. */
export const migrations: Migration[] = [
  init,
  catalog,
  cases,
  workflow,
  notice,
  decisions,
  ageKeys,
  outcomes,
  seen,
  pageIndexes,
  unitCatalog,
  pdqDihedral,
  unitOutcomes,
  catalogCounts,
  searchTerms,
  channelEvidenceCounts,
  blobCrc32,
  thumbnailBytes,
  noticeItemsRecorded,
];

export const LATEST_VERSION = migrations.length;

/** Brings the database to `target` (the latest unless a migration test stops earlier). */
export function migrate(db: Db, target = LATEST_VERSION): void {
  const current = db.raw.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) {
    throw new JejakError(
      'VAULT_FROM_FUTURE',
      `This vault's database is at version ${current}, made by a newer Jejak; this version knows up to ${LATEST_VERSION}. Update Jejak to open it.`,
    );
  }
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return;
  db.tx(() => {
    for (const m of pending) {
      if (typeof m.up === 'string') db.raw.exec(m.up);
      else m.up(db);
      db.raw.pragma(`user_version = ${m.version}`);
    }
  });
}
