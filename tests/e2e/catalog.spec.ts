import { type Page } from '@playwright/test';
import { createVaultThroughUi, expect, test } from './fixtures';
import { screenshotPng } from './png';
import { openArea } from './steps';

/** 20 pasted lines: one Telegram channel in seven forms, other platforms, a tracked website link, two bad lines. */
const LINKS = [
  'https://t.me/jejak_uji_satu',
  't.me/jejak_uji_satu',
  '@jejak_uji_satu',
  'https://telegram.me/jejak_uji_satu',
  'tg://resolve?domain=jejak_uji_satu',
  'https://t.me/s/jejak_uji_satu',
  'https://t.me/jejak_uji_satu/123',
  'https://t.me/jejak_uji_dua',
  'https://t.me/joinchat/AbCdEfGhIjKlMnOp',
  'https://t.me/+QwErTyUiOpAsDfGh',
  'https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv',
  'https://whatsapp.com/channel/0029VaAbCdEfGhIjKlMnOp12',
  'https://www.youtube.com/@contohkanal',
  'https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv',
  'https://berita-palsu.id/artikel/1?utm_source=wa&utm_medium=share&utm_campaign=x',
  'https://x.com/akun_contoh',
  'https://www.tiktok.com/@akun_tiktok',
  'https://t.me/jejak_uji_tiga',
  'javascript:alert(1)',
  '%%%garbage%%%',
];

/** A DataTransfer in the page holding these files, as a drop or a paste would carry them. */
function filesInPage(page: Page, files: Array<{ name: string; base64: string }>) {
  return page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const f of list)
      data.items.add(
        new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: 'image/png' }),
      );
    return data;
  }, files);
}

/** The reason column of the preview row whose input is `input`. */
function reasonOf(page: Page, input: string) {
  return page
    .locator('tr', { has: page.getByRole('cell', { name: input, exact: true }) })
    .locator('td')
    .nth(3);
}

test('paste 20 mixed links, read the preview, add them; the table shows each channel once', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await createVaultThroughUi(page);
  await expect(page.getByTestId('dashboard-empty')).toBeVisible();
  await openArea(page, 'Kanal');
  await page.getByRole('button', { name: 'Tambah kanal' }).first().click();
  await page.getByLabel('Tautan kanal').fill(LINKS.join('\n'));
  await page.getByLabel('Kategori untuk tautan yang tidak menyebut kategori').selectOption('terorisme');
  await page.getByRole('button', { name: 'Periksa' }).click();

  const counts = page.getByTestId('import-counts');
  await expect(counts.locator('[data-state=new]')).toContainText('12');
  await expect(counts.locator('[data-state=repeated]')).toContainText('6');
  await expect(counts.locator('[data-state=invalid]')).toContainText('2');
  await expect(counts.locator('[data-state=existing]')).toContainText('0');
  await expect(page.locator('tbody tr')).toHaveCount(20);
  // Every other form of the first channel points back at line 1; the bad lines say why.
  await expect(reasonOf(page, '@jejak_uji_satu')).toHaveText('Kanal yang sama dengan baris 1');
  await expect(reasonOf(page, 'tg://resolve?domain=jejak_uji_satu')).toHaveText('Kanal yang sama dengan baris 1');
  await expect(reasonOf(page, 'javascript:alert(1)')).toHaveText(/not accepted|tidak diterima/);
  await expect(reasonOf(page, '%%%garbage%%%')).toHaveText(/single word|Bukan tautan/);
  // The tracking parameters are gone from the website's canonical link.
  await expect(page.locator('tr', { hasText: 'berita-palsu.id' }).locator('td').nth(3)).toHaveText(
    /https:\/\/berita-palsu\.id\/artikel\/1$/,
  );

  await page.getByRole('button', { name: 'Tambahkan 12 kanal' }).click();
  await expect(page.getByTestId('import-result')).toContainText('12 kanal baru ditambahkan');
  await page.getByRole('dialog').getByRole('button', { name: 'Tutup' }).last().click();

  await expect(page.getByTestId('channel-count')).toHaveText('12 kanal');
  await expect(page.getByTestId('channel-table')).toHaveAttribute('aria-rowcount', '13');
  await expect(page.getByTestId('channel-table').getByText('https://t.me/jejak_uji_satu', { exact: true })).toHaveCount(
    1,
  );

  // Keyboard: the grid moves its active row and Enter opens it.
  await page.getByTestId('channel-table').focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('channel-detail')).toBeVisible();
  await expect(page.getByTestId('canonical-url')).toHaveText('https://t.me/jejak_uji_satu');
  await expect(page.getByText('Tautan asli (7)')).toBeVisible();

  await openArea(page, 'Dasbor');
  await expect(page.getByTestId('dashboard')).toContainText('12');
  expect(harness.foreignRequests).toEqual([]);
});

