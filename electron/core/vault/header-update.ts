import { auditHead } from '../audit/audit-log';
import type { Db } from '../db/database';
import {
  HEADER_VERSION,
  type SealedHeader,
  type UnsealedHeader,
  type VaultHeader,
  readHeader,
  writeHeader,
} from './header';
import { sealHeader, verifyHeaderMac } from './header-mac';
import type { VaultSession } from './session';
import { dbGeneration, raiseDbGeneration } from './vault-state';

/** What a change may touch: everything but the version, the generation and the MAC. */
export type HeaderDraft = Omit<UnsealedHeader, 'version' | 'generation'>;

function draftOf(header: VaultHeader, db: Db): HeaderDraft {
  if (header.version === 1) {
    const { version: _v, ...rest } = header;
    return { ...rest, audit: auditHead(db) };
  }
  const { version: _v, generation: _g, mac: _m, ...rest } = header;
  return rest;
}

export function generationOf(header: VaultHeader): number {
  return header.version === 1 ? 0 : header.generation;
}

/**
 * Header first, database second: a crash in between leaves the header one generation ahead,
 * which the next unlock brings the database up to. The reverse order could leave a genuine header
 * behind its database, indistinguishable from a restored old copy.
 */
export function commitHeader(
  dir: string,
  db: Db,
  draft: HeaderDraft,
  master: Buffer,
  generation: number,
): SealedHeader {
  const sealed = sealHeader({ ...draft, version: HEADER_VERSION, generation }, master);
  writeHeader(dir, sealed);
  raiseDbGeneration(db, generation);
  return sealed;
}

/**
 * Rewrites the header from the one on disk (another process may have changed it since this
 * session opened), checked against this session's master key, one generation past both it and
 * the database.
 */
export function updateHeader(session: VaultSession, change: (draft: HeaderDraft) => HeaderDraft): SealedHeader {
  const disk = readHeader(session.dir);
  verifyHeaderMac(disk, session.masterKey());
  const generation = Math.max(generationOf(disk), dbGeneration(session.db)) + 1;
  const sealed = commitHeader(
    session.dir,
    session.db,
    change(draftOf(disk, session.db)),
    session.masterKey(),
    generation,
  );
  session.header = sealed;
  return sealed;
}
