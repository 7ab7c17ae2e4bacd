import { join } from 'node:path';
import { appendAudit, auditHead, type AuditEntry, type AuditInput } from '../audit/audit-log';
import type { AnchorCheck } from '../audit/anchor';
import { checkpointOffThread } from '../db/checkpoint-off-thread';
import type { Db } from '../db/database';
import { BlobStore } from './blob-store';
import type { VaultHeader } from './header';
import { updateHeader } from './header-update';
import { type VaultKeys, wipeKeys } from './keys';

export const DATABASE_FILE = 'jejak.db';
export const BLOBS_DIR = 'blobs';

/**
 * An unlocked vault: the open database, the blob store and the keys. `close()` is the only way
 * out, and it drops every key; nothing else keeps a reference to them.
 */
export class VaultSession {
  readonly blobs: BlobStore;
  /** set at unlock when the audit chain no longer holds the head vault.json recorded */
  anchorFinding: AnchorCheck | null = null;
  private closed = false;

  constructor(
    readonly dir: string,
    /** the header as last read or written by this session */
    public header: VaultHeader,
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

  /** The master key, for rewrapping only (passphrase change, recovery, header MAC). */
  masterKey(): Buffer {
    return this.master;
  }

  /** The blob and database keys, for a key rotation that must read everything once more. */
  vaultKeys(): VaultKeys {
    return this.keys;
  }

  audit(input: Omit<AuditInput, 'actor'>): AuditEntry {
    return appendAudit(this.db, { ...input, actor: this.actor });
  }

  /** Locks: records it, anchors the audit head in vault.json, closes the database, drops the keys. */
  close(reason: string): void {
    if (this.closed) return;
    try {
      this.recordLock(reason);
    } finally {
      this.discard();
    }
  }

  /**
   * What close() does, with the database's log copied into it on a worker thread first (see
   * checkpointOffThread): for a caller on the thread that answers the window.
   */
  async closeOffThread(reason: string): Promise<void> {
    if (this.closed) return;
    try {
      this.recordLock(reason);
      await this.db.endWalKeeping();
      await checkpointOffThread(join(this.dir, DATABASE_FILE), this.keys.database);
    } finally {
      this.discard();
    }
  }

  /** The lock in the log, and the log's head anchored in vault.json. */
  private recordLock(reason: string): void {
    this.audit({ action: 'vault.locked', details: { reason } });
    updateHeader(this, (draft) => ({ ...draft, audit: auditHead(this.db) }));
  }

  /** Closes without a word in the log or the header: a refused unlock, or a key rotation taking over. */
  discard(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
    wipeKeys(this.keys);
    this.master.fill(0);
  }
}