test('take in five screenshots and see their thumbnails; a note found by search opens its item', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await createVaultThroughUi(page);
  await openArea(page, 'Bukti');
  await expect(page.getByRole('heading', { name: 'Belum ada bukti' })).toBeVisible();

  const shots = [1, 2, 3, 4, 5].map((seed) => ({
    name: `tangkapan-${seed}.png`,
    mimeType: 'image/png',
    buffer: screenshotPng(seed),
  }));
  await page.getByTestId('intake-files').setInputFiles(shots);
  await expect(page.getByTestId('intake-summary')).toHaveText('Selesai: 5 bukti baru, 0 sudah ada, 0 gagal.');
  const thumbnails = page.getByTestId('evidence-tile').locator('img');
  await expect(thumbnails).toHaveCount(5);
  await expect
    .poll(() =>
      thumbnails.evaluateAll(
        (imgs) =>
          imgs.filter((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0).length,
      ),
    )
    .toBe(5);

  // A second batch, dropped: an empty file and the same bytes again; the bad one is listed, the other still goes in.
  const dropped = await filesInPage(page, [
    { name: 'kosong.png', base64: '' },
    { name: 'salinan.png', base64: shots[0]!.buffer.toString('base64') },
  ]);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.getByTestId('intake-summary')).toHaveText('Selesai: 0 bukti baru, 1 sudah ada, 1 gagal.');
  await expect(page.getByTestId('intake-status')).toContainText('salinan.png sudah ada di brankas, ditautkan ke #1');
  await expect(page.getByTestId('intake-status').locator('.outcome-failed')).toContainText('kosong.png');
  await expect(page.getByTestId('evidence-tile')).toHaveCount(5);

  // An image pasted from the clipboard becomes evidence too.
  const clipboard = await filesInPage(page, [{ name: 'image.png', base64: screenshotPng(42).toString('base64') }]);
  await page.evaluate(
    (data) => window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true })),
    clipboard,
  );
  await expect(page.getByTestId('intake-summary')).toHaveText('Selesai: 1 bukti baru, 0 sudah ada, 0 gagal.');
  await expect(page.getByTestId('evidence-tile')).toHaveCount(6);
  await expect(page.getByTestId('evidence-tile').first()).toContainText(/^tempel-.*\.png/);

  await page.getByTestId('evidence-tile').filter({ hasText: 'tangkapan-3.png' }).click();
  await expect(page.getByTestId('evidence-original')).toBeVisible();
  await expect(page.getByTestId('evidence-viewer')).toContainText('96 × 72 piksel');
  await page.getByLabel('Catatan').fill('Diunggah ulang oleh akun zamrudkhatulistiwa pada malam hari.');
  await page.getByRole('button', { name: 'Simpan catatan' }).click();
  await expect(page.getByText('Catatan tersimpan.')).toBeVisible();
  await page.getByRole('button', { name: '← Kembali' }).click();

  await page.getByLabel('Cari di brankas').fill('zamrud');
  await page.keyboard.press('Enter');
  const results = page.getByTestId('search-results');
  await expect(results.locator('mark')).toHaveText(['zamrudkhatulistiwa']);
  await results.getByRole('button', { name: /tangkapan-3\.png/ }).click();
  await expect(page.getByTestId('evidence-viewer').getByRole('heading', { name: 'tangkapan-3.png' })).toBeVisible();
  await expect(page.getByLabel('Catatan')).toHaveValue(/zamrudkhatulistiwa/);
  expect(harness.foreignRequests).toEqual([]);
});

test('a channel title with markup is shown as text, never run', async ({ page, harness }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const title = '<img src=x onerror=alert(1)>';
  await page.goto(harness.url);
  await createVaultThroughUi(page);
  await openArea(page, 'Kanal');
  await page.getByRole('button', { name: 'Tambah kanal' }).first().click();
  const csv = `url,title,category,status,tags,notes,subscribers\nhttps://t.me/judul_jahat,"${title}",terorisme,active,uji,"<b>tebal</b>",1200\n`;
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'kanal.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByText('Dimuat dari kanal.csv')).toBeVisible();
  await page.getByLabel('Kategori untuk tautan yang tidak menyebut kategori').selectOption('terorisme');
  await page.getByRole('button', { name: 'Periksa' }).click();
  await page.getByRole('button', { name: 'Tambahkan 1 kanal' }).click();
  await expect(page.getByTestId('import-result')).toContainText('1 kanal baru ditambahkan');
  await page.getByRole('dialog').getByRole('button', { name: 'Tutup' }).last().click();

  await expect(page.getByTestId('channel-table').getByText(title, { exact: true })).toBeVisible();
  await page.getByTestId('channel-table').getByText(title, { exact: true }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByLabel('Catatan', { exact: true })).toHaveValue('<b>tebal</b>');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('b', { hasText: 'tebal' })).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(harness.foreignRequests).toEqual([]);
});

test('cancel stops an intake between files; what was already taken in stays', async ({ page, harness }) => {
  await page.goto(harness.url);
  await createVaultThroughUi(page);
  await openArea(page, 'Bukti');
  const files = Array.from({ length: 30 }, (_, i) => ({
    name: `besar-${i}.png`,
    mimeType: 'image/png',
    buffer: screenshotPng(500 + i, 1200, 900),
  }));
  await page.getByTestId('intake-files').setInputFiles(files);
  await expect(page.getByText(/Memasukkan \d+ dari 30/)).toBeVisible();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await page.getByRole('button', { name: 'Batal' }).click();
  const summary = page.getByTestId('intake-summary');
  await expect(summary).toHaveText(
    /^Selesai: \d+ bukti baru, 0 sudah ada, 0 gagal\. \d+ berkas tidak diproses karena dibatalkan\.$/,
  );
  const [added, skipped] = [...(await summary.innerText()).matchAll(/(\d+) (?:bukti baru|berkas tidak)/g)].map((m) =>
    Number(m[1]),
  );
  expect(added! + skipped!).toBe(30);
  expect(skipped).toBeGreaterThan(0);
  await expect(page.getByTestId('evidence-count')).toHaveText(`${added} berkas bukti`);
});
