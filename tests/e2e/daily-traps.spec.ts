import { readFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { createVaultThroughUi, expect, test } from './fixtures';
import { screenshotPng } from './png';
import { addChannelsThroughUi, openArea } from './steps';

function shots(seeds: number[], prefix = 'tangkapan') {
  return seeds.map((seed) => ({ name: `${prefix}-${seed}.png`, mimeType: 'image/png', buffer: screenshotPng(seed) }));
}

async function takeIn(page: Page, files: ReturnType<typeof shots>, added: number) {
  await page.getByTestId('intake-files').setInputFiles(files);
  await expect(page.getByTestId('intake-summary')).toHaveText(`Selesai: ${added} bukti baru, 0 sudah ada, 0 gagal.`);
}

test('shared intake details go with one batch only, a post link keeps its number, and the channel page is never stale', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await createVaultThroughUi(page);
  await openArea(page, 'Bukti');
  await page.getByText('Keterangan bersama (opsional)').click();
  await page.getByLabel('Tautan sumber').fill('https://t.me/kanal_uji/4521');
  await page.getByLabel('Kategori saluran sumber (bila baru di katalog)').selectOption('hoaks');
  // the link is read as it is typed: its channel, its post, and that the channel is new
  await expect(page.getByTestId('source-preview')).toContainText('Kanal: t.me/kanal_uji');
  await expect(page.getByTestId('source-preview')).toContainText('unggahan 4521');
  await expect(page.getByTestId('source-preview')).toContainText('akan ditambahkan ke katalog');
  await page.getByLabel('Catatan', { exact: true }).fill('Dari grup WhatsApp warga.');
  const pending = page.getByTestId('intake-pending');
  await expect(pending).toContainText('Berlaku untuk berkas berikutnya');
  await expect(pending).toContainText('sumber https://t.me/kanal_uji/4521');
  await page.screenshot({ path: '/tmp/intake-pending.png' });

  await takeIn(page, shots([1, 2]), 2);
  await expect(page.getByTestId('intake-meta-cleared')).toBeVisible();
  await expect(page.getByLabel('Tautan sumber')).toHaveValue('');
  await expect(page.getByLabel('Catatan', { exact: true })).toHaveValue('');
  await expect(pending).toHaveCount(0);

  // the next batch carries nothing of the first one
  await takeIn(page, shots([3]), 1);
  await page.getByTestId('evidence-tile').filter({ hasText: 'tangkapan-3.png' }).click();
  await expect(page.getByTestId('evidence-viewer')).toContainText('Belum ditautkan ke kanal');
  await page.getByRole('button', { name: '← Kembali' }).click();

  // the channel made from the post link remembers the post, and counts its evidence
  await page.getByTestId('evidence-tile').filter({ hasText: 'tangkapan-1.png' }).click();
  await page.getByTestId('evidence-viewer').getByRole('button', { name: 'kanal_uji' }).click();
  const detail = page.getByTestId('channel-detail');
  await expect(detail).toContainText('https://t.me/kanal_uji/4521');
  await expect(detail).toContainText('unggahan 4521');
  await expect(detail).toContainText('Bukti (2)');

  // more evidence of this channel, taken in elsewhere: back on the channel page the count is fresh
  await openArea(page, 'Bukti');
  await expect(page.getByTestId('evidence-viewer')).toBeVisible(); // the item it was opened from, kept
  await openArea(page, 'Bukti'); // a second click goes back to the gallery
  await page.getByText('Keterangan bersama (opsional)').click();
  await page.getByLabel('Tautan sumber').fill('t.me/kanal_uji');
  await expect(page.getByTestId('source-preview')).toContainText('sudah ada di katalog');
  await takeIn(page, shots([4]), 1);
  await openArea(page, 'Kanal');
  await expect(detail).toContainText('Bukti (3)');
  expect(harness.foreignRequests).toEqual([]);
});

