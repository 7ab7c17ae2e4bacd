import { describe, expect, it } from 'vitest';
import { listChannels } from '../../../electron/core/catalog/channel-list';
import { addOrFindChannel } from '../../../electron/core/catalog/channels';
import { excludeItem } from '../../../electron/core/catalog/exclusion';
import { sql } from '../../../electron/core/db/sql';
import { unlockVault } from '../../../electron/core/vault/vault';
import { POLICY } from '../../fixtures/catalog';
import { PASSPHRASE, newVault } from '../../fixtures/temp';

const total = (db: Parameters<typeof listChannels>[0], status?: string) =>
  listChannels(db, { filter: status ? { status } : {}, sort: 'created', descending: true, offset: 0, limit: 10 }).total;

describe('list totals kept between pages', () => {
  it('follow every change: one made here, a commit by another connection, a rolled-back transaction', async () => {
    const { dir, session } = await newVault();
    const add = (s: typeof session, n: number) =>
      addOrFindChannel(s, POLICY, { url: `https://t.me/kanal_${n}`, title: `Kanal ${n}`, category: 'hoaks' }).id;
    const first = add(session, 1);
    add(session, 2);
    expect([total(session.db), total(session.db, 'active')]).toEqual([2, 2]);
    expect(total(session.db)).toBe(2);

    add(session, 3);
    expect(total(session.db)).toBe(3);
    excludeItem(session, 'channel', first, 'salah ketik');
    expect([total(session.db), total(session.db, 'active')]).toEqual([2, 2]);

    // The CLI beside the app: another connection to the same vault commits a channel.
    const other = await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 'cli' });
    add(other, 4);
    other.close('test');
    expect([total(session.db), total(session.db, 'active')]).toEqual([3, 3]);

    // A count taken inside a transaction that is then rolled back is not kept.
    expect(() =>
      session.db.tx(() => {
        session.db.run(sql`UPDATE channels SET status = 'blocked' WHERE id != ${first}`);
        expect(total(session.db, 'active')).toBe(0);
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect([total(session.db), total(session.db, 'active')]).toEqual([3, 3]);
    session.close('test');
  });
});
