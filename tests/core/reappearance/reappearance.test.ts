import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { addOrFindChannel } from '../../../electron/core/catalog/channels';
import { sql } from '../../../electron/core/db/sql';
import { intakeBytes } from '../../../electron/core/evidence/intake';
import { importResponse } from '../../../electron/core/outcomes/import-response';
import { reappearancesOf } from '../../../electron/core/reappearance/reappearances';
import { POLICY, screenshotPng } from '../../fixtures/catalog';
import { at, responseTo, sentCase } from '../../fixtures/outcomes';

/** A case whose Daulah Media channel was removed and whose private channel was already gone. */
async function removedChannels() {
  const sent = await sentCase();
  const { session, notice } = sent;
  const item = (url: string) => notice.items.find((i) => i.canonicalUrl === url && i.kind !== 'post')!.itemId;
  // Before anything is taken down, a link added again is just a link.
  addOrFindChannel(session, POLICY, { url: 'https://t.me/DaulahMedia' });
  expect(reappearancesOf(session)).toEqual([]);
  await importResponse(
    session,
    Buffer.from(
      JSON.stringify(
        responseTo(
          notice,
          [
            { itemId: item('https://t.me/daulahmedia'), status: 'removed', actedAt: at(60).toISOString() },
            { itemId: item('https://t.me/c/1234567890'), status: 'already-gone', actedAt: at(61).toISOString() },
            {
              itemId: item('https://t.me/kajian_hijrah'),
              status: 'not-actioned',
              actedAt: at(62).toISOString(),
              reason: 'x',
            },
          ],
          at(100),
        ),
      ),
    ),
    { fileName: 'response.json', now: at(120) },
  );
  return { ...sent, daulahItem: item('https://t.me/daulahmedia') };
}

const flagsOf = (session: Parameters<typeof reappearancesOf>[0], of: { channelId?: number; evidenceId?: number }) =>
  reappearancesOf(session, of).map((f) => ({
    match: f.match,
    case: f.earlierCase.reference,
    channel: f.earlierChannel?.id ?? null,
    evidence: f.earlierEvidence?.id ?? null,
  }));

describe('reappearance of what was taken down', () => {
  it('flags a re-added handle, the same handle elsewhere, the same title and the same numeric id, with the earlier case', async () => {
    const { session, kase, channels } = await removedChannels();
    const [daulah, kajian, , hidden] = channels as [number, number, number, number];
    const ref = kase.reference;

    const again = addOrFindChannel(session, POLICY, { url: '@DaulahMedia' });
    expect(again).toMatchObject({ id: daulah, created: false });
    expect(flagsOf(session, { channelId: daulah })).toEqual([
      { match: 'handle', case: ref, channel: daulah, evidence: null },
    ]);
    // Seen again: the same flag, not a second one.
    addOrFindChannel(session, POLICY, { url: 'https://t.me/s/DaulahMedia/12' });
    expect(reappearancesOf(session, { channelId: daulah })).toHaveLength(1);

    const elsewhere = addOrFindChannel(session, POLICY, { url: 'https://x.com/daulahmedia', category: 'terorisme' });
    expect(flagsOf(session, { channelId: elsewhere.id })).toEqual([
      { match: 'handle', case: ref, channel: daulah, evidence: null },
    ]);
    const renamed = addOrFindChannel(session, POLICY, {
      url: 't.me/daulah_media_2',
      title: '  daulah   MEDIA ',
      category: 'terorisme',
    });
    expect(flagsOf(session, { channelId: renamed.id })).toEqual([
      { match: 'title', case: ref, channel: daulah, evidence: null },
    ]);
    addOrFindChannel(session, POLICY, { url: 'https://t.me/c/1234567890/77' });
    expect(flagsOf(session, { channelId: hidden })).toEqual([
      { match: 'numeric-id', case: ref, channel: hidden, evidence: null },
    ]);

    // Not taken down (not actioned), or nothing alike: no flag.
    addOrFindChannel(session, POLICY, { url: 'https://t.me/kajian_hijrah' });
    const unrelated = addOrFindChannel(session, POLICY, {
      url: 't.me/kanal_lain',
      title: 'Kanal Lain',
      category: 'terorisme',
    });
    expect(reappearancesOf(session, { channelId: kajian })).toEqual([]);
    expect(reappearancesOf(session, { channelId: unrelated.id })).toEqual([]);

    const audited = session.db.all<{ subject_id: string; details: string }>(
      sql`SELECT subject_id, details FROM audit WHERE action = 'channel.reappeared' ORDER BY seq`,
    );
    expect(audited.map((a) => Number(a.subject_id))).toEqual([daulah, elsewhere.id, renamed.id, hidden]);
    expect(JSON.parse(audited[0]!.details)).toMatchObject({ match: 'handle', earlierCase: ref });
    session.close('test');
  });

  it('flags a re-captured screenshot of a removed channel: the same bytes, and a resized, recompressed copy', async () => {
    const { session, kase, evidence, shots, daulahItem } = await removedChannels();
    const ref = kase.reference;

    const same = await intakeBytes(session, POLICY, shots[0]!, { originalName: 'lagi.png' });
    expect(same).toMatchObject({ duplicate: true, evidenceId: evidence[0] });
    expect(flagsOf(session, { evidenceId: evidence[0] })).toEqual([
      { match: 'sha256', case: ref, channel: kase.channelIds[0], evidence: evidence[0] },
    ]);
    expect(reappearancesOf(session, { evidenceId: evidence[0] })[0]!.earlierItemId).toBe(daulahItem);

    const smaller = await sharp(shots[0]!).resize(400).jpeg({ quality: 60 }).toBuffer();
    const near = await intakeBytes(session, POLICY, smaller, { originalName: 'lagi-kecil.jpg' });
    expect(near.duplicate).toBe(false);
    const flags = reappearancesOf(session, { evidenceId: near.evidenceId });
    expect(flags.map((f) => [f.match, f.earlierCase.reference, f.earlierEvidence?.id])).toEqual([
      ['near-duplicate', ref, evidence[0]],
    ]);
    expect(flags[0]!.distance).toBeLessThanOrEqual(8);

    const other = await intakeBytes(session, POLICY, await screenshotPng(777, 800, 600), { originalName: 'lain.png' });
    expect(reappearancesOf(session, { evidenceId: other.evidenceId })).toEqual([]);
    expect(
      session.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit WHERE action = 'evidence.reappeared'`)!.n,
    ).toBe(2);
    session.close('test');
  });
});
