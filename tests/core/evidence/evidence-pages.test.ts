import { describe, expect, it } from 'vitest';
import type { EvidenceCursor, EvidenceFilter } from '../../../electron/core/evidence/evidence-page';
import { listEvidence } from '../../../electron/core/evidence/evidence-repo';
import type { VaultSession } from '../../../electron/core/vault/session';
import { newVault } from '../../fixtures/temp';

const ITEMS = 1_000;
const CHANNELS = ['telegram', 'youtube', 'x'];

interface Item {
  id: number;
  intakeAt: string;
  channelId: number;
  notes: string;
  excluded: boolean;
}

/**
 * 1,000 items written straight into the vault's tables (a gallery's worth without 1,000 intakes):
 * three at a time share an intake second, every 7th was taken in out of id order (an older time
 * than the item before it), every 50th is excluded.
 */
function seed(session: VaultSession): Item[] {
  const raw = session.db.raw;
  const now = new Date().toISOString();
  raw
    .prepare('INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES (?, ?, ?, 1, ?)')
    .run('b'.repeat(64), 'b'.repeat(64), 'f'.repeat(128), now);
  CHANNELS.forEach((platform, i) =>
    raw
      .prepare(
        `INSERT INTO channels (id, platform, kind, key, canonical_url, title, category, status, first_seen, last_seen, created_at, created_by, updated_at)
         VALUES (?, ?, 'channel', ?, ?, ?, 'hoaks', 'active', ?, ?, ?, 'a', ?)`,
      )
      .run(i + 1, platform, `k:${i}`, `https://example.org/c${i}`, `Kanal ${i}`, now, now, now, now),
  );
  const insert =
    raw.prepare(`INSERT INTO evidence (id, blob_name, sha256, sha512, size, media_type, original_name, intake_at, taken_by, channel_id, notes)
    VALUES (?, ?, ?, '', 1, 'image/png', 'shot.png', ?, 'a', ?, ?)`);
  const items: Item[] = [];
  raw.transaction(() => {
    for (let id = 1; id <= ITEMS; id++) {
      const second = id % 7 === 0 ? Math.floor(id / 3) - 40 : Math.floor(id / 3);
      const item = {
        id,
        intakeAt: new Date(Date.UTC(2026, 0, 1) + second * 1000).toISOString(),
        channelId: (id % 3) + 1,
        notes: id % 4 === 0 ? 'bukti rekrutmen' : 'bukti lain',
        excluded: id % 50 === 0,
      };
      insert.run(id, 'b'.repeat(64), id.toString(16).padStart(64, '0'), item.intakeAt, item.channelId, item.notes);
      if (item.excluded) raw.prepare("INSERT INTO evidence_exclusions VALUES (?, ?, 'a', 'salah')").run(id, now);
      items.push(item);
    }
  })();
  return items;
}

/** What the gallery shows for a filter, newest first, worked out here from the seeded items. */
const expected = (items: Item[], keep: (item: Item) => boolean) =>
  items
    .filter((i) => !i.excluded && keep(i))
    .sort((a, b) => b.intakeAt.localeCompare(a.intakeAt) || b.id - a.id)
    .map((i) => i.id);

const page = (
  session: VaultSession,
  filter: EvidenceFilter,
  place: { offset: number; limit: number; after?: EvidenceCursor; before?: EvidenceCursor },
) => listEvidence(session.db, { filter, ...place });
const edge = (row: { intakeAt: string; id: number }): EvidenceCursor => ({ intakeAt: row.intakeAt, id: row.id });

describe('evidence pages', () => {
  const filters: Array<[string, EvidenceFilter, (item: Item) => boolean]> = [
    ['no filter', {}, () => true],
    ['one channel', { channelId: 2 }, (i) => i.channelId === 2],
    ['a platform', { platform: 'youtube' }, (i) => i.channelId === 2],
    ['words', { text: 'rekrutmen' }, (i) => i.notes.includes('rekrutmen')],
  ];

  it.each(filters)(
    'paging on from the edge row of the page before, or back from the page after, gives the same rows as the offset (%s)',
    async (_, filter, keep) => {
      const { session } = await newVault();
      const want = expected(seed(session), keep);
      const limit = 37;
      const forward: number[] = [];
      let after: EvidenceCursor | undefined;
      for (let offset = 0; offset < want.length; offset += limit) {
        const next = page(session, filter, { offset: 0, limit, after });
        expect(next.total).toBe(want.length);
        expect(next.rows.map((r) => r.id)).toEqual(page(session, filter, { offset, limit }).rows.map((r) => r.id));
        forward.push(...next.rows.map((r) => r.id));
        after = edge(next.rows.at(-1)!);
      }
      expect(forward).toEqual(want);
      expect(page(session, filter, { offset: 0, limit, after }).rows).toEqual([]);

      // Back up from the last page: each page ends just before the first row of the one after it.
      const oldest = page(session, filter, { offset: want.length - 1, limit: 1 }).rows[0]!;
      let before = edge(oldest);
      const tail: number[] = [oldest.id];
      for (let pages = 0; pages <= want.length / limit; pages++) {
        const previous = page(session, filter, { offset: 0, limit, before });
        if (previous.rows.length === 0) break;
        tail.unshift(...previous.rows.map((r) => r.id));
        before = edge(previous.rows[0]!);
      }
      expect(tail).toEqual(want);
      session.close('test');
    },
  );

  it('a jump to any depth, past the middle, to the last partial page or beyond the end, shows the rows at that offset', async () => {
    const { session } = await newVault();
    const want = expected(seed(session), () => true);
    expect(want.length).toBe(980);
    for (const offset of [0, 1, 200, 389, 390, 489, 490, 491, 600, 777, 940, 959, 979, 980, 1_200]) {
      const { total, rows } = page(session, {}, { offset, limit: 40 });
      expect(total).toBe(980);
      expect(
        rows.map((r) => r.id),
        `offset ${offset}`,
      ).toEqual(want.slice(offset, offset + 40));
    }
    // An offset counts on from a cursor too: two pages on from a row.
    const from = page(session, {}, { offset: 500, limit: 1 }).rows[0]!;
    expect(page(session, {}, { offset: 80, limit: 40, after: edge(from) }).rows.map((r) => r.id)).toEqual(
      want.slice(581, 621),
    );
    expect(page(session, {}, { offset: 80, limit: 40, before: edge(from) }).rows.map((r) => r.id)).toEqual(
      want.slice(380, 420),
    );
    session.close('test');
  });

  it('shows excluded items alone, page by page, when asked for them', async () => {
    const { session } = await newVault();
    const items = seed(session);
    const only = items.filter((i) => i.excluded);
    const first = page(session, { excluded: 'only' }, { offset: 0, limit: 15 });
    const second = page(session, { excluded: 'only' }, { offset: 0, limit: 15, after: edge(first.rows.at(-1)!) });
    expect(first.total).toBe(only.length);
    expect([...first.rows, ...second.rows].map((r) => r.id).sort((a, b) => a - b)).toEqual(only.map((i) => i.id));
    session.close('test');
  });
});
