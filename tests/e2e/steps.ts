/** Steps a person takes in the app, shared by the e2e specs (Bahasa Indonesia, the default language). */
import { mkdirSync } from 'node:fs';
import { type Locator, type Page } from '@playwright/test';
import { expect } from './fixtures';

/** JEJAK_SCREENSHOT_DIR keeps screenshots for a person to look at (not a test artefact). */
export async function keep(target: Page | Locator, name: string) {
  const dir = process.env.JEJAK_SCREENSHOT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await target.screenshot({ path: `${dir}/${name}.png` });
}

export async function openArea(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
}

/** The dashboard's "open cases" tile and its cases-by-status breakdown, as a person reads them. */
export async function expectDashboard(page: Page, open: number, byStatus: string) {
  await openArea(page, 'Dasbor');
  await expect(page.getByRole('button', { name: new RegExp(`^${open}\\s*Kasus terbuka$`) })).toBeVisible();
  await expect(page.getByTestId('cases-by-status')).toContainText(byStatus);
}

export async function openCase(page: Page, reference: string) {
  await openArea(page, 'Kasus');
  // The area keeps the case last opened: back to the list first.
  await expect(page.getByTestId('case-detail').or(page.getByTestId('case-table'))).toBeVisible();
  if (await page.getByTestId('case-detail').isVisible())
    await page.getByRole('button', { name: '← Semua kasus' }).click();
  await page
    .getByTestId('case-table')
    .getByRole('button', { name: new RegExp(`^${reference.replace(/\//g, '\\/')}`) })
    .click();
}

export async function exportThroughUi(page: Page): Promise<string> {
  await page
    .getByTestId('export-card')
    .getByRole('button', { name: /^Ekspor/ })
    .click();
  await expect(page.getByTestId('export-result')).toBeVisible({ timeout: 30_000 });
  return page.getByTestId('export-path').innerText();
}

export async function receiveThroughUi(page: Page, zip: string) {
  await page.getByTestId('decision-file').setInputFiles(zip);
  await expect(page.getByTestId('decision-outcome')).toBeVisible({ timeout: 30_000 });
}

/** The supervisor opens a package in Review and confirms the decision dialog; returns the countersigned file. */
export async function signThroughUi(
  page: Page,
  decision: 'approve' | 'return',
  check: (dialog: Locator) => Promise<void>,
): Promise<string> {
  await page
    .getByRole('button', { name: decision === 'approve' ? 'Setujui dan tanda tangani' : 'Kembalikan ke analis' })
    .click();
  const dialog = page.getByTestId('confirm-decision');
  await check(dialog);
  await dialog
    .getByRole('button', { name: decision === 'approve' ? 'Tanda tangani persetujuan' : 'Tanda tangani pengembalian' })
    .click();
  await expect(page.getByTestId('decision-result')).toBeVisible({ timeout: 30_000 });
  const path = await page.getByTestId('decision-path').innerText();
  await page.getByRole('button', { name: 'Tutup paket' }).click();
  return path;
}

/** Adds channels through the channels area's Add dialog, with a category for links that name none. */
export async function addChannelsThroughUi(page: Page, links: string[], category: string) {
  await openArea(page, 'Kanal');
  await page.getByRole('button', { name: 'Tambah kanal' }).first().click();
  await page.getByLabel('Tautan kanal').fill(links.join('\n'));
  await page.getByLabel('Kategori untuk tautan yang tidak menyebut kategori').selectOption(category);
  await page.getByRole('button', { name: 'Periksa' }).click();
  await page.getByRole('button', { name: `Tambahkan ${links.length} kanal` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Tutup' }).last().click();
}
