import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { type AuditVerification, GENESIS_HASH, auditHead, verifyAudit } from './audit-log';

/** A point of the chain recorded elsewhere (the vault header, a package): seq and entry hash. */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

export interface AnchorCheck {
  ok: boolean;
  anchor: AuditAnchor;
  /** why the chain does not contain it */
  reason?: string;
}

/**
 * Whether the chain still holds this exact entry. Rows deleted from the tail leave the anchor past
 * the head; a chain rewritten with fresh hashes has another hash at its seq. Either way some
 * history that was once recorded is gone, and no one without the earlier record could tell.
 */
export function checkAnchor(db: Db, anchor: AuditAnchor): AnchorCheck {
  if (anchor.seq === 0)
    return {
      ok: anchor.hash === GENESIS_HASH,
      anchor,
      reason: anchor.hash === GENESIS_HASH ? undefined : 'entry 0 is the genesis',
    };
  const row = db.get<{ hash: string }>(sql`SELECT hash FROM audit WHERE seq = ${anchor.seq}`);
  if (!row) {
    const head = auditHead(db);
    return {
      ok: false,
      anchor,
      reason: `entry ${anchor.seq} (${anchor.hash.slice(0, 12)}…) is gone: the chain ends at entry ${head.seq}, so entries were deleted from its tail`,
    };
  }
  if (row.hash !== anchor.hash) {
    return {
      ok: false,
      anchor,
      reason: `entry ${anchor.seq} now has hash ${row.hash.slice(0, 12)}…, not ${anchor.hash.slice(0, 12)}…: the chain was rewritten`,
    };
  }
  return { ok: true, anchor };
}

export interface AnchoredVerification extends AuditVerification {
  /** the head recorded in vault.json at the last lock */
  anchor: AnchorCheck;
  /** an anchor found missing at an earlier unlock: recorded once, reported for good */
  brokenAnchor?: AuditAnchor & { foundAt: string; reason: string };
}

/** The chain recomputed from the first entry, and the anchors the vault header holds. */
export function verifyAuditAnchored(
  db: Db,
  anchors: { current: AuditAnchor; broken?: AuditAnchor & { foundAt: string } },
): AnchoredVerification {
  const chain = verifyAudit(db);
  const anchor = checkAnchor(db, anchors.current);
  const broken = anchors.broken
    ? {
        ...anchors.broken,
        reason:
          checkAnchor(db, anchors.broken).reason ?? 'it was missing when found; the chain has since been put back',
      }
    : undefined;
  return { ...chain, ok: chain.ok && anchor.ok && !broken, anchor, ...(broken ? { brokenAnchor: broken } : {}) };
}
