import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PASSPHRASE, createVaultThroughUi, expect, test } from './fixtures';

const NEW_PASSPHRASE = 'a rotated passphrase with many words 8';

async function unlockWith(page: Page, passphrase: string) {
  await page.getByLabel('Frasa sandi').fill(passphrase);
  await page.getByRole('button', { name: 'Buka', exact: true }).click();
}

async function lock(page: Page) {
  await page.getByRole('button', { name: 'Kunci' }).click();
  await expect(page.getByRole('heading', { name: 'Buka brankas' })).toBeVisible();
}

test('Settings rotates the keys after a confirmation, then shows the new recovery code once', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  const oldCode = await createVaultThroughUi(page);
  await page.getByRole('button', { name: 'Pengaturan' }).click();
  const section = page.getByTestId('rotate-keys');
  await section.getByLabel('Frasa sandi saat ini').fill(PASSPHRASE);
  await section.getByLabel('Sekaligus tetapkan frasa sandi baru').check();
  await section.getByLabel('Frasa sandi baru', { exact: true }).fill(NEW_PASSPHRASE);
  await section.getByLabel('Ulangi frasa sandi').fill(NEW_PASSPHRASE);
  await section.getByRole('button', { name: 'Rotasi kunci…' }).click();
  await expect(page.getByRole('dialog')).toContainText('Rotasikan kunci sekarang?');
  await page.getByRole('button', { name: 'Rotasikan sekarang' }).click();

  await expect(page.getByText('kode pemulihan lama Anda tidak lagi membuka brankas ini')).toBeVisible();
  const code = (await page.getByTestId('recovery-code').innerText()).replace(/\s+/g, '-');
  expect(code).not.toBe(oldCode);
  await page.getByLabel(/kelompok 4 karakter terakhir/).fill(code.split('-').at(-1)!);
  await page.getByRole('button', { name: /Sudah saya simpan/ }).click();
  await page.getByRole('button', { name: 'Aktivitas' }).click();
  await expect(page.getByRole('cell', { name: /Kunci dirotasi/ })).toBeVisible();

  await lock(page);
  await unlockWith(page, PASSPHRASE);
  await expect(page.getByRole('alert')).toHaveText(/Frasa sandi salah/);
  await unlockWith(page, NEW_PASSPHRASE);
  await expect(page.getByRole('button', { name: 'Aktivitas' })).toBeVisible();
  expect(harness.foreignRequests).toEqual([]);
});

test('the unlock screen names an altered and a rolled-back vault.json, and the shell a cut audit log', async ({
  page,
  harness,
}) => {
  const headerPath = join(harness.dataDir, 'vault', 'vault.json');
  await page.goto(harness.url);
  await createVaultThroughUi(page);
  await lock(page);
  const old = readFileSync(headerPath);

  // A changed generation: the MAC no longer verifies.
  const edited = JSON.parse(old.toString('utf8'));
  edited.generation += 1;
  writeFileSync(headerPath, JSON.stringify(edited));
  await unlockWith(page, PASSPHRASE);
  await expect(page.getByRole('alert')).toHaveText(/rusak atau diubah/);

  // The genuine header, one lock older than the database: rolled back.
  writeFileSync(headerPath, old);
  await unlockWith(page, PASSPHRASE);
  await lock(page);
  const current = readFileSync(headerPath);
  writeFileSync(headerPath, old);
  await unlockWith(page, PASSPHRASE);
  await expect(page.getByRole('alert')).toHaveText(/dikembalikan ke versi lama/);

  // The current header back, and the log's tail cut with the key while the vault is closed.
  writeFileSync(headerPath, current);
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'tests/fixtures/truncate-audit.ts', join(harness.dataDir, 'vault'), '3'],
    { env: { ...process.env, JEJAK_PASSPHRASE: PASSPHRASE } },
  );
  await unlockWith(page, PASSPHRASE);
  await expect(page.getByTestId('audit-anchor-banner')).toContainText(/tidak lagi memuat entri \d+/);
  await page.getByRole('button', { name: 'Aktivitas' }).click();
  await page.getByRole('button', { name: 'Periksa rantai' }).click();
  await expect(page.getByTestId('chain-result')).toContainText(/ditemukan hilang pada/);
  await expect(page.getByRole('cell', { name: /Log aktivitas ditemukan diubah/ })).toBeVisible();
});
