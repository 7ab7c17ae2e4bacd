import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JejakApp } from '../../electron/core/app/jejak-app';
import { call } from '../../renderer/api';
import { type EvidenceSummary, useEvidenceStore } from '../../renderer/features/evidence/evidence-store';
import { useIntakeStore } from '../../renderer/features/evidence/intake-store';
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

const intake = () => useIntakeStore.getState();
const rowsOf = (s: { pages: ReadonlyMap<number, readonly EvidenceSummary[]> }) => s.pages.get(0) ?? [];
const png = async (seed: number, name = `shot-${seed}.png`) =>
  new File([new Uint8Array(await screenshotPng(seed))], name);

describe('the evidence stores over the real core', { timeout: 60_000 }, () => {
  it('dropped screenshots are taken in one by one and appear in the gallery; the same file again is a duplicate', async () => {
    await intake().takeFiles([await png(1), await png(2)]);
    expect(intake()).toMatchObject({ phase: 'done', total: 2, done: 2, notProcessed: 0 });
    expect(intake().outcomes.map((o) => [o.label, o.status])).toEqual([
      ['shot-1.png', 'added'],
      ['shot-2.png', 'added'],
    ]);
    // the gallery follows the intake by itself (after the first file, and again at the end)
    const gallery = await until(useEvidenceStore, (s) => s.total === 2);
    expect(
      rowsOf(gallery)
        .map((e) => [e.originalName, e.mediaType, e.width, e.hasThumbnail])
        .sort(),
    ).toEqual([
      ['shot-1.png', 'image/png', 480, true],
      ['shot-2.png', 'image/png', 480, true],
    ]);

    await intake().takeFiles([await png(1, 'again.png')]);
    expect(intake().outcomes).toMatchObject([{ label: 'again.png', status: 'duplicate' }]);
    expect((await refreshed(useEvidenceStore)).total).toBe(2);
  });

  it('a file that cannot be taken in is reported with its code, and the others are still taken', async () => {
    await intake().takeFiles([await png(3), new File([], 'kosong.png'), await png(4)]);
    expect(intake().outcomes.map((o) => o.status)).toEqual(['added', 'failed', 'added']);
    expect(intake().outcomes[1]).toMatchObject({ label: 'kosong.png', error: { code: 'INVALID_INPUT' } });
    expect((await refreshed(useEvidenceStore)).total).toBe(2);
  });

  it('a source link to a new channel needs a category first; then the item is filed under that channel', async () => {
    intake().setMeta({ sourceUrl: 'https://t.me/kanal_baru/15', notes: 'unggahan rekrutmen' });
    await intake().takeFiles([await png(5)]);
    expect(intake()).toMatchObject({
      phase: 'idle',
      metaError: { error: { code: 'INVALID_INPUT', reason: { key: 'intake.categoryNeeded' } } },
      outcomes: [],
    });
    expect((await call('evidence.list', { filter: {}, offset: 0, limit: 10 })).total).toBe(0);

    intake().setMeta({ category: 'terorisme' });
    await intake().takeFiles([await png(5)]);
    expect(intake().outcomes).toMatchObject([{ status: 'added' }]);
    // the shared details went with that batch and are cleared for the next one
    expect(intake()).toMatchObject({ metaCleared: true, meta: { sourceUrl: '', notes: '' } });
    await intake().takeFiles([await png(6)]);

    const outcome = intake().outcomes[0];
    const added = await call('evidence.list', { filter: {}, offset: 0, limit: 10 });
    const filed = added.rows.find((e) => e.originalName === 'shot-5.png')!;
    expect(filed).toMatchObject({ notes: 'unggahan rekrutmen', channelTitle: expect.any(String) });
    expect(outcome).toMatchObject({ label: 'shot-6.png', status: 'added' });

    useEvidenceStore.getState().showChannel(filed.channelId!, 'kanal_baru');
    const narrowed = await until(useEvidenceStore, (s) => s.pages.has(0) && s.filter.channelId === filed.channelId);
    expect(narrowed).toMatchObject({ total: 1, channelName: 'kanal_baru' });
    expect(rowsOf(narrowed).map((e) => e.originalName)).toEqual(['shot-5.png']);
    useEvidenceStore.getState().clearFilter();
    expect((await until(useEvidenceStore, (s) => s.pages.has(0) && s.filter.channelId === undefined)).total).toBe(2);
  });
});
