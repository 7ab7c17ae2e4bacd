import { describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../../electron/core/catalog/bulk-import';
import { listChannels } from '../../../electron/core/catalog/channel-list';
import { addOrFindChannel, getChannel, setChannelStatus, updateChannel } from '../../../electron/core/catalog/channels';
import { dashboardStats } from '../../../electron/core/dashboard/dashboard';
import { sql } from '../../../electron/core/db/sql';
import { search } from '../../../electron/core/search/search';
import { POLICY } from '../../fixtures/catalog';
import { allFiles, newVault } from '../../fixtures/temp';

describe('channels', () => {
  it('lands every link form of one Telegram channel on one row and keeps each original URL', async () => {
    const { session } = await newVault();
    const forms = [
      'https://t.me/s/SomeChannel',
      't.me/somechannel/123',
      '@SomeChannel',
      'https://telegram.me/somechannel',
    ];
    const ids = forms.map((url) => addOrFindChannel(session, POLICY, { url }).id);
    expect(new Set(ids).size).toBe(1);
    const channel = getChannel(session, ids[0]!);
    expect(channel).toMatchObject({
      platform: 'telegram',
      key: 'telegram:somechannel',
      canonicalUrl: 'https://t.me/somechannel',
    });
    expect(channel.urls.map((u) => u.url)).toEqual(forms);
    expect(channel.urls[1]!.postId).toBe('123');
    session.close('test');
  });

  it('refuses a javascript: URL with the reason, and adds nothing', async () => {
    const { session } = await newVault();
    expect(() => addOrFindChannel(session, POLICY, { url: 'javascript:alert(1)' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(/javascript/i) }),
    );
    expect(session.db.get(sql`SELECT count(*) AS n FROM channels`)).toEqual({ n: 0 });
    session.close('test');
  });

  it('keeps titles and notes with HTML as plain text, byte for byte', async () => {
    const { session } = await newVault();
    const title = '<img src=x onerror=alert(1)> Kanal <b>uji</b>';
    const { id } = addOrFindChannel(session, POLICY, {
      url: 't.me/htmltitle',
      title,
      notes: '<script>alert(2)</script>',
    });
    expect(getChannel(session, id)).toMatchObject({ title, notes: '<script>alert(2)</script>' });
    session.close('test');
  });

  it('records status changes with history, tags, notes and subscriber counts, each audited', async () => {
    const { session } = await newVault();
    const { id } = addOrFindChannel(session, POLICY, {
      url: 't.me/statuschan',
      category: 'terorisme',
      tags: ['ISIS', 'isis', ' propaganda '],
    });
    expect(getChannel(session, id).tags).toEqual(['ISIS', 'propaganda']);
    setChannelStatus(session, id, 'reported', 'sent to platform');
    const updated = updateChannel(session, POLICY, id, { notes: 'seen again', subscriberCount: 1200 });
    expect(updated.statusHistory.map((h) => h.status)).toEqual(['active', 'reported']);
    expect(updated).toMatchObject({
      status: 'reported',
      notes: 'seen again',
      subscriberCount: 1200,
      subscriberSeenAt: expect.any(String),
    });
    const actions = session.db
      .all<{ action: string }>(sql`SELECT action FROM audit WHERE subject_type = 'channel'`)
      .map((r) => r.action);
    expect(actions).toEqual(['channel.created', 'channel.status-changed', 'channel.updated']);
    expect(() => updateChannel(session, POLICY, id, { category: 'no such category' })).toThrow(/Unknown category/);
    expect(() => setChannelStatus(session, id, 'deleted')).toThrow(/Unknown status/);
    session.close('test');
  });

  it('previews pasted text (new, existing, repeated, invalid with reason) and commits all at once', async () => {
    const { session } = await newVault();
    addOrFindChannel(session, POLICY, { url: 't.me/already_here' });
    const text = [
      'https://t.me/new_one',
      't.me/s/New_One',
      '@already_here',
      'javascript:alert(1)',
      'https://www.youtube.com/@SomeCreator',
      'not a link',
    ].join('\n');
    const preview = previewImport(session, POLICY, text);
    expect(preview.counts).toEqual({ new: 2, existing: 1, repeated: 1, invalid: 2 });
    expect(preview.rows.find((r) => r.input.startsWith('javascript'))).toMatchObject({
      state: 'invalid',
      reason: expect.any(String),
    });
    const result = commitImport(session, POLICY, text);
    expect(result.added).toBe(2);
    expect(commitImport(session, POLICY, text).added).toBe(0);
    expect(session.db.get(sql`SELECT count(*) AS n FROM channels`)).toEqual({ n: 3 });
    session.close('test');
  });

  it('imports a CSV with titles, categories, statuses and tags', async () => {
    const { session } = await newVault();
    const csv =
      'url,title,category,status,tags,notes,subscribers\r\n"https://t.me/csv_one","Judul, dengan koma",terorisme,reported,a;b,"catatan ""kutip""",1500\r\nt.me/csv_two,,hoaks,,,,\r\n';
    expect(commitImport(session, POLICY, csv)).toMatchObject({ added: 2, counts: { new: 2, invalid: 0 } });
    const one = listChannels(session.db, {
      filter: { text: 'dengan' },
      sort: 'title',
      descending: false,
      offset: 0,
      limit: 10,
    });
    expect(one.rows[0]).toMatchObject({
      title: 'Judul, dengan koma',
      category: 'terorisme',
      status: 'reported',
      subscriberCount: 1500,
    });
    session.close('test');
  });

  it('lists with filters and sorts, searches titles and notes, and counts for the dashboard', async () => {
    const { session } = await newVault();
    addOrFindChannel(session, POLICY, {
      url: 't.me/alpha_chan',
      title: 'Alpha',
      category: 'terorisme',
      notes: 'rekrutmen daring',
    });
    addOrFindChannel(session, POLICY, { url: 't.me/beta_chan', title: 'beta', category: 'hoaks' });
    addOrFindChannel(session, POLICY, { url: 'https://x.com/gamma', title: 'Gamma', category: 'terorisme' });
    const page = listChannels(session.db, {
      filter: { category: 'terorisme' },
      sort: 'title',
      descending: true,
      offset: 0,
      limit: 10,
    });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.title)).toEqual(['Gamma', 'Alpha']);
    expect(
      listChannels(session.db, { filter: { platform: 'x' }, sort: 'created', descending: false, offset: 0, limit: 10 })
        .total,
    ).toBe(1);
    expect(search(session.db, 'rekrut').map((h) => [h.kind, h.title])).toEqual([['channel', 'Alpha alpha_chan']]);
    expect(search(session.db, 'rekrut', { category: 'hoaks' })).toEqual([]);
    expect(search(session.db, '" OR NEAR(')).toEqual([]);
    const stats = dashboardStats(session.db);
    expect(stats.channels).toBe(3);
    expect(stats.byCategory).toContainEqual({ key: 'terorisme', count: 2 });
    expect(stats.perWeek.at(-1)!.count).toBe(3);
    session.close('test');
  });

  it('uses an index for the channel page query and the search filter', async () => {
    const { session } = await newVault();
    const plan = (q: string) =>
      session.db.raw
        .prepare(`EXPLAIN QUERY PLAN ${q}`)
        .all()
        .map((r) => (r as { detail: string }).detail)
        .join(' | ');
    expect(
      plan('SELECT * FROM channels c WHERE c.excluded = 0 ORDER BY c.title COLLATE NOCASE LIMIT 200 OFFSET 1000'),
    ).toMatch(/USING INDEX channels_by_title/);
    expect(
      plan("SELECT * FROM channels c WHERE c.excluded = 0 AND c.status = 'active' ORDER BY c.created_at LIMIT 200"),
    ).toMatch(/USING INDEX channels_by_status/);
    expect(plan('SELECT * FROM evidence e WHERE e.channel_id = 5 AND e.excluded = 0 ORDER BY e.intake_at')).toMatch(
      /USING INDEX evidence_by_channel/,
    );
    session.close('test');
  });

  it('leaves no title or note marker in any vault file', async () => {
    const { dir, session } = await newVault();
    const marker = 'MARKERCATALOG93b1';
    addOrFindChannel(session, POLICY, { url: 't.me/marker_chan', title: `Title ${marker}`, notes: `Note ${marker}` });
    for (const f of allFiles(dir)) expect(f.bytes.includes(marker), f.path).toBe(false);
    session.close('test');
    for (const f of allFiles(dir)) expect(f.bytes.includes(marker), f.path).toBe(false);
  });
});

