import { join } from 'node:path';
import { appendAudit, type AuditEntry, type AuditInput } from '../audit/audit-log';
import type { Db } from '../db/database';
import { BlobStore } from './blob-store';
import type { VaultHeader } from './header';
import { type VaultKeys, wipeKeys } from './keys';

export const DATABASE_FILE = 'jejak.db';
export const BLOBS_DIR = 'blobs';

/**
 * An unlocked vault: the open database, the blob store and the keys. `close()` is the only way
 * out, and it drops every key; nothing else keeps a reference to them.
 */
export class VaultSession {
  readonly blobs: BlobStore;
  private closed = false;

  constructor(
    readonly dir: string,
    readonly header: VaultHeader,
    readonly db: Db,
    private readonly master: Buffer,
    private readonly keys: VaultKeys,
    public actor: string,
  ) {
    this.blobs = new BlobStore(join(dir, BLOBS_DIR), keys.blob, keys.blobName);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** The master key, for rewrapping only (passphrase change, recovery). */
  masterKey(): Buffer {
    return this.master;
  }

  audit(input: Omit<AuditInput, 'actor'>): AuditEntry {
    return appendAudit(this.db, { ...input, actor: this.actor });
  }

  close(reason: string): void {
    if (this.closed) return;
    try {
      this.audit({ action: 'vault.locked', details: { reason } });
    } finally {
      this.closed = true;
      this.db.close();
      wipeKeys(this.keys);
      this.master.fill(0);
    }
  }
}
