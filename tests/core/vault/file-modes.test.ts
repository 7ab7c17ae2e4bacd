import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newVault } from '../../fixtures/temp';

const mode = (path: string) => statSync(path).mode & 0o777;

function everything(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map((n) => join(dir, String(n)));
}

describe('vault file modes', () => {
  it('creates jejak.db with its -wal and -shm, vault.json and every blob 0600, and every folder 0700', async () => {
    const { dir, session } = await newVault();
    await session.blobs.put(Buffer.from('evidence bytes'));
    const names = readdirSync(dir);
    expect(names).toEqual(expect.arrayContaining(['jejak.db', 'jejak.db-wal', 'jejak.db-shm', 'vault.json']));
    expect(mode(dir)).toBe(0o700);
    for (const path of everything(dir)) expect(mode(path), path).toBe(statSync(path).isDirectory() ? 0o700 : 0o600);
    session.close('test');
    for (const path of everything(dir)) expect(mode(path), path).toBe(statSync(path).isDirectory() ? 0o700 : 0o600);
  });
});
