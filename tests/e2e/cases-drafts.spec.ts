import { readdirSync } from 'node:fs';
import { createVaultThroughUi, expect, test } from './fixtures';
import { addChannelsThroughUi, openArea } from './steps';

const CHANNELS = ['https://t.me/jejak_kasus_satu', 'https://t.me/jejak_kasus_dua', 'https://t.me/jejak_kasus_tiga'];

test('a garbage .zip opened for review is invalid and names the failing check', async ({ page, harness }) => {
  await page.goto(harness.url);
  await createVaultThroughUi(page);
  await openArea(page, 'Tinjauan');
  await expect(page.getByText('Letakkan paket .zip di sini')).toBeVisible();
  await page.getByTestId('review-file').setInputFiles({
    name: 'bukan-paket.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from('PK\u0003\u0004 this is not a zip at all '.repeat(40)),
  });
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'invalid');
  await expect(verdict).toContainText('Tidak sah');
  await expect(page.getByTestId('failing-checks')).toContainText('Struktur ZIP');
  await expect(page.getByTestId('checks').locator('[data-check=zip-structure][data-ok=false]')).toBeVisible();
  await expect(page.getByTestId('decision-blocked')).toContainText('Paket yang tidak sah tidak dapat disetujui');
  await expect(page.getByRole('button', { name: 'Setujui dan tanda tangani' })).toBeDisabled();
  await page.getByRole('button', { name: 'Tutup paket' }).click();
  expect(harness.foreignRequests).toEqual([]);
});

test('a draft takes more items; export without a name and unit asks for them and leads to Settings', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await createVaultThroughUi(page);
  await addChannelsThroughUi(page, CHANNELS.slice(0, 2), 'terorisme');
  await openArea(page, 'Kasus');
  await page.getByRole('button', { name: 'Kasus baru' }).first().click();
  await page.getByTestId('new-case').getByLabel('Judul', { exact: true }).fill('Tanpa identitas');
  await page.getByTestId('channel-picker').getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Buat kasus' }).click();
  await expect(page.getByTestId('case-channels').getByRole('heading')).toHaveText('Kanal (1)');

  // While a draft, the case takes more; what it holds is shown ticked and fixed.
  await page.getByRole('button', { name: 'Tambah kanal/bukti' }).click();
  const picker = page.getByRole('dialog').getByTestId('channel-picker');
  await expect(picker.getByRole('checkbox', { checked: true, disabled: true })).toHaveCount(1);
  await picker.getByRole('checkbox', { checked: false }).check();
  await page.getByRole('button', { name: 'Tambahkan ke kasus' }).click();
  await expect(page.getByTestId('case-channels').getByRole('heading')).toHaveText('Kanal (2)');
  await page.getByTestId('export-card').getByRole('button', { name: 'Ekspor', exact: true }).click();
  await expect(page.getByTestId('export-identity')).toHaveText(/Isi nama dan unit Anda di Pengaturan/);
  await page.getByRole('button', { name: 'Buka Pengaturan' }).click();
  await expect(page.getByTestId('identity-card').getByLabel('Nama lengkap')).toBeVisible();
  expect(readdirSync(harness.dataDir)).not.toContain('exports');
  expect(harness.foreignRequests).toEqual([]);
});
