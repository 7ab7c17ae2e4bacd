import { sql } from '../db/sql';
import type { VaultSession } from '../vault/session';
import { NEAR_DUPLICATE_DISTANCE } from './media/phash';

/**
 * Perceptual hashes of every image in the vault, held as two 32-bit halves so a near-duplicate
 * check is a linear popcount scan (a million images: a few milliseconds) instead of a query.
 * Loaded on first use per session, kept in step by `add`.
 */
export class PhashIndex {
  private ids: number[] = [];
  private hi: number[] = [];
  private lo: number[] = [];

  constructor(session: VaultSession) {
    for (const row of session.db.raw
      .prepare('SELECT id, phash FROM evidence WHERE phash IS NOT NULL')
      .iterate() as IterableIterator<{ id: number; phash: string }>) {
      this.add(row.id, row.phash);
    }
  }

  add(id: number, phash: string): void {
    if (!/^[0-9a-f]{16}$/.test(phash)) return;
    this.ids.push(id);
    this.hi.push(parseInt(phash.slice(0, 8), 16));
    this.lo.push(parseInt(phash.slice(8), 16));
  }

  /** A purged item is no near-duplicate of anything any more. */
  remove(id: number): void {
    const i = this.ids.indexOf(id);
    if (i === -1) return;
    for (const list of [this.ids, this.hi, this.lo]) list.splice(i, 1);
  }

  /** The closest earlier image within the near-duplicate distance, or null. */
  nearest(phash: string, maxDistance = NEAR_DUPLICATE_DISTANCE): number | null {
    if (!/^[0-9a-f]{16}$/.test(phash)) return null;
    const hi = parseInt(phash.slice(0, 8), 16);
    const lo = parseInt(phash.slice(8), 16);
    let best: number | null = null;
    let bestDistance = maxDistance + 1;
    for (let i = 0; i < this.ids.length; i++) {
      const d = popcount(hi ^ this.hi[i]!) + popcount(lo ^ this.lo[i]!);
      if (d < bestDistance) {
        bestDistance = d;
        best = this.ids[i]!;
      }
    }
    return best;
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const indexes = new WeakMap<VaultSession, PhashIndex>();

export function phashIndexOf(session: VaultSession): PhashIndex {
  let index = indexes.get(session);
  if (!index) {
    index = new PhashIndex(session);
    indexes.set(session, index);
  }
  return index;
}

/** Keeps a loaded index in step after an item is purged (one not loaded yet reads the table when it is). */
export function forgetPhash(session: VaultSession, id: number): void {
  indexes.get(session)?.remove(id);
}

export function evidenceIdBySha256(session: VaultSession, sha256: string): number | undefined {
  return session.db.get<{ id: number }>(sql`SELECT id FROM evidence WHERE sha256 = ${sha256}`)?.id;
}
