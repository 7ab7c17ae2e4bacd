import { type AuditAnchor, checkAnchor } from '../audit/anchor';
import { GENESIS_HASH, auditHead } from '../audit/audit-log';
import { JejakError } from '../errors';
import { HEADER_FILE, type VaultHeader } from './header';
import { generationOf, updateHeader } from './header-update';
import type { VaultSession } from './session';
import { dbGeneration, raiseDbGeneration, recordVaultId } from './vault-state';

/**
 * The header against the database it sits beside. Older: a copy put back (the old passphrase
 * after a change, say) and refused. The refusal is recorded at once, in the database: it is the
 * newer state, and an entry made now survives even if the right header is put back before the
 * next unlock. Newer: a crash between the two writes of a header change; the database catches up.
 * A version 1 header (before MACs) is sealed here, on its first unlock.
 */
export function checkGeneration(session: VaultSession, method: string): void {
  const header = session.header;
  const inDb = dbGeneration(session.db);
  const inHeader = generationOf(header);
  if (inHeader < inDb) {
    session.audit({
      action: 'vault.rollback-refused',
      details: { headerGeneration: inHeader, databaseGeneration: inDb, method },
    });
    throw new JejakError(
      'VAULT_ROLLED_BACK',
      `${HEADER_FILE} is rolled back: it is generation ${inHeader}, older than the database beside it (generation ${inDb}). It is an old copy put back in place (from before a passphrase change, for example), so it was not used; the attempt is recorded in the audit log. Put the current ${HEADER_FILE} back, or ask IT.`,
    );
  }
  recordVaultId(session.db, header.vaultId);
  if (header.version === 1) {
    session.audit({ action: 'vault.header-upgraded', details: { from: 1 } });
    updateHeader(session, (draft) => ({ ...draft, audit: auditHead(session.db) }));
  } else if (inHeader > inDb) {
    raiseDbGeneration(session.db, inHeader);
  }
}

/**
 * The chain must still hold the head recorded at the last lock (a crash may leave the header
 * behind the chain, never ahead). If it does not, the vault still opens (the analyst must reach
 * the evidence) but the finding is logged, and the missing anchor stays in the header for good,
 * so every later `audit verify` reports it.
 */
export function checkAnchorAtUnlock(session: VaultSession): void {
  const header = session.header;
  if (header.version === 1) return;
  const check = checkAnchor(session.db, header.audit);
  if (!check.ok) {
    session.audit({
      action: 'audit.anchor-broken',
      details: { seq: header.audit.seq, hash: header.audit.hash, reason: check.reason },
    });
    updateHeader(session, (draft) => ({
      ...draft,
      audit: auditHead(session.db),
      auditBroken: draft.auditBroken ?? { ...header.audit, foundAt: new Date().toISOString() },
    }));
    session.anchorFinding = check;
  } else if (header.auditBroken) {
    const { foundAt: _f, ...earlier } = header.auditBroken;
    const again = checkAnchor(session.db, earlier);
    session.anchorFinding = {
      ok: false,
      anchor: earlier,
      reason: again.reason ?? `it was missing on ${header.auditBroken.foundAt}`,
    };
  }
}

export function anchorWarning(session: VaultSession): string | null {
  const f = session.anchorFinding;
  if (!f) return null;
  return `The audit log no longer holds entry ${f.anchor.seq} that ${HEADER_FILE} recorded when the vault was locked: ${f.reason}. This is recorded in the log (audit.anchor-broken) and \`jejak audit verify\` reports it.`;
}

/** The anchors the header holds, for `audit verify`. */
export function anchorsOf(header: VaultHeader): { current: AuditAnchor; broken?: AuditAnchor & { foundAt: string } } {
  if (header.version === 1) return { current: { seq: 0, hash: GENESIS_HASH } };
  return { current: header.audit, ...(header.auditBroken ? { broken: header.auditBroken } : {}) };
}
