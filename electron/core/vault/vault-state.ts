import type { Db } from '../db/database';
import { sql } from '../db/sql';

/**
 * What the encrypted database knows about its own vault, in settings rows (no migration needed):
 * the header generation it last saw, so an older vault.json beside it is recognised as rolled
 * back, and the vault id, which travels in every package's custody record.
 */
const GENERATION = 'vault.generation';
const VAULT_ID = 'vault.id';

/** 0 for a database that has never seen an authenticated header. */
export function dbGeneration(db: Db): number {
  const row = db.get<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${GENERATION}`);
  return row ? Number(row.value) : 0;
}

/** Never lowers it: two processes closing the same vault may finish in either order. */
export function raiseDbGeneration(db: Db, generation: number): void {
  db.run(sql`INSERT INTO settings (key, value) VALUES (${GENERATION}, ${String(generation)})
    ON CONFLICT(key) DO UPDATE SET value = CAST(max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER)) AS TEXT)`);
}

export function recordVaultId(db: Db, vaultId: string): void {
  db.run(sql`INSERT INTO settings (key, value) VALUES (${VAULT_ID}, ${vaultId}) ON CONFLICT(key) DO NOTHING`);
}

export function vaultIdOf(db: Db): string | null {
  return db.get<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${VAULT_ID}`)?.value ?? null;
}
