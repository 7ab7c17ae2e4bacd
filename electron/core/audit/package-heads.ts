import { basename } from 'node:path';
import type { Db } from '../db/database';
import { JejakError } from '../errors';
import { readPackageEntry } from '../packages';
import { type AuditAnchor, checkAnchor } from './anchor';

/** contradicted: the chain lost that head; unattributed: not contained, but the package names no vault (older Jejak). */
export type PackageHeadStatus =
  'contained' | 'contradicted' | 'other-vault' | 'unattributed' | 'no-head' | 'unreadable';

export interface PackageHeadCheck {
  file: string;
  status: PackageHeadStatus;
  head?: AuditAnchor & { vaultId: string | null };
  detail?: string;
}

export interface ChainHeadLine {
  type: 'chain-head';
  vaultId?: string | null;
  seq: number;
  hash: string;
}

export function isChainHead(value: unknown): value is ChainHeadLine {
  const v = value as Partial<ChainHeadLine> | null;
  return (
    v?.type === 'chain-head' && Number.isInteger(v.seq) && typeof v.hash === 'string' && /^[0-9a-f]{64}$/.test(v.hash)
  );
}

/** The chain head an earlier package recorded, read through the package verifier (structure and signatures checked). */
async function headOf(file: string): Promise<ChainHeadLine | null> {
  const text = (await readPackageEntry(file, 'data/custody.jsonl')).toString('utf8');
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  let head: ChainHeadLine | null = null;
  for (const line of lines) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new JejakError('INTEGRITY', 'data/custody.jsonl has a line that is not JSON.');
    }
    if (isChainHead(value)) head = value;
  }
  return head;
}

/**
 * Whether this vault's chain still contains the head each earlier package recorded. A package is
 * signed and travels elsewhere, so a chain truncated or rewritten after it was exported contradicts
 * it, even when the whole local history (and its header anchor) was rewritten with the keys.
 */
export async function checkPackageHeads(db: Db, vaultId: string, files: string[]): Promise<PackageHeadCheck[]> {
  const results: PackageHeadCheck[] = [];
  for (const file of files) {
    let head: ChainHeadLine | null;
    try {
      head = await headOf(file);
    } catch (e) {
      results.push({ file, status: 'unreadable', detail: e instanceof JejakError ? e.message : String(e) });
      continue;
    }
    if (!head) {
      results.push({
        file,
        status: 'no-head',
        detail: `${basename(file)} records no chain head (made by an older Jejak).`,
      });
      continue;
    }
    const recorded = { vaultId: head.vaultId ?? null, seq: head.seq, hash: head.hash };
    if (recorded.vaultId !== null && recorded.vaultId !== vaultId) {
      results.push({
        file,
        status: 'other-vault',
        head: recorded,
        detail: `${basename(file)} was exported from vault ${recorded.vaultId}, not this one.`,
      });
      continue;
    }
    const check = checkAnchor(db, recorded);
    if (check.ok) results.push({ file, status: 'contained', head: recorded });
    else if (recorded.vaultId === null)
      results.push({
        file,
        status: 'unattributed',
        head: recorded,
        detail: `${basename(file)} names no vault id and its head is not in this chain: it may come from another vault.`,
      });
    else results.push({ file, status: 'contradicted', head: recorded, detail: check.reason });
  }
  return results;
}
