import { describe, expect, it } from 'vitest';
import { addItems, createCase } from '../../../electron/core/cases/cases';
import { removeItems } from '../../../electron/core/cases/case-drafts';
import { listChannels } from '../../../electron/core/catalog/channel-list';
import { addOrFindChannel, getChannel } from '../../../electron/core/catalog/channels';
import { dashboardStats } from '../../../electron/core/dashboard/dashboard';
import { excludeItem, restoreItem } from '../../../electron/core/catalog/exclusion';
import { sql } from '../../../electron/core/db/sql';
import { getEvidence, listEvidence } from '../../../electron/core/evidence/evidence-repo';
import { intakeBytes } from '../../../electron/core/evidence/intake';
import { search } from '../../../electron/core/search/search';
import type { VaultSession } from '../../../electron/core/vault/session';
import { POLICY, screenshotPng } from '../../fixtures/catalog';
import { newVault } from '../../fixtures/temp';

async function catalog(session: VaultSession) {
  const good = addOrFindChannel(session, POLICY, {
    url: 't.me/kanal_benar',
    title: 'Kanal benar',
    category: 'hoaks',
  }).id;
  const wrong = addOrFindChannel(session, POLICY, {
    url: 't.me/kanal_salah',
    title: 'Kanal salah ketik',
    category: 'judi online',
  }).id;
  const shots = [];
  for (let i = 0; i < 3; i++)
    shots.push(
      (
        await intakeBytes(session, POLICY, await screenshotPng(300 + i), {
          originalName: `bukti-${i}.png`,
          channelId: good,
          notes: `bukti hoaks ${i}`,
        })
      ).evidenceId,
    );
  return { good, wrong, shots };
}

const channelIds = (session: VaultSession, excluded?: 'only' | 'all') =>
  listChannels(session.db, { filter: { excluded }, sort: 'created', descending: false, offset: 0, limit: 50 });
const evidenceIds = (session: VaultSession, filter = {}) => listEvidence(session.db, { filter, offset: 0, limit: 50 });

