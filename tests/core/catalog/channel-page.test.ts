import { describe, expect, it } from 'vitest';
import { commitImport } from '../../../electron/core/catalog/bulk-import';
import { type ChannelFilter, type ChannelSort, listChannels } from '../../../electron/core/catalog/channel-list';
import { excludeItem } from '../../../electron/core/catalog/exclusion';
import { sql } from '../../../electron/core/db/sql';
import type { VaultSession } from '../../../electron/core/vault/session';
import { POLICY } from '../../fixtures/catalog';
import { newVault } from '../../fixtures/temp';

const SORTS: ChannelSort[] = ['created', 'title', 'status', 'platform', 'lastSeen', 'category'];
const FILTERS: ChannelFilter[] = [{}, { status: 'reported' }, { category: 'hoaks' }, { platform: 'x' }];
const TITLES = ['', 'Alpha', 'alpha', 'Beta', 'beta', 'Kajian Malam', 'Zeta', ''];

/** 90 channels on two platforms with repeated titles (in either case), statuses, categories and times; 3 excluded. */
async function catalogWithTies(): Promise<VaultSession> {
  const { session } = await newVault();
  const lines = Array.from({ length: 90 }, (_, i) => {
    const url = i % 3 === 0 ? `https://x.com/akun_${i}` : `https://t.me/kanal_${i}`;
    const category = ['terorisme', 'hoaks', 'radikalisme'][i % 3]!;
    const status = ['active', 'reported', 'blocked'][Math.floor(i / 3) % 3]!;
    return `${url},${TITLES[i % TITLES.length]},${category},${status},,,`;
  });
  commitImport(session, POLICY, `url,title,category,status,tags,notes,subscribers\n${lines.join('\n')}\n`);
  // Creation and last-seen times shared by runs of channels, so the id decides among equals.
  session.db.run(sql`UPDATE channels SET created_at = '2025-01-0' || (1 + id % 4) || 'T00:00:00.000Z',
    last_seen = '2025-02-0' || (1 + id % 5) || 'T00:00:00.000Z'`);
  for (const id of [4, 40, 77]) excludeItem(session, 'channel', id, 'salah input');
  return session;
}

describe('channel pages by cursor', () => {
  it('gives the same rows, page by page forwards and backwards, as one long page, in every sort and filter', async () => {
    const session = await catalogWithTies();
    for (const sort of SORTS)
      for (const descending of [false, true])
        for (const filter of FILTERS) {
          const order = { filter, sort, descending };
          const whole = listChannels(session.db, { ...order, offset: 0, limit: 500 });
          const ids = whole.rows.map((r) => r.id);
          expect(ids.length).toBe(whole.total);
          expect(ids).not.toContain(40);

          const forwards = listChannels(session.db, { ...order, offset: 0, limit: 7 }).rows;
          while (forwards.length < ids.length) {
            const page = listChannels(session.db, { ...order, offset: 0, limit: 7, after: forwards.at(-1)! });
            expect(page.rows.length).toBeGreaterThan(0);
            forwards.push(...page.rows);
          }
          expect(forwards.map((r) => r.id)).toEqual(ids);

          const backwards = whole.rows.slice(-5);
          while (backwards.length < ids.length) {
            const page = listChannels(session.db, { ...order, offset: 0, limit: 7, before: backwards[0]! });
            expect(page.rows.length).toBeGreaterThan(0);
            backwards.unshift(...page.rows);
          }
          expect(backwards.map((r) => r.id)).toEqual(ids);
        }
    session.close('test');
  });

  it('jumps to any offset, near the end too, and a cursor with an offset skips that many rows from it', async () => {
    const session = await catalogWithTies();
    for (const sort of SORTS) {
      const order = { filter: {}, sort, descending: sort === 'created' };
      const ids = listChannels(session.db, { ...order, offset: 0, limit: 500 }).rows.map((r) => r.id);
      for (const offset of [0, 10, 43, 80, 83, 86, 87, 120]) {
        const page = listChannels(session.db, { ...order, offset, limit: 5 });
        expect(page.total).toBe(87);
        expect(page.rows.map((r) => r.id)).toEqual(ids.slice(offset, offset + 5));
      }
      const from = listChannels(session.db, { ...order, offset: 30, limit: 1 }).rows[0]!;
      const after = listChannels(session.db, { ...order, offset: 4, limit: 5, after: from });
      expect(after.rows.map((r) => r.id)).toEqual(ids.slice(35, 40));
      const before = listChannels(session.db, { ...order, offset: 4, limit: 5, before: from });
      expect(before.rows.map((r) => r.id)).toEqual(ids.slice(21, 26));
    }
    session.close('test');
  });
});
