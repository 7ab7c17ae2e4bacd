import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addOrFindChannel, getChannel } from '../../../electron/core/catalog/channels';
import { dashboardStats } from '../../../electron/core/dashboard/dashboard';
import { getEvidence, listEvidence } from '../../../electron/core/evidence/evidence-repo';
import { intakeBytes, intakeFile } from '../../../electron/core/evidence/intake';
import { pdqOfImage } from '../../../electron/core/evidence/media';
import { hashLists, importHashList, removeHashList } from '../../../electron/core/hashlists/hash-lists';
import { POLICY, screenshotPng } from '../../fixtures/catalog';
import { newVault } from '../../fixtures/temp';

const BRIDGE = join(import.meta.dirname, '../../fixtures/pdq/bridge-1-original.jpg');
const ROTATED = join(import.meta.dirname, '../../fixtures/pdq/bridge-2-rotate-90.jpg');
const hex = (algorithm: string, bytes: Buffer) => createHash(algorithm).update(bytes).digest('hex');

describe('hash lists', () => {
  it('imports a CSV list and flags what the vault already holds: SHA-256, MD5 and PDQ within the distance', async () => {
    const { session } = await newVault();
    const [a, b] = [await screenshotPng(1), await screenshotPng(2)];
    const first = await intakeBytes(session, POLICY, a, { originalName: 'a.png' });
    const second = await intakeBytes(session, POLICY, b, { originalName: 'b.png' });
    const bridge = await intakeFile(session, POLICY, BRIDGE);
    const unrelated = await intakeBytes(session, POLICY, await screenshotPng(3), { originalName: 'c.png' });
    const bridgePdq = (await pdqOfImage(BRIDGE)).hash;
    const csv = [
      'sha256,md5,pdq,label',
      `${hex('sha256', a).toUpperCase()},,,poster A`,
      `,${hex('md5', b)},,poster B`,
      `,,pdq:${bridgePdq},bridge`,
    ].join('\r\n');
    const imported = importHashList(session, csv, { name: 'Platform X', source: 'platform', date: '2026-11-30' }, 31);
    expect(imported.list).toMatchObject({ name: 'Platform X', entries: 3, date: '2026-11-30', matchedItems: 3 });
    expect(imported.matchedEvidence).toEqual([first.evidenceId, second.evidenceId, bridge.evidenceId]);
    expect(getEvidence(session, first.evidenceId).hashListMatches).toEqual([
      expect.objectContaining({ listName: 'Platform X', kind: 'sha256', distance: 0, label: 'poster A' }),
    ]);
    expect(getEvidence(session, second.evidenceId).hashListMatches).toEqual([
      expect.objectContaining({ kind: 'md5', label: 'poster B' }),
    ]);
    expect(getEvidence(session, unrelated.evidenceId).hashListMatches).toEqual([]);
    expect(getEvidence(session, bridge.evidenceId).hashListMatches).toEqual([
      expect.objectContaining({ kind: 'pdq', distance: 0, label: 'bridge' }),
    ]);
    // A copy turned by 90° taken in later matches through its rotated hashes (its own is far off).
    const rotated = await intakeFile(session, POLICY, ROTATED);
    expect(rotated.hashListMatches).toEqual([
      expect.objectContaining({ listName: 'Platform X', kind: 'pdq', distance: expect.any(Number) }),
    ]);
    expect(rotated.hashListMatches[0]!.distance).toBeLessThanOrEqual(31);
    session.close('test');
  });

  it('flags an item at intake when its bytes are on a list, and lists the lists', async () => {
    const { session } = await newVault();
    const png = await screenshotPng(9);
    const json = JSON.stringify({
      name: 'ignored',
      source: 'GIFCT',
      date: '2026-10-01',
      entries: [{ sha256: hex('sha256', png), label: 'x' }],
    });
    importHashList(session, json, { name: 'Daftar unit' }, 31);
    const taken = await intakeBytes(session, POLICY, png, { originalName: 'p.png' });
    expect(taken.hashListMatches).toEqual([expect.objectContaining({ listName: 'Daftar unit', kind: 'sha256' })]);
    expect(hashLists(session)).toEqual([
      expect.objectContaining({
        name: 'Daftar unit',
        source: 'GIFCT',
        date: '2026-10-01',
        entries: 1,
        matchedItems: 1,
      }),
    ]);
    session.close('test');
  });

  it('removes a list with its flags, keeps the items, and lets the name be imported again', async () => {
    const { session } = await newVault();
    const png = await screenshotPng(9);
    importHashList(session, `sha256\n${hex('sha256', png)}\n`, { name: 'Salah impor' }, 31);
    const taken = await intakeBytes(session, POLICY, png, { originalName: 'p.png' });
    expect(taken.hashListMatches).toHaveLength(1);
    expect(removeHashList(session, 'salah impor')).toEqual({ name: 'Salah impor', entries: 1, unflagged: 1 });
    expect(hashLists(session)).toEqual([]);
    expect(getEvidence(session, taken.evidenceId).hashListMatches).toEqual([]);
    expect(() => removeHashList(session, 'Salah impor')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    importHashList(session, `sha256\n${hex('sha256', png)}\n`, { name: 'Salah impor' }, 31);
    expect(hashLists(session).map((l) => l.matchedItems)).toEqual([1]);
    session.close('test');
  });

  it('refuses a list it cannot read, or a name already used, and keeps nothing of it', async () => {
    const { session } = await newVault();
    expect(() => importHashList(session, 'hash\nabc\n', { name: 'A' }, 31)).toThrow(/no sha256, md5 or pdq column/);
    expect(() => importHashList(session, `sha256\n${'a'.repeat(64)}\nnot-a-hash\n`, { name: 'A' }, 31)).toThrow(
      /line 3: "not-a-hash" is not a sha256 hash/,
    );
    expect(hashLists(session)).toEqual([]);
    importHashList(session, `md5\n${'b'.repeat(32)}\n`, { name: 'A' }, 31);
    expect(() => importHashList(session, `md5\n${'c'.repeat(32)}\n`, { name: 'a' }, 31)).toThrow(
      expect.objectContaining({ code: 'DUPLICATE' }),
    );
    expect(hashLists(session).map((l) => l.entries)).toEqual([1]);
    session.close('test');
  });

  it('shows matches on the channel, the dashboard and as an evidence filter', async () => {
    const { session } = await newVault();
    const channelId = addOrFindChannel(session, POLICY, { url: 'https://t.me/judi_slot88' }).id;
    const png = await screenshotPng(21);
    const flagged = await intakeBytes(session, POLICY, png, { originalName: 'f.png', channelId });
    await intakeBytes(session, POLICY, await screenshotPng(22), { originalName: 'g.png', channelId });
    importHashList(session, `sha256\n${hex('sha256', png)}\n`, { name: 'Judi' }, 31);
    expect(getChannel(session, channelId).hashListItems).toBe(1);
    expect(dashboardStats(session.db).hashListItems).toBe(1);
    const only = listEvidence(session.db, { filter: { onHashList: true }, offset: 0, limit: 10 });
    expect(only.rows.map((r) => [r.id, r.onHashList])).toEqual([[flagged.evidenceId, true]]);
    expect(listEvidence(session.db, { filter: {}, offset: 0, limit: 10 }).total).toBe(2);
    session.close('test');
  });
});