describe('exclusion', () => {
  it('hides an excluded channel from lists, search, dashboard counts and case pickers; restore brings it all back', async () => {
    const { session } = await newVault();
    const { good, wrong } = await catalog(session);
    const before = dashboardStats(session.db);
    expect(() => excludeItem(session, 'channel', wrong, '  ')).toThrow(/Say why/);
    excludeItem(session, 'channel', wrong, 'Salah ketik tautan');

    expect(getChannel(session, wrong).excluded).toMatchObject({
      by: session.actor,
      reason: 'Salah ketik tautan',
      at: expect.any(String),
    });
    expect(channelIds(session)).toMatchObject({ total: 1, rows: [{ id: good, excluded: null }] });
    expect(channelIds(session, 'only')).toMatchObject({ total: 1, rows: [{ id: wrong }] });
    expect(channelIds(session, 'all').total).toBe(2);
    expect(
      listChannels(session.db, {
        filter: { text: 'kanal' },
        sort: 'title',
        descending: false,
        offset: 0,
        limit: 50,
      }).rows.map((r) => r.id),
    ).toEqual([good]);
    expect(search(session.db, 'kanal').map((h) => h.id)).toEqual([good]);
    const stats = dashboardStats(session.db);
    expect(stats.channels).toBe(before.channels - 1);
    expect(stats.byCategory).toEqual([{ key: 'hoaks', count: 1 }]);
    expect(stats.byPlatform).toEqual([{ key: 'telegram', count: 1 }]);
    expect(stats.perWeek.reduce((n, w) => n + w.count, 0)).toBe(1);
    expect(() => createCase(session, POLICY, { title: 'x', platform: 'telegram', channelIds: [wrong] })).toThrow(
      /is excluded \(Salah ketik tautan\); restore it/,
    );
    expect(() => excludeItem(session, 'channel', wrong, 'lagi')).toThrow(/already excluded/);

    restoreItem(session, 'channel', wrong);
    expect(getChannel(session, wrong).excluded).toBeNull();
    expect(channelIds(session).total).toBe(2);
    expect(
      search(session.db, 'kanal')
        .map((h) => h.id)
        .sort(),
    ).toEqual([good, wrong].sort());
    expect(dashboardStats(session.db)).toEqual(before);
    expect(() => restoreItem(session, 'channel', wrong)).toThrow(/is not excluded/);
    const audit = session.db.all<{ action: string; details: string }>(
      sql`SELECT action, details FROM audit WHERE subject_type = 'channel' AND subject_id = ${String(wrong)} ORDER BY seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['channel.created', 'channel.excluded', 'channel.restored']);
    expect(JSON.parse(audit[1]!.details)).toEqual({ reason: 'Salah ketik tautan' });
    session.close('test');
  });

  it("hides excluded evidence from lists, the channel's count, search and the dashboard, keeps its original, and restores it", async () => {
    const { session } = await newVault();
    const { good, shots } = await catalog(session);
    excludeItem(session, 'evidence', shots[1]!, 'Tangkapan layar pribadi, bukan bukti');
    expect(evidenceIds(session)).toMatchObject({ total: 2, rows: [{ id: shots[2] }, { id: shots[0] }] });
    expect(evidenceIds(session, { channelId: good }).total).toBe(2);
    expect(evidenceIds(session, { excluded: 'only' })).toMatchObject({
      total: 1,
      rows: [{ id: shots[1], excluded: { reason: 'Tangkapan layar pribadi, bukan bukti' } }],
    });
    expect(getChannel(session, good).evidenceCount).toBe(2);
    expect(
      listChannels(session.db, { filter: {}, sort: 'created', descending: false, offset: 0, limit: 5 }).rows[0]!
        .evidenceCount,
    ).toBe(2);
    expect(
      search(session.db, 'bukti')
        .filter((h) => h.kind === 'evidence')
        .map((h) => h.id),
    ).toEqual([shots[2], shots[0]]);
    expect(dashboardStats(session.db).evidence).toBe(2);
    // Kept: the item and its encrypted original are still there, byte for byte.
    const kept = getEvidence(session, shots[1]!);
    expect(session.blobs.has(session.blobs.nameFor(kept.sha256))).toBe(true);
    const audit = session.db.get<{ details: string }>(
      sql`SELECT details FROM audit WHERE action = 'evidence.excluded'`,
    )!;
    expect(JSON.parse(audit.details)).toEqual({ reason: 'Tangkapan layar pribadi, bukan bukti', sha256: kept.sha256 });

    restoreItem(session, 'evidence', shots[1]!);
    expect(evidenceIds(session).total).toBe(3);
    expect(getChannel(session, good).evidenceCount).toBe(3);
    expect(search(session.db, 'bukti').filter((h) => h.kind === 'evidence')).toHaveLength(3);
    session.close('test');
  });

  it('refuses to exclude what a draft case holds until it is removed from the case', async () => {
    const { session } = await newVault();
    const { good, shots } = await catalog(session);
    const kase = createCase(session, POLICY, {
      title: 'Hoaks',
      platform: 'telegram',
      channelIds: [good],
      evidenceIds: [shots[0]!],
    });
    expect(() => excludeItem(session, 'evidence', shots[0]!, 'salah')).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(new RegExp(`is in draft case ${kase.reference}; remove it from the case first`)),
      }),
    );
    expect(() => excludeItem(session, 'channel', good, 'salah')).toThrow(/is in draft case/);
    removeItems(session, kase.id, [good], [shots[0]!]);
    excludeItem(session, 'evidence', shots[0]!, 'salah');
    expect(() => addItems(session, kase.id, [], [shots[0]!])).toThrow(/Evidence item #\d+ is excluded \(salah\)/);
    session.close('test');
  });
});
