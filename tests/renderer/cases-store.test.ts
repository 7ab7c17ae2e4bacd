import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JejakApp } from '../../electron/core/app/jejak-app';
import { call } from '../../renderer/api';
import { useCasesStore } from '../../renderer/features/cases/cases-store';
import { useExportStore } from '../../renderer/features/cases/export-store';
import { useNewCaseStore } from '../../renderer/features/cases/new-case-store';
import { usePickerStore } from '../../renderer/features/cases/picker-store';
import { bytesToBase64 } from '../../renderer/features/evidence/base64';
import { useIdentityStore } from '../../renderer/features/identity/identity-store';
import { useI18n } from '../../renderer/i18n';
import { screenshotPng } from '../fixtures/catalog';
import { openNewVault } from './real-api';
import { until } from './store-until';

let app: JejakApp;
let daulah: number;
let kajian: number;

/** Two Telegram channels, two screenshots of the first's posts and one of the second's. */
beforeEach(async () => {
  useI18n.getState().setLanguage('id');
  app = await openNewVault();
  await call('channels.commitImport', {
    text: 'https://t.me/daulah_media\nhttps://t.me/kajian_hijrah',
    category: 'terorisme',
  });
  const { rows } = await call('channels.list', { filter: {}, sort: 'title', descending: false, offset: 0, limit: 10 });
  [daulah, kajian] = [
    rows.find((c) => c.handle === 'daulah_media')!.id,
    rows.find((c) => c.handle === 'kajian_hijrah')!.id,
  ];
  for (const [seed, post] of [
    [1, 'daulah_media/10'],
    [2, 'daulah_media/11'],
    [3, 'kajian_hijrah/7'],
  ] as const)
    await call('evidence.intakeBytes', {
      name: `shot-${seed}.png`,
      dataBase64: bytesToBase64(await screenshotPng(seed)),
      sourceUrl: `https://t.me/${post}`,
      jobId: crypto.randomUUID(),
    });
}, 60_000);
afterEach(() => app.lock('test'));

const cases = () => useCasesStore.getState();
const evidenceIdsOf = async (channelId: number) =>
  (await call('evidence.list', { filter: { channelId }, offset: 0, limit: 10 })).rows.map((e) => e.id).sort();

async function draftCase(title: string) {
  const detail = await cases().create({
    title,
    platform: 'telegram',
    priority: 'normal',
    legalBasis: '',
    channelIds: [daulah],
    evidenceIds: await evidenceIdsOf(daulah),
  });
  cases().open(detail.id);
  return until(useCasesStore, (s) => s.detail?.id === detail.id && s.evidence.length === 2);
}

describe('the cases stores over the real core', { timeout: 60_000 }, () => {
  it('a new case from a picked channel takes its evidence, opens as a draft and shows in the list', async () => {
    useNewCaseStore.getState().show();
    const picker = await until(usePickerStore, (s) => s.channelRows.length === 2);
    await picker.toggleChannel(picker.channelRows.find((c) => c.id === daulah)!);
    expect([...usePickerStore.getState().checked].sort()).toEqual(await evidenceIdsOf(daulah));
    useNewCaseStore.getState().setForm({ title: 'Rekrutmen daring', priority: 'urgent' });
    expect(await useNewCaseStore.getState().submit()).toBe(true);

    const opened = await until(useCasesStore, (s) => s.detail !== null && s.evidence.length === 2);
    expect(opened.detail).toMatchObject({
      title: 'Rekrutmen daring',
      platform: 'telegram',
      priority: 'urgent',
      status: 'draft',
      channelIds: [daulah],
    });
    expect(opened.channels.map((c) => c?.id)).toEqual([daulah]);
    expect(opened.evidence.map((e) => e?.originalName).sort()).toEqual(['shot-1.png', 'shot-2.png']);
    const listed = await until(useCasesStore, (s) => s.cases !== null && s.cases.length === 1);
    expect(listed.cases![0]).toMatchObject({
      title: 'Rekrutmen daring',
      status: 'draft',
      channelCount: 1,
      evidenceCount: 2,
    });
  });

  it('a draft takes more items, and refuses a title left empty with a coded error', async () => {
    await draftCase('Daulah');
    expect(await cases().addItems([kajian], await evidenceIdsOf(kajian))).toBe(true);
    expect(cases().detail).toMatchObject({ channelCount: 2, evidenceCount: 3 });
    expect(cases().evidence).toHaveLength(3);
    expect(await cases().update({ title: '   ' })).toBe(false);
    expect(cases().actionError?.code).toBe('INVALID_INPUT');
    expect(cases().detail?.title).toBe('Daulah');
  });

  it('exporting needs a name and unit first; then it writes the package and moves the case to exported', async () => {
    const { detail } = await draftCase('Untuk diekspor');
    const kase = { id: detail!.id, reference: detail!.reference };
    const exporter = () => useExportStore.getState();

    expect(await exporter().start(kase, 'id', null)).toBeNull();
    expect(exporter()).toMatchObject({ phase: 'failed', missing: ['name', 'unit'] });
    expect((await call('cases.get', { id: kase.id })).status).toBe('draft');

    expect(
      await useIdentityStore
        .getState()
        .save({ name: 'Sari Analis', unit: 'Direktorat', employeeId: 'NIP-1', role: 'analyst' }),
    ).toBe(true);
    const result = await exporter().start(kase, 'id', null);
    expect(result).toMatchObject({ fileName: expect.stringMatching(/\.zip$/), recipients: [] });
    expect(exporter()).toMatchObject({ phase: 'done', error: null });
    // the progress bar moved, from events sent while the package was written
    expect(exporter().total).toBeGreaterThan(0);
    expect(statSync(result!.path).size).toBe(result!.bytes);

    const after = await until(
      useCasesStore,
      (s) => s.detail?.status === 'exported' && s.cases?.[0]?.status === 'exported',
    );
    expect(after.detail!.exports).toMatchObject([{ fileName: result!.fileName, bytes: result!.bytes }]);
    expect(after.detail!.allowedNext).toEqual([]);

    // what was signed cannot change, and nobody can type the supervisor's decision
    expect(await cases().addItems([kajian], [])).toBe(false);
    expect(cases().actionError?.code).toBe('INVALID_INPUT');
    expect(await cases().setStatus('approved', '')).toBe(false);
    expect(cases().actionError?.code).toBe('ILLEGAL_STEP');
    expect(cases().detail?.status).toBe('exported');
  });

  it('a deleted draft leaves the list and its reference is never given out again', async () => {
    const first = (await draftCase('Salah buat')).detail!;
    expect(await cases().deleteDraft()).toBe(true);
    expect(cases().openId).toBeNull();
    expect((await until(useCasesStore, (s) => !s.loading && s.cases !== null && s.cases.length === 0)).cases).toEqual(
      [],
    );
    const second = (await draftCase('Yang benar')).detail!;
    expect(second.reference).not.toBe(first.reference);
  });
});
