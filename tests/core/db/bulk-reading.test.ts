import { describe, expect, it } from 'vitest';
import { PASSPHRASE, newVault } from '../../fixtures/temp';
import { unlockVault } from '../../../electron/core/vault/vault';

const cacheKiB = (db: { raw: { pragma(s: string, o: { simple: true }): unknown } }) =>
  -Number(db.raw.pragma('cache_size', { simple: true }));

describe('a bulk read (an export reading every item and preview once)', () => {
  it('holds the page cache small while any runs, and gives the usual size back when the last ends', async () => {
    const { session } = await newVault();
    expect(cacheKiB(session.db)).toBe(65536);
    const endExport = session.db.bulkReading();
    const endSecond = session.db.bulkReading();
    expect(cacheKiB(session.db)).toBe(8192);
    endExport();
    endExport(); // ended twice (a finally after a catch): counted once
    expect(cacheKiB(session.db)).toBe(8192);
    endSecond();
    expect(cacheKiB(session.db)).toBe(65536);
    session.close('test');
  });

  it('leaves other connections to the vault (the CLI beside the app) at their usual size', async () => {
    const { dir, session } = await newVault();
    const other = await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 'cli' });
    const end = session.db.bulkReading();
    expect(cacheKiB(other.db)).toBe(65536);
    end();
    other.close('cli');
    // ended after the vault locked (an export cancelled by the lock): nothing to set, nothing thrown
    const late = session.db.bulkReading();
    session.close('test');
    expect(late).not.toThrow();
  });
});
