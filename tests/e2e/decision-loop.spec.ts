import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  PASSPHRASE,
  TEST_POLICY,
  type UiIdentity,
  api,
  createVaultThroughUi,
  expect,
  secondHarness,
  test,
} from './fixtures';
import { screenshotPng } from './png';

/** The unit's policy: nobody works in a vault without their name on it. */
const POLICY = { kdf: TEST_POLICY.kdf };
const UNIT = 'Direktorat Pengendalian Konten';
const ANALYST: UiIdentity = { name: 'Sari Analis', unit: UNIT, employeeId: '199001012020012001', role: 'Analis' };
const SUPERVISOR: UiIdentity = {
  name: 'Budi Supervisor',
  unit: UNIT,
  employeeId: '198501012010011001',
  role: 'Supervisor',
};

import { expectDashboard, exportThroughUi, keep, openArea, openCase, receiveThroughUi, signThroughUi } from './steps';

test.use({ policy: POLICY });

test('a case goes to the supervisor and back twice: returned with an item comment, revised, approved item by item, then sent and actioned', async ({
  page,
  harness,
  browser,
}) => {
  test.setTimeout(240_000);
  const supervisorPage = await (await browser.newContext({ viewport: { width: 1320, height: 860 } })).newPage();
  const other = await secondHarness(supervisorPage, POLICY);
  try {
    // Two people, two vaults; each is named from the start.
    await page.goto(harness.url);
    await expect(page.getByTestId('create-identity').getByRole('checkbox')).toHaveCount(0);
    await createVaultThroughUi(page, PASSPHRASE, ANALYST);
    await supervisorPage.goto(other.url);
    await createVaultThroughUi(supervisorPage, PASSPHRASE, SUPERVISOR);
    const analystKey = await api<{ fingerprint: string }>(page, 'identity.get', {});
    const supervisorKey = await api<{ fingerprint: string }>(supervisorPage, 'identity.get', {});
    await api(page, 'trust.import', {
      json: JSON.stringify([
        { fingerprint: supervisorKey.fingerprint, name: SUPERVISOR.name, unit: UNIT, role: 'supervisor' },
      ]),
    });
    await api(supervisorPage, 'trust.import', {
      json: JSON.stringify([{ fingerprint: analystKey.fingerprint, name: ANALYST.name, unit: UNIT, role: 'analyst' }]),
    });

    // The analyst's case: one channel, three screenshots taken in through the intake.
    const { channel } = await api<{ channel: { id: number } }>(page, 'channels.add', {
      url: 'https://t.me/jejak_loop_kanal',
      title: 'Kanal Propaganda',
      category: 'terorisme',
    });
    await openArea(page, 'Bukti');
    await page.getByTestId('intake-files').setInputFiles(
      [1, 2, 3].map((seed) => ({
        name: `bukti-${seed}.png`,
        mimeType: 'image/png',
        buffer: screenshotPng(seed + 300),
      })),
    );
    await expect(page.getByTestId('intake-summary')).toHaveText('Selesai: 3 bukti baru, 0 sudah ada, 0 gagal.');
    const { rows } = await api<{ rows: Array<{ id: number; originalName: string }> }>(page, 'evidence.list', {
      filter: {},
      offset: 0,
      limit: 10,
    });
    const idOf = (name: string) => rows.find((r) => r.originalName === name)!.id;
    for (const r of rows) await api(page, 'evidence.update', { id: r.id, channelId: channel.id });
    const kase = await api<{ id: number; reference: string }>(page, 'cases.create', {
      title: 'Propaganda kanal uji',
      platform: 'telegram',
      priority: 'normal',
      legalBasis: 'UU No. 5 Tahun 2018',
      channelIds: [channel.id],
      evidenceIds: ['bukti-1.png', 'bukti-2.png', 'bukti-3.png'].map(idOf),
    });
    await openCase(page, kase.reference);
    const r1 = await exportThroughUi(page);
    await expectDashboard(page, 1, 'Diekspor1');

    // The analyst opening the package sees no Approve button, only why.
    await openArea(page, 'Tinjauan');
    await page.getByTestId('review-file').setInputFiles(r1);
    await expect(page.getByTestId('decision-hidden')).toContainText(
      'Hanya supervisor yang dapat menyetujui atau mengembalikan paket',
    );
    await expect(page.getByRole('button', { name: 'Setujui dan tanda tangani' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Tutup paket' }).click();

    // The supervisor returns it with one item comment; approval was not possible with nothing reviewed.
    await openArea(supervisorPage, 'Tinjauan');
    await supervisorPage.getByTestId('review-file').setInputFiles(r1);
    await expect(supervisorPage.getByTestId('verdict')).toHaveAttribute('data-verdict', 'valid-trusted');
    await expect(supervisorPage.getByTestId('decision-progress-count')).toHaveText(
      'Ditinjau 0 dari 3 bukti, 0 bermasalah.',
    );
    await expect(supervisorPage.getByRole('button', { name: 'Setujui dan tanda tangani' })).toBeDisabled();
    await expect(supervisorPage.getByTestId('decision-missing')).toContainText('tandai 3 bukti lagi');
    const second = supervisorPage.getByTestId('review-item').nth(1);
    await second.getByText('Bermasalah').click();
    await second
      .getByPlaceholder('Jelaskan masalahnya agar analis dapat memperbaikinya')
      .fill('Nama kanal terpotong; ambil ulang tangkapan layar.');
    const returned = await signThroughUi(supervisorPage, 'return', async (dialog) => {
      await expect(dialog.getByTestId('confirm-reference')).toHaveText(kase.reference);
      await expect(dialog.getByTestId('confirm-items')).toHaveText('3 bukti: 1 ditinjau, 1 bermasalah');
      await expect(dialog.getByTestId('confirm-tagmanifest')).toHaveText(/^[0-9a-f]{64}$/);
    });

    // The analyst receives the return: the comment sits beside the item, and the case is returned.
    await openCase(page, kase.reference);
    await receiveThroughUi(page, returned);
    await expect(page.getByTestId('decision-outcome')).toHaveText(
      'Keputusan diterima: Dikembalikan oleh Budi Supervisor.',
    );
    await expect(page.getByTestId('case-detail').locator('.case-status').first()).toHaveText('Dikembalikan');
    const problemItem = page.locator(`[data-testid=case-evidence-item][data-evidence-id="${idOf('bukti-2.png')}"]`);
    await expect(problemItem.getByTestId('item-comments')).toContainText(
      'Nama kanal terpotong; ambil ulang tangkapan layar.',
    );
    await expect(problemItem.getByTestId('item-comments')).toContainText(
      'Dikembalikan oleh Budi Supervisor (revisi 1)',
    );
    await expect(page.getByTestId('case-channels').getByTestId('item-comments')).toContainText('Nama kanal terpotong');
    await expect(page.getByTestId('status-card').getByRole('button')).toHaveText(['Buat revisi draf']);
    await keep(page, 'case-returned');
    await expectDashboard(page, 1, 'Dikembalikan1');

    // Revised: a new draft r2 without the bad screenshot, a better one in its place, exported again.
    await openCase(page, kase.reference);
    await page.getByTestId('status-card').getByRole('button', { name: 'Buat revisi draf' }).click();
    await expect(page.getByTestId('case-reference')).toHaveText(`${kase.reference}-r2`);
    await expectDashboard(page, 0, 'Draf1');
    await openArea(page, 'Bukti');
    await page
      .getByTestId('intake-files')
      .setInputFiles([{ name: 'bukti-2-ulang.png', mimeType: 'image/png', buffer: screenshotPng(399) }]);
    await expect(page.getByTestId('intake-summary')).toContainText('1 bukti baru');
    const replacement = (
      await api<{ rows: Array<{ id: number; originalName: string }> }>(page, 'evidence.list', {
        filter: {},
        offset: 0,
        limit: 10,
      })
    ).rows.find((r) => r.originalName === 'bukti-2-ulang.png')!.id;
    await api(page, 'cases.removeItems', { id: kase.id, channelIds: [], evidenceIds: [idOf('bukti-2.png')] });
    await api(page, 'cases.addItems', { id: kase.id, channelIds: [], evidenceIds: [replacement] });
    await openCase(page, `${kase.reference}-r2`);
    const r2 = await exportThroughUi(page);
    await expectDashboard(page, 1, 'Diekspor1');

    // The supervisor marks every item and approves, through the confirmation.
    await supervisorPage.getByTestId('review-file').setInputFiles(r2);
    await expect(supervisorPage.getByTestId('verdict')).toHaveAttribute('data-verdict', 'valid-trusted');
    const items = supervisorPage.getByTestId('review-item');
    await expect(items).toHaveCount(3);
    for (let n = 0; n < 3; n++) await items.nth(n).getByText('Sesuai').click();
    await supervisorPage.getByLabel('Komentar keputusan').fill('Lengkap, kirim ke platform.');
    const approved = await signThroughUi(supervisorPage, 'approve', async (dialog) => {
      await expect(dialog.getByTestId('confirm-reference')).toHaveText(`${kase.reference}-r2`);
      await expect(dialog.getByTestId('confirm-items')).toHaveText('3 bukti: 3 ditinjau, 0 bermasalah');
      await expect(dialog).toContainText('Lengkap, kirim ke platform.');
      await keep(supervisorPage, 'review-confirmation');
    });

    // The analyst receives the approval (twice: the second time nothing changes), then records the platform's steps.
    await openCase(page, kase.reference);
    await receiveThroughUi(page, approved);
    await expect(page.getByTestId('decision-outcome')).toHaveText(
      'Keputusan diterima: Disetujui oleh Budi Supervisor.',
    );
    await expect(page.getByTestId('received-decision')).toHaveCount(2);
    await expectDashboard(page, 1, 'Disetujui1');
    await openCase(page, kase.reference);
    const steps: Array<[string, number, string]> = [
      ['Tandai sudah dikirim', 1, 'Dikirim ke platform1'],
      ['Tandai diterima platform', 1, 'Diterima platform1'],
      ['Tandai sudah ditindak', 0, 'Ditindak1'],
    ];
    for (const [button, open, byStatus] of steps) {
      await page.getByTestId('status-card').getByRole('button', { name: button }).click();
      await expect(page.getByTestId('status-card').getByRole('button', { name: button })).toHaveCount(0);
      await expectDashboard(page, open, byStatus);
      await openCase(page, kase.reference);
    }
    await expect(page.getByTestId('case-detail').locator('.case-status').first()).toHaveText('Ditindak');

    // The activity log names each step in Bahasa Indonesia, and the person, never an OS account.
    await openArea(page, 'Aktivitas');
    const log = page.locator('table.table tbody');
    for (const event of [
      'Kasus dibuka',
      'Kasus diekspor sebagai paket bertanda tangan',
      'Status kasus diubah',
      'Kasus dikembalikan menjadi revisi draf',
      'Berkas asli disimpan',
    ])
      await expect(log).toContainText(event);
    await expect(log).toContainText('Sari Analis (199001012020012001)');
    await expect(log).not.toContainText('os:');
    await openArea(supervisorPage, 'Aktivitas');
    for (const event of ['Paket dikembalikan dan ditandatangani', 'Paket disetujui dan ditandatangani'])
      await expect(supervisorPage.locator('table.table tbody')).toContainText(event);
    expect(harness.foreignRequests).toEqual([]);
    expect(other.foreignRequests).toEqual([]);
  } finally {
    await supervisorPage.context().close();
    await other.stop();
  }
});

test.describe('a vault made before identities were asked for', () => {
  test.use({
    seed: {
      run: async (dataDir: string) =>
        void execFileSync(process.execPath, [
          '--import',
          'tsx',
          'tests/fixtures/seed-channels.ts',
          join(dataDir, 'vault'),
          '0',
        ]),
    },
  });

  test('asks who works in it at unlock, before anything else, and names them from then on', async ({
    page,
    harness,
  }) => {
    await page.goto(harness.url);
    await page.getByLabel('Frasa sandi').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Buka', exact: true }).click();
    const gate = page.getByTestId('identity-gate');
    await expect(gate).toContainText('akun sistem operasi');
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await gate.getByLabel('Nama lengkap').fill(ANALYST.name);
    await gate.getByLabel('Unit kerja').fill(UNIT);
    await expect(gate.getByRole('button', { name: 'Simpan dan lanjutkan' })).toBeDisabled();
    await gate.getByLabel('NIP / nomor pegawai').fill(ANALYST.employeeId);
    await gate.getByRole('button', { name: 'Simpan dan lanjutkan' }).click();
    await expect(page.getByRole('navigation')).toBeVisible();
    await api(page, 'channels.add', { url: 'https://t.me/jejak_sesudah_identitas', category: 'hoaks' });
    await openArea(page, 'Aktivitas');
    const rows = page.locator('table.table tbody tr');
    // The change itself was made before anyone was named; what follows names the person.
    await expect(rows.nth(1)).toContainText('Identitas penanda tangan diubah');
    await expect(rows.first()).toContainText('Kanal ditambahkan');
    await expect(rows.first()).toContainText('Sari Analis (199001012020012001)');
    expect(harness.foreignRequests).toEqual([]);
  });
});
