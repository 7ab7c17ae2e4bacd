import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_POLICY, createVaultThroughUi, expect, test } from './fixtures';
import { addChannelsThroughUi, openArea } from './steps';

test.use({ policy: { ...TEST_POLICY, backupReminderDays: 7 } });

test('Settings → Backup writes a checked backup; the dashboard shows the last good one instead of the reminder', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await createVaultThroughUi(page);
  await addChannelsThroughUi(page, ['https://t.me/jejak_uji_cadangan'], 'terorisme');

  await openArea(page, 'Dasbor');
  const reminder = page.getByTestId('backup-reminder');
  await expect(reminder).toContainText('Belum ada cadangan.');
  await expect(reminder).toContainText('Sudah waktunya membuat cadangan (kebijakan meminta satu setiap 7 hari).');
  await reminder.getByRole('button', { name: 'Cadangkan sekarang' }).click();

  const card = page.getByTestId('backup-card');
  await expect(card.getByTestId('backup-last')).toHaveText('Belum ada cadangan.');
  await card.getByTestId('backup-start').click();
  await expect(card.getByTestId('backup-result')).toContainText('Cadangan ditulis dan diperiksa');
  const path = await card.getByTestId('backup-path').innerText();
  expect(path.startsWith(join(harness.dataDir, 'backups'))).toBe(true);
  expect(existsSync(path)).toBe(true);
  await expect(card.getByTestId('backup-last')).not.toHaveText('Belum ada cadangan.');

  await openArea(page, 'Dasbor');
  await expect(page.getByTestId('backup-reminder')).toContainText('Cadangan sah terakhir:');
  await expect(page.getByTestId('backup-reminder')).not.toContainText('Sudah waktunya');
  await openArea(page, 'Aktivitas');
  await expect(page.getByRole('cell', { name: 'Cadangan dibuat' })).toBeVisible();
  expect(harness.foreignRequests).toEqual([]);
});