test('viewer: previous and next in gallery order, zoom, export of the original bytes, and a channel picked from the catalog', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await createVaultThroughUi(page);
  await addChannelsThroughUi(page, ['https://t.me/berita_harian_uji', 'https://www.youtube.com/@KanalContoh'], 'hoaks');
  // a YouTube handle is shown with one "@"
  await expect(page.getByTestId('channel-table')).toContainText('@KanalContoh');
  await expect(page.getByTestId('channel-table')).not.toContainText('@@');

  await openArea(page, 'Bukti');
  const files = shots([11, 12, 13]);
  await takeIn(page, files, 3);
  const tiles = page.getByTestId('evidence-tile');
  const order = await tiles.allInnerTexts();
  const nameAt = (i: number) => files.find((f) => order[i]!.includes(f.name))!.name;
  await tiles.first().click();
  const viewer = page.getByTestId('evidence-viewer');
  await expect(page.getByTestId('viewer-position')).toHaveText('1 dari 3');
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText(nameAt(0));
  await page.getByRole('button', { name: 'Berikutnya →' }).click();
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText(nameAt(1));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('viewer-position')).toHaveText('3 dari 3');
  await expect(page.getByRole('button', { name: 'Berikutnya →' })).toBeDisabled();
  await page.keyboard.press('ArrowLeft');
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText(nameAt(1));

  // zoom: the original is drawn larger than the panel, inside a frame that scrolls
  const image = page.getByTestId('evidence-original');
  await expect
    .poll(() => image.evaluate((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(0);
  const fitted = await image.evaluate((i) => i.getBoundingClientRect().width);
  await page.getByRole('button', { name: 'Perbesar' }).click();
  await page.getByRole('button', { name: 'Perbesar' }).click();
  await expect(page.getByTestId('zoom-level')).toHaveText('200%');
  await expect.poll(() => image.evaluate((i) => i.getBoundingClientRect().width)).toBeGreaterThan(fitted * 1.5);
  await page.screenshot({ path: '/tmp/viewer-zoomed.png' });
  await page.getByTestId('zoom-level').click();
  await expect(page.getByTestId('zoom-level')).toHaveText('Pas layar');

  // export original: in the browser a download of the very bytes taken in
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ekspor berkas asli' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe(nameAt(1));
  expect(readFileSync((await saved.path())!).equals(files.find((f) => f.name === nameAt(1))!.buffer)).toBe(true);

  // link a channel by picking it from the catalog
  await page.getByRole('button', { name: 'Pilih dari katalog' }).click();
  await page.getByLabel('Cari kanal (judul, nama, atau tautan)').fill('berita');
  await page.getByRole('button', { name: 'Tautkan ke @berita_harian_uji' }).click();
  await expect(viewer.getByRole('button', { name: /t\.me\/berita_harian_uji/ })).toBeVisible();
  await expect(page.getByTestId('channel-link-picker')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/viewer-linked.png' });
  expect(harness.foreignRequests).toEqual([]);
});

test('the activity log names each event and the item it changed, with a link, in both languages', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await createVaultThroughUi(page);
  await addChannelsThroughUi(page, ['https://t.me/kabar_sejuk_uji'], 'hoaks');
  await page
    .getByTestId('channel-table')
    .getByRole('button', { name: /kabar_sejuk_uji/ })
    .click();
  const longTitle =
    'Kabar Sejuk — kanal penyebar hoaks kesehatan dan ajakan menolak vaksinasi di wilayah timur, dikelola beberapa akun cadangan';
  await page.getByLabel('Judul').fill(longTitle);
  await page.getByRole('button', { name: 'Simpan' }).first().click();
  // a long title is cut on one line, and shown whole on hover
  const heading = page.getByTestId('channel-detail').getByRole('heading', { level: 1 });
  await expect(heading).toHaveAttribute('title', longTitle);
  expect(await heading.evaluate((h) => h.scrollWidth > h.clientWidth)).toBe(true);

  await openArea(page, 'Bukti');
  await page.getByText('Keterangan bersama (opsional)').click();
  await page.getByLabel('Tautan sumber').fill('https://t.me/kabar_sejuk_uji/77');
  await takeIn(page, shots([21]), 1);

  await openArea(page, 'Aktivitas');
  const row = (action: string) => page.locator(`tr[data-action="${action}"]`).first();
  await expect(row('evidence.added')).toContainText('Bukti dimasukkan');
  await expect(row('evidence.added')).toContainText('Bukti #1 tangkapan-21.png');
  await expect(row('channel.created')).toContainText('Kanal ditambahkan');
  await expect(row('channel.updated').getByRole('button')).toHaveAttribute('title', longTitle);
  await page.screenshot({ path: '/tmp/activity-id.png', fullPage: true });
  await page.getByLabel('Bahasa / Language').selectOption('en');
  await expect(row('evidence.added')).toContainText('Evidence taken in');
  await expect(row('evidence.added')).toContainText('Evidence #1 tangkapan-21.png');
  await page.screenshot({ path: '/tmp/activity-en.png', fullPage: true });
  await row('evidence.added').getByRole('button', { name: 'Open tangkapan-21.png' }).click();
  await expect(page.getByTestId('evidence-viewer').getByRole('heading', { level: 1 })).toHaveText('tangkapan-21.png');
  expect(harness.foreignRequests).toEqual([]);
});
