import { z } from 'zod';
import { HEADER_FILE } from './header';
import { BLOBS_DIR, DATABASE_FILE } from './session';

/**
 * What a backup holds, in this order (a POSIX tar, see backup-tar.ts):
 *
 *   jejak-backup.json     what this is: format, vault id, when, by which Jejak
 *   vault.json            the vault header, byte for byte (keys wrapped, never in clear)
 *   jejak.db              a consistent snapshot of the database, encrypted under the vault's key
 *   blobs/ab/<name>…      every original the snapshot refers to, still encrypted
 *   manifest-sha256.txt   SHA-256 of each file above, in `sha256sum -c` form
 *   archive-sha256.txt    SHA-256 of every archive byte before this entry's header
 *
 * The manifest names the file that changed; the archive hash also covers tar headers and padding,
 * so a flipped byte anywhere is found.
 */
export const INFO_FILE = 'jejak-backup.json';
export const MANIFEST_FILE = 'manifest-sha256.txt';
export const ARCHIVE_HASH_FILE = 'archive-sha256.txt';
export const BACKUP_FORMAT = 'jejak-backup';
export const BACKUP_VERSION = 1;

export const backupInfoSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.number().int().positive(),
    vaultId: z.string().uuid(),
    createdAt: z.string(),
    software: z.string().max(100),
    blobs: z.number().int().min(0),
  })
  .strict();
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export type EntryKind = 'info' | 'header' | 'database' | 'blob' | 'manifest' | 'archive-hash';
const ORDER: EntryKind[] = ['info', 'header', 'database', 'blob', 'manifest', 'archive-hash'];

export function blobEntryName(name: string): string {
  return `${BLOBS_DIR}/${name.slice(0, 2)}/${name}`;
}

export function kindOf(entry: string): EntryKind | null {
  if (entry === INFO_FILE) return 'info';
  if (entry === HEADER_FILE) return 'header';
  if (entry === DATABASE_FILE) return 'database';
  if (entry === MANIFEST_FILE) return 'manifest';
  if (entry === ARCHIVE_HASH_FILE) return 'archive-hash';
  const blob = /^blobs\/([0-9a-f]{2})\/([0-9a-f]{64})$/.exec(entry);
  return blob && blob[2]!.startsWith(blob[1]!) ? 'blob' : null;
}

/** Whether `next` may follow `previous` (null: the first entry): the order above, blobs repeating. */
export function mayFollow(previous: EntryKind | null, next: EntryKind): boolean {
  const at = previous === null ? -1 : ORDER.indexOf(previous);
  const want = ORDER.indexOf(next);
  return (
    want === at + 1 || (next === 'blob' && previous === 'blob') || (next === 'manifest' && previous === 'database')
  );
}

export function manifestText(entries: ReadonlyArray<{ name: string; sha256: string }>): string {
  return entries.map((e) => `${e.sha256}  ${e.name}\n`).join('');
}

/** Each line `<64 hex>  <name>`; null when any line is not. */
export function parseManifest(text: string): Array<{ name: string; sha256: string }> | null {
  if (!text.endsWith('\n')) return null;
  const out: Array<{ name: string; sha256: string }> = [];
  for (const line of text.slice(0, -1).split('\n')) {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!m) return null;
    out.push({ sha256: m[1]!, name: m[2]! });
  }
  return out;
}
