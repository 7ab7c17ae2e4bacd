import { readFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { api, createVaultThroughUi, expect, test } from './fixtures';
import { screenshotPng } from './png';
import { openArea } from './steps';

/** JEJAK_SCREENSHOT_DIR keeps screenshots of an excluded item for a person to look at (not a test artefact). */
async function keepScreenshot(page: Page, name: string) {
  const dir = process.env.JEJAK_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

async function addChannels(page: Page, links: string[], category: string) {
  await openArea(page, 'Kanal');
  await page.getByRole('button', { name: 'Tambah kanal' }).first().click();
  await page.getByLabel('Tautan kanal').fill(links.join('\n'));
  // Nothing is added until a category is chosen: no silent "lainnya".
  await expect(page.getByRole('button', { name: 'Periksa' })).toBeDisabled();
  await page.getByLabel('Kategori untuk tautan yang tidak menyebut kategori').selectOption({ label: category });
  await page.getByRole('button', { name: 'Periksa' }).click();
  await page.getByRole('button', { name: `Tambahkan ${links.length} kanal` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Tutup' }).last().click();
}

test('a channel added by mistake is excluded with a reason, found under "excluded only", and restored', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await createVaultThroughUi(page);
  await addChannels(page, ['https://t.me/jejak_judi_benar', 'https://t.me/jejak_salah_ketik'], 'Judi online');
  await expect(page.getByTestId('channel-count')).toHaveText('2 kanal');
  await expect(page.getByTestId('channel-table')).toContainText('Judi online');
  // The next add offers the category chosen last.
  await page.getByRole('button', { name: 'Tambah kanal' }).first().click();
  await expect(page.getByLabel('Kategori untuk tautan yang tidak menyebut kategori')).toHaveValue('judi online');
  await page.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();

  await page.getByTestId('channel-table').getByRole('button', { name: '@jejak_salah_ketik' }).click();
  await page.getByRole('button', { name: 'Kecualikan…' }).click();
  const dialog = page.getByTestId('exclude-dialog');
  await expect(dialog.getByRole('button', { name: 'Kecualikan', exact: true })).toBeDisabled();
  await dialog.getByLabel('Alasan').fill('Tautan salah ketik, kanal lain');
  await dialog.getByRole('button', { name: 'Kecualikan', exact: true }).click();
  const banner = page.getByTestId('excluded-banner');
  await expect(banner).toContainText('Alasan: Tautan salah ketik, kanal lain');
  await keepScreenshot(page, 'excluded-channel');

  await page.getByRole('button', { name: '← Kembali' }).click();
  await expect(page.getByTestId('channel-count')).toHaveText('1 kanal');
  await page.getByLabel('Cari di brankas').fill('salah_ketik');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-results')).toContainText('Tidak ada yang cocok');
  await page.getByRole('button', { name: '← Tutup pencarian' }).click();

  await openArea(page, 'Kanal');
  await page.getByTestId('show-excluded').check();
  await expect(page.getByTestId('channel-count')).toContainText('1');
  const row = page.getByTestId('channel-table').getByRole('row').filter({ hasText: 'jejak_salah_ketik' });
  await expect(row).toContainText('Dikecualikan');
  await keepScreenshot(page, 'excluded-list');
  await row.getByRole('button', { name: '@jejak_salah_ketik' }).click();
  await page.getByTestId('excluded-banner').getByRole('button', { name: 'Pulihkan' }).click();
  await expect(page.getByTestId('excluded-banner')).toHaveCount(0);
  await page.getByRole('button', { name: '← Kembali' }).click();
  await page.getByTestId('show-excluded').uncheck();
  await expect(page.getByTestId('channel-count')).toHaveText('2 kanal');
  expect(harness.foreignRequests).toEqual([]);
});

test('evidence is excluded and restored, and an item taken in by mistake is purged after naming its SHA-256', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await createVaultThroughUi(page);
  await openArea(page, 'Bukti');
  await page
    .getByTestId('intake-files')
    .setInputFiles(
      [1, 2, 3].map((seed) => ({ name: `bukti-${seed}.png`, mimeType: 'image/png', buffer: screenshotPng(seed + 60) })),
    );
  await expect(page.getByTestId('intake-summary')).toHaveText('Selesai: 3 bukti baru, 0 sudah ada, 0 gagal.');

  await page.getByTestId('evidence-tile').filter({ hasText: 'bukti-2.png' }).click();
  await page.getByRole('button', { name: 'Kecualikan…' }).click();
  await page.getByTestId('exclude-dialog').getByLabel('Alasan').fill('Tangkapan layar pribadi');
  await page.getByTestId('exclude-dialog').getByRole('button', { name: 'Kecualikan', exact: true }).click();
  await expect(page.getByTestId('excluded-banner')).toContainText('Tangkapan layar pribadi');
  await page.getByRole('button', { name: '← Kembali' }).click();
  await expect(page.getByTestId('evidence-tile')).toHaveCount(2);
  await page.getByTestId('show-excluded').check();
  await expect(page.getByTestId('evidence-tile')).toHaveCount(1);
  await expect(page.getByTestId('evidence-tile')).toContainText('Dikecualikan');
  await page.getByTestId('evidence-tile').click();
  await page.getByTestId('excluded-banner').getByRole('button', { name: 'Pulihkan' }).click();
  await expect(page.getByTestId('excluded-banner')).toHaveCount(0);
  await page.getByRole('button', { name: '← Kembali' }).click();
  await page.getByTestId('show-excluded').uncheck();
  await expect(page.getByTestId('evidence-tile')).toHaveCount(3);

  await page.getByTestId('evidence-tile').filter({ hasText: 'bukti-3.png' }).click();
  const sha256 = (await page.locator('.hash-row', { hasText: 'SHA-256' }).locator('code').innerText()).trim();
  await page.getByRole('button', { name: 'Hapus permanen…' }).click();
  await expect(page.getByTestId('purge-sha256')).toHaveText(sha256);
  await page.getByTestId('purge-dialog').getByRole('button', { name: 'Hapus permanen', exact: true }).click();
  await expect(page.getByTestId('purged-notice')).toContainText(sha256);
  await expect(page.getByTestId('evidence-tile')).toHaveCount(2);
  expect(harness.foreignRequests).toEqual([]);
});

test('a draft case is edited, loses an item and is deleted; its number is not given out again', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await createVaultThroughUi(page);
  await addChannels(page, ['https://t.me/jejak_draf_satu', 'https://t.me/jejak_draf_dua'], 'Hoaks');
  const { rows } = await api<{ rows: Array<{ id: number }> }>(page, 'channels.list', {
    filter: {},
    sort: 'created',
    descending: false,
    offset: 0,
    limit: 10,
  });
  const first = await api<{ reference: string }>(page, 'cases.create', {
    title: 'Draf hoaks',
    platform: 'telegram',
    priority: 'normal',
    legalBasis: '',
    channelIds: rows.map((r) => r.id),
    evidenceIds: [],
  });

  await openArea(page, 'Kasus');
  await page.getByTestId('case-table').getByRole('button', { name: first.reference }).click();
  await page.getByRole('button', { name: 'Ubah draf' }).click();
  await page.getByTestId('edit-case').getByLabel('Judul', { exact: true }).fill('Draf hoaks (diperbaiki)');
  await page.getByTestId('edit-case').getByText('Mendesak').click();
  await page.getByTestId('edit-case').getByRole('button', { name: 'Simpan perubahan' }).click();
  const detail = page.getByTestId('case-detail');
  await expect(detail.getByRole('heading', { name: 'Draf hoaks (diperbaiki)' })).toBeVisible();
  await expect(detail.locator('.priority')).toHaveText('Mendesak');

  await detail.getByRole('button', { name: /Keluarkan .*jejak_draf_dua.* dari kasus/ }).click();
  await expect(detail.getByTestId('case-channels').getByRole('heading')).toHaveText('Kanal (1)');

  await page.getByRole('button', { name: 'Hapus draf' }).click();
  await expect(page.getByTestId('delete-case')).toContainText(`Nomor ${first.reference} tidak akan dipakai lagi`);
  await page.getByTestId('delete-case').getByRole('button', { name: 'Hapus kasus' }).click();
  await expect(page.getByTestId('cases-empty')).toBeVisible();
  const second = await api<{ reference: string }>(page, 'cases.create', {
    title: 'Berikutnya',
    platform: 'telegram',
    priority: 'normal',
    legalBasis: '',
    channelIds: [],
    evidenceIds: [],
  });
  expect(second.reference).not.toBe(first.reference);
  expect(harness.foreignRequests).toEqual([]);
});

test('an exported case waits for the supervisor package: no button records approved or returned by hand', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await createVaultThroughUi(page);
  await api(page, 'identity.set', {
    name: 'Rina Wulandari',
    unit: 'Direktorat Pengendalian Konten',
    employeeId: 'NIP-1',
    role: 'analyst',
  });
  const { channel } = await api<{ channel: { id: number } }>(page, 'channels.add', {
    url: 'https://t.me/jejak_status_satu',
    category: 'terorisme',
  });
  const kase = await api<{ id: number; reference: string }>(page, 'cases.create', {
    title: 'Status',
    platform: 'telegram',
    priority: 'normal',
    legalBasis: '',
    channelIds: [channel.id],
    evidenceIds: [],
  });
  const { path } = await api<{ path: string }>(page, 'cases.export', {
    id: kase.id,
    jobId: 'e2e-export',
    language: 'id',
  });

  await openArea(page, 'Kasus');
  await page.getByTestId('case-table').getByRole('button', { name: kase.reference }).click();
  const card = page.getByTestId('status-card');
  await expect(card).toContainText('Menunggu keputusan supervisor');
  await expect(card.getByRole('button')).toHaveCount(0);
  await expect(page.getByTestId('decision-drop')).toContainText('Letakkan paket keputusan (.zip) di sini');
  // The analyst's own export is no decision: refused, naming why; nothing changes.
  await page
    .getByTestId('decision-file')
    .setInputFiles({ name: 'sendiri.zip', mimeType: 'application/zip', buffer: readFileSync(path) });
  await expect(page.getByTestId('decision-error')).toContainText('Paket ini belum berisi keputusan supervisor');
  await expect(page.getByTestId('case-detail').locator('.case-status').first()).toHaveText('Diekspor');
  await keepScreenshot(page, 'awaiting-decision');
  expect(harness.foreignRequests).toEqual([]);
});
