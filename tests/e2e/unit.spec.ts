import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PASSPHRASE, expect, test } from './fixtures';
import { keep, openArea } from './steps';
import { violations } from './axe';

/** tests/fixtures/seed-unit.ts: a unit vault with its roster, and packages made by two analysts and a supervisor. */
async function seedUnit(dataDir: string): Promise<void> {
  execFileSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/seed-unit.ts', dataDir]);
}

test.use({ seed: { run: seedUnit } });
// the seed makes four vaults and five packages through the CLI before the harness starts
test.describe.configure({ timeout: 300_000 });

test('the Unit area takes approved packages in, merges the shared channel and screenshot, refuses what is not approved, and shows a channel across analysts', async ({
  page,
  harness,
}) => {
  const files = JSON.parse(readFileSync(join(harness.dataDir, 'packages.json'), 'utf8')) as Record<string, string>;
  await page.goto(harness.url);
  await page.getByLabel('Frasa sandi').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Buka', exact: true }).click();
  await openArea(page, 'Unit');
  const unit = page.getByTestId('unit');
  await expect(unit.getByTestId('unit-empty')).toBeVisible();
  await keep(page, 'unit-empty');

  await unit.getByTestId('unit-file').setInputFiles([files.sari!, files.rudi!]);
  const imported = unit.getByTestId('unit-imported');
  await expect(imported).toHaveCount(2, { timeout: 60_000 });
  await expect(imported.nth(0)).toContainText('Diimpor sari-approved.zip');
  await expect(imported.nth(0)).toContainText('Kanal 2 (0 digabung), bukti 2 (0 sudah ada)');
  await expect(imported.nth(1)).toContainText('Diimpor rudi-approved.zip');
  await expect(imported.nth(1)).toContainText('Kanal 2 (1 digabung), bukti 2 (1 sudah ada)');
  const tiles = unit.getByTestId('unit-tiles');
  await expect(tiles).toContainText('2Paket');
  await expect(tiles).toContainText('3Kanal');
  await expect(tiles).toContainText('3Bukti');
  await expect(unit.getByTestId('unit-analysts')).toContainText('Sari Analis');
  await expect(unit.getByTestId('unit-analysts')).toContainText('Rudi Analis');
  const shared = unit.getByTestId('unit-shared');
  await expect(shared).toContainText('https://t.me/daulahmedia');
  await expect(shared).toContainText('2 paket, 2 analis');
  await shared.getByRole('button', { name: 'Riwayat' }).click();
  const history = shared.getByTestId('unit-history').getByRole('listitem');
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText('Sari Analis → Budi Supervisor');
  await expect(history.nth(1)).toContainText('Rudi Analis → Budi Supervisor');
  await expect(unit.getByTestId('unit-packages').getByRole('row')).toHaveCount(3);
  await keep(page, 'unit-imported');
  // the populated tables, tiles and history pass axe-core as every other screen does (a11y.spec.ts: empty and refused)
  expect(await violations(page, 'unit, two packages')).toEqual([]);

  // A platform answers Sari's notice: the unit takes the response in by the notice id it quotes.
  const notice = JSON.parse(execFileSync('unzip', ['-p', files.sari!, '*/data/notice.json'], { encoding: 'utf8' }));
  const response = join(harness.dataDir, 'telegram-response.json');
  writeFileSync(
    response,
    JSON.stringify({
      format: 'jejak-response/1',
      noticeId: notice.noticeId,
      respondedAt: new Date().toISOString(),
      responder: { organisation: 'Telegram' },
      items: [{ itemId: notice.items[0].itemId, status: 'removed', actedAt: notice.issuedAt, ticket: 'TG-7' }],
    }),
  );
  await unit.getByTestId('unit-response-file').setInputFiles(response);
  await expect(unit.getByTestId('unit-response-outcome')).toContainText(
    `Tanggapan Telegram untuk ${notice.reference} diambil: 1 hasil dicatat, ${notice.items.length - 1} dari ${notice.items.length} item belum dijawab.`,
  );
  await keep(unit.getByRole('region', { name: 'Tanggapan platform' }), 'unit-response');
  await unit.getByTestId('unit-response-file').setInputFiles(response);
  await expect(unit.getByTestId('unit-response-outcome')).toContainText('Sudah diambil: tanggapan Telegram');

  // Again, and what the unit never takes: each said with its verdict, nothing changes.
  await unit.getByTestId('unit-file').setInputFiles([files.rudi!, files.returned!, files.exportOnly!]);
  await expect(unit.getByTestId('unit-imported')).toHaveCount(1, { timeout: 60_000 });
  await expect(unit.getByTestId('unit-refused')).toHaveCount(2);
  await expect(unit.getByTestId('unit-imported')).toHaveText(
    'Sudah diimpor: rudi-approved.zip. Tidak ada yang berubah.',
  );
  await expect(unit.getByTestId('unit-refused').nth(0)).toContainText('Ditolak rudi-returned.zip:');
  await expect(unit.getByTestId('unit-refused').nth(0)).toContainText(
    'Putusan: valid-trusted, tetapi pernyataan terakhir adalah pengembalian oleh Budi Supervisor',
  );
  await expect(unit.getByTestId('unit-refused').nth(1)).toContainText('hanya berisi pernyataan analis');
  await expect(tiles).toContainText('2Paket');
  await expect(tiles).toContainText('3Bukti');
  await keep(page, 'unit-refused');

  // The catalog screens show the merged catalog.
  await openArea(page, 'Kanal');
  await expect(page.getByTestId('channel-count')).toHaveText('3 kanal');
  await expect(page.getByTestId('channel-table')).toContainText('kanal_dua');
  await keep(page, 'unit-channels');
  expect(harness.foreignRequests).toEqual([]);
});
