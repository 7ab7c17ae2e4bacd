import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JejakApp } from '../../electron/core/app/jejak-app';
import { call } from '../../renderer/api';
import { useChannelDetailStore } from '../../renderer/features/channels/channel-detail-store';
import { type ChannelSummary, useChannelsStore } from '../../renderer/features/channels/channels-store';
import { useChannelImportStore } from '../../renderer/features/channels/import-store';
import { bytesToBase64 } from '../../renderer/features/evidence/base64';
import { useI18n } from '../../renderer/i18n';
import { screenshotPng } from '../fixtures/catalog';
import { openNewVault } from './real-api';
import { refreshed, until } from './store-until';

let app: JejakApp;
beforeEach(async () => {
  useI18n.getState().setLanguage('id');
  app = await openNewVault();
});
afterEach(() => app.lock('test'));

const rowsOf = (s: { pages: ReadonlyMap<number, readonly ChannelSummary[]> }) => s.pages.get(0) ?? [];
const importer = () => useChannelImportStore.getState();

async function importChannels(text: string, category = 'terorisme') {
  importer().show();
  importer().setText(text);
  importer().setCategory(category);
  await importer().runPreview();
  await importer().commit();
}

describe('the channels stores over the real core', { timeout: 60_000 }, () => {
  it('channels added through the import dialog appear in the list at once, with fresh evidence counts', async () => {
    importer().show();
    importer().setText('https://t.me/daulah_media\nt.me/s/kajian_hijrah/88\nhttps://t.me/daulah_media\nbukan tautan');
    importer().setCategory('terorisme');
    await importer().runPreview();
    expect(importer()).toMatchObject({ step: 'preview', preview: { counts: { new: 2, repeated: 1, invalid: 1 } } });
    // a preview adds nothing
    expect(
      (await call('channels.list', { filter: {}, sort: 'created', descending: true, offset: 0, limit: 10 })).total,
    ).toBe(0);

    await importer().commit();
    expect(importer()).toMatchObject({ step: 'done', result: { added: 2 }, error: null });
    const list = await until(useChannelsStore, (s) => s.total !== null);
    expect(list.total).toBe(2);
    expect(
      rowsOf(list)
        .map((c) => [c.handle, c.category, c.status, c.evidenceCount])
        .sort(),
    ).toEqual([
      ['daulah_media', 'terorisme', 'active', 0],
      ['kajian_hijrah', 'terorisme', 'active', 0],
    ]);

    // a screenshot of one of its posts, taken in elsewhere: the list shows it when next shown
    await call('evidence.intakeBytes', {
      name: 'post.png',
      dataBase64: bytesToBase64(await screenshotPng(1)),
      sourceUrl: 'https://t.me/daulah_media/120',
      jobId: crypto.randomUUID(),
    });
    const after = await refreshed(useChannelsStore);
    expect(rowsOf(after).find((c) => c.handle === 'daulah_media')?.evidenceCount).toBe(1);
    expect(rowsOf(after).find((c) => c.handle === 'kajian_hijrah')?.evidenceCount).toBe(0);
  });

  it('importing a link already in the catalogue adds nothing and says it exists', async () => {
    await importChannels('https://t.me/daulah_media');
    await importChannels('t.me/s/daulah_media');
    expect(importer()).toMatchObject({ result: { added: 0, counts: { new: 0, existing: 1 } } });
    expect((await until(useChannelsStore, (s) => s.total !== null)).total).toBe(1);
  });

  it('filters by status, and a bulk status change on the selection shows in the list', async () => {
    await importChannels('https://t.me/kanal_satu\nhttps://t.me/kanal_dua\nhttps://t.me/kanal_tiga');
    expect((await until(useChannelsStore, (s) => s.total !== null)).total).toBe(3);
    const channels = useChannelsStore.getState();
    await channels.toggle(0, false);
    await channels.toggle(2, true); // shift-click: the whole range
    expect(useChannelsStore.getState().selected.size).toBe(3);
    await useChannelsStore.getState().toggle(1, false); // and one out again
    const picked = [...useChannelsStore.getState().selected];
    expect(picked).toHaveLength(2);

    expect(await useChannelsStore.getState().setStatusOfSelected('reported', 'dilaporkan ke platform')).toBe(2);
    useChannelsStore.getState().setFilter({ status: 'reported' });
    const reported = await until(useChannelsStore, (s) => s.pages.has(0) && s.filter.status === 'reported');
    expect(reported.total).toBe(2);
    expect(
      rowsOf(reported)
        .map((c) => c.id)
        .sort(),
    ).toEqual(picked.sort());
    useChannelsStore.getState().setFilter({ status: 'active' });
    expect((await until(useChannelsStore, (s) => s.pages.has(0) && s.filter.status === 'active')).total).toBe(1);
  });

  it('an excluded channel leaves the list with its reason, and comes back when restored', async () => {
    await importChannels('https://t.me/salah_masuk\nhttps://t.me/tetap');
    const listed = await until(useChannelsStore, (s) => s.total !== null);
    expect(listed.total).toBe(2);
    const first = rowsOf(listed).find((c) => c.handle === 'salah_masuk');
    const detail = useChannelDetailStore.getState();
    detail.open(first!.id);
    detail.reload();
    await until(useChannelDetailStore, (s) => s.channel !== null);
    expect(await useChannelDetailStore.getState().exclude('')).toBe(false);
    expect(useChannelDetailStore.getState().error?.code).toBe('INVALID_INPUT');
    expect(await useChannelDetailStore.getState().exclude('bukan kanal yang dimaksud')).toBe(true);
    expect(useChannelDetailStore.getState().channel?.excluded).toMatchObject({ reason: 'bukan kanal yang dimaksud' });
    const hidden = await until(useChannelsStore, (s) => s.total !== 2);
    expect(rowsOf(hidden).map((c) => c.handle)).toEqual(['tetap']);

    useChannelsStore.getState().setFilter({ excluded: 'only' });
    const excluded = await until(useChannelsStore, (s) => s.pages.has(0) && s.filter.excluded === 'only');
    expect(rowsOf(excluded).map((c) => c.handle)).toEqual(['salah_masuk']);

    expect(await useChannelDetailStore.getState().restore()).toBe(true);
    useChannelsStore.getState().clearFilter();
    expect((await until(useChannelsStore, (s) => s.pages.has(0) && !s.filter.excluded)).total).toBe(2);
  });
  it('scrolling down a long list in a title sort shows every channel once, in order', async () => {
    const titles = ['', 'Alpha', 'alpha', 'Beta'];
    await importChannels(
      `url,title\n${Array.from({ length: 450 }, (_, i) => `https://t.me/kanal_${i},${titles[i % 4]}`).join('\n')}`,
    );
    await until(useChannelsStore, (s) => s.total !== null);
    useChannelsStore.getState().setSort('title');
    const store = useChannelsStore.getState;
    const loaded = (pages: number[]) => until(useChannelsStore, (s) => pages.every((p) => s.pages.has(p)));
    await loaded([0]);
    for (const page of [1, 2]) {
      store().ensureRange(page * 200, page * 200 + 10);
      await loaded([page]);
    }
    const whole = await call('channels.list', { filter: {}, sort: 'title', descending: false, offset: 0, limit: 500 });
    const shown = [0, 1, 2].flatMap((p) =>
      store()
        .pages.get(p)!
        .map((c) => c.id),
    );
    expect(whole.total).toBe(450);
    expect(shown).toEqual(whole.rows.map((c) => c.id));
  });
});