describe('filtered search', () => {
  it('filters channels and their evidence by facets that follow status and category changes', async () => {
    const { intakeBytes } = await import('../../../electron/core/evidence/intake');
    const { screenshotPng } = await import('../../fixtures/catalog');
    const { session } = await newVault();
    const { id } = addOrFindChannel(session, POLICY, {
      url: 't.me/facet_chan',
      title: 'Kanal faset',
      category: 'hoaks',
    });
    const item = await intakeBytes(session, POLICY, await screenshotPng(11), {
      originalName: 'faset.png',
      notes: 'faset bukti',
      channelId: id,
    });
    const kinds = (filter: Parameters<typeof search>[2]) =>
      search(session.db, 'faset', filter)
        .map((h) => `${h.kind}:${h.id}`)
        .sort();
    expect(kinds({})).toEqual([`channel:${id}`, `evidence:${item.evidenceId}`]);
    expect(kinds({ status: 'active', category: 'hoaks', platform: 'telegram' })).toEqual([
      `channel:${id}`,
      `evidence:${item.evidenceId}`,
    ]);
    expect(kinds({ status: 'reported' })).toEqual([]);
    setChannelStatus(session, id, 'reported');
    updateChannel(session, POLICY, id, { category: 'terorisme' });
    expect(kinds({ status: 'reported', category: 'terorisme' })).toEqual([
      `channel:${id}`,
      `evidence:${item.evidenceId}`,
    ]);
    expect(kinds({ status: 'active' })).toEqual([]);
    expect(kinds({ platform: 'x' })).toEqual([]);
    session.close('test');
  });
});
