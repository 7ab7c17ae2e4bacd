import { join } from 'node:path';
import { api, expect, test } from './fixtures';
import { openSentCase, seedSentCase } from './sent-case';
import { keep, openArea, openCase } from './steps';

test.use({ seed: { run: seedSentCase } });

test('a platform response is taken in on the case: outcomes per item, overdue items, observations, then actioned', async ({
  page,
  harness,
}) => {
  test.setTimeout(120_000);
  const reference = await openSentCase(page, harness);

  const card = page.getByTestId('outcomes-card');
  await expect(card.getByTestId('outcome-row')).toHaveCount(5);
  await expect(card.getByTestId('outcome-summary')).toContainText('0 dari 5 item sudah punya hasil akhir');
  await expect(card.getByTestId('outcome-summary')).toContainText('5 item terlambat');
  await keep(page, 'outcomes-case-page');

  // A response to another notice is refused, saying why; nothing changes.
  await card.getByTestId('response-file').setInputFiles(join(harness.dataDir, 'other-notice.json'));
  await expect(card.getByTestId('response-error')).toContainText('Tanggapan tidak diimpor.');
  await expect(card.getByTestId('response-error')).toContainText(
    `bukan pemberitahuan ${reference}; tidak ada yang dicatat.`,
  );
  await expect(card.getByTestId('outcome-badge').filter({ hasText: 'Belum ada hasil' })).toHaveCount(5);

  await card.getByTestId('response-file').setInputFiles(join(harness.dataDir, 'response.json'));
  await expect(card.getByTestId('response-outcome')).toHaveText(
    'Tanggapan dari Telegram diimpor: 3 hasil dicatat, 2 item masih terbuka.',
  );
  const rows = card.getByTestId('outcome-row');
  await expect(rows.nth(0)).toContainText('Dihapus');
  await expect(rows.nth(0)).toContainText('Tiket TG-1001');
  await expect(rows.nth(0)).toContainText('sebelum batas waktu');
  await expect(rows.nth(1)).toContainText('Dibatasi');
  await expect(rows.nth(2)).toContainText('Tidak ditindak');
  await expect(rows.nth(2)).toContainText('Tidak melanggar ketentuan');
  await expect(rows.nth(2)).toContainText('lewat');
  await expect(card.getByTestId('item-overdue')).toHaveCount(2);
  await expect(card.getByTestId('outcome-summary')).toContainText('2 item terlambat');
  await expect(page.getByTestId('case-detail').locator('.detail-sub .case-status')).toHaveText('Diterima platform');
  await expect(card.getByTestId('received-response')).toContainText('Telegram: 3 item');
  await keep(card, 'outcomes-imported');

  // Again: nothing changes.
  await card.getByTestId('response-file').setInputFiles(join(harness.dataDir, 'response.json'));
  await expect(card.getByTestId('response-outcome')).toHaveText(
    'Tanggapan ini sudah pernah diimpor; tidak ada yang berubah.',
  );

  // The overdue items, in the case list and on the dashboard.
  await page.getByRole('button', { name: '← Semua kasus' }).click();
  await expect(page.getByTestId('overdue-items')).toHaveText('2 item terlambat');
  await openArea(page, 'Dasbor');
  await expect(page.getByRole('button', { name: /^2\s*Item terlambat$/ })).toBeVisible();
  await keep(page, 'outcomes-dashboard');

  // The removed channel comes back: its page says so, with the case.
  await api(page, 'channels.add', { url: 'https://t.me/DaulahMedia' });
  await openArea(page, 'Kanal');
  await page.getByRole('button', { name: 'Daulah Media', exact: true }).click();
  await expect(page.getByTestId('reappeared-banner')).toContainText(
    `Cocok dengan kanal yang sudah diturunkan dalam kasus ${reference}: nama pengguna sama.`,
  );
  await keep(page, 'outcomes-reappeared-channel');

  // No answer for the other two: still online (one step), then each seen removed.
  await openCase(page, reference);
  await card.getByRole('button', { name: 'Semua item terbuka masih daring' }).click();
  await expect(card.getByTestId('observe-outcome')).toHaveText('2 item terbuka dicatat masih daring.');
  await expect(card.getByTestId('outcome-badge').filter({ hasText: 'Masih daring' })).toHaveCount(2);
  for (const row of [3, 4]) {
    await rows.nth(row).getByRole('button', { name: 'Catat pengamatan' }).click();
    const form = page.getByTestId('observe-form');
    await form.getByLabel('Yang terlihat').selectOption({ label: 'Dihapus' });
    await form.getByLabel('Catatan (opsional)').fill('Kanal tidak dapat dibuka lagi');
    await form.getByRole('button', { name: 'Simpan pengamatan' }).click();
    await expect(form).toHaveCount(0);
    await expect(rows.nth(row).getByTestId('outcome-badge')).toHaveText('Dihapus');
  }
  await expect(card.getByTestId('outcome-summary')).toContainText('5 dari 5 item sudah punya hasil akhir');
  await expect(card.getByTestId('item-overdue')).toHaveCount(0);
  await expect(page.getByTestId('case-detail').locator('.detail-sub .case-status')).toHaveText('Ditindak');
  await keep(card, 'outcomes-actioned');
  expect(harness.foreignRequests).toEqual([]);
});
