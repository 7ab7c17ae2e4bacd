import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { violations } from './axe';
import { openSentCase, seedSentCase } from './sent-case';
import { keep, openArea } from './steps';

test.use({ seed: { run: seedSentCase } });

/** What no transparency file may hold: anything of the seeded channels. */
const CHANNELS =
  /https?:|t\.me\/|youtube\.com|DaulahMedia|Daulah Media|kajian_hijrah|Kajian Hijrah|Kanal Tertutup|Propaganda ?Channel/i;

test('the transparency report: counts on the dashboard and its page, charts with tables, CSV and a one-page PDF', async ({
  page,
  harness,
}) => {
  test.setTimeout(120_000);
  await openSentCase(page, harness);
  await page
    .getByTestId('outcomes-card')
    .getByTestId('response-file')
    .setInputFiles(join(harness.dataDir, 'response.json'));
  await expect(page.getByTestId('response-outcome')).toContainText('3 hasil dicatat');

  // The dashboard's card: the last 12 weeks, and the way to the report.
  await openArea(page, 'Dasbor');
  const card = page.getByTestId('tr-card');
  await card.getByText('Tampilkan sebagai tabel').click();
  await expect(card.getByRole('row', { name: /^Jumlah/ }).getByRole('cell')).toHaveText([
    '5',
    '2',
    '1',
    '0',
    '2',
    '50 menit',
    '2 jam 30 menit',
  ]);
  expect(await violations(page, 'transparency')).toEqual([]);
  await keep(card, 'transparency-dashboard-card');
  await card.getByRole('button', { name: 'Buka laporan transparansi' }).click();

  const view = page.getByTestId('transparency');
  await expect(view.getByRole('heading', { name: 'Laporan transparansi', level: 1 })).toBeVisible();
  await expect(view.getByText('minggu ISO dalam UTC')).toBeVisible();
  for (const [key, value] of [
    ['reported', '5'],
    ['actioned', '2'],
    ['notActioned', '1'],
    ['alreadyGone', '0'],
    ['pending', '2'],
  ] as const)
    await expect(page.getByTestId(`tr-total-${key}`).locator('.stat-value')).toHaveText(value);
  await expect(page.getByTestId('tr-total-median').locator('.stat-value')).toHaveText(/^50 menit$/);
  await expect(page.getByTestId('tr-total-p90').locator('.stat-value')).toHaveText(/^2 jam 30 menit$/);
  await expect(page.getByTestId('tr-platforms').getByRole('img')).toHaveAttribute('aria-label', /per Platform/);
  await expect(page.getByTestId('tr-categories')).toContainText('Konten terorisme');
  await keep(page, 'transparency-page');

  // Each chart's figures as a table.
  const weeks = page.getByTestId('tr-weeks');
  await weeks.getByText('Tampilkan sebagai tabel').click();
  const table = weeks.getByTestId('tr-weeks-table');
  await expect(table).toBeVisible();
  const rows = await Promise.all(
    (await table.locator('tbody tr').all()).map((r) => r.getByRole('cell').allInnerTexts()),
  );
  expect(rows.filter((cells) => cells[0] !== '0')).toEqual([['5', '2', '1', '0', '2', '50 menit', '2 jam 30 menit']]);
  for (const figure of await page.locator('.tr-figure').all()) await figure.locator('summary').click();
  expect(await violations(page, 'transparency')).toEqual([]);
  await keep(page, 'transparency-tables');

  // The files: a CSV, and the PDF in English; counts only.
  const exportCard = page.getByTestId('tr-export');
  await exportCard.getByRole('button', { name: 'Ekspor CSV' }).click();
  await expect(page.getByTestId('tr-saved')).toContainText('.csv');
  const csvPath = (await page.getByTestId('tr-saved').innerText()).replace(/^Tersimpan: /, '');
  const csv = readFileSync(csvPath, 'utf8');
  expect(csv.split('\r\n')[1]).toMatch(/,total,,,,,5,2,1,0,2,\d+,\d+$/);
  await exportCard.getByLabel('Bahasa PDF').selectOption('en');
  await exportCard.getByRole('button', { name: 'Ekspor PDF (satu halaman)' }).click();
  await expect(page.getByTestId('tr-saved')).toContainText('.pdf');
  const pdfPath = (await page.getByTestId('tr-saved').innerText()).replace(/^Tersimpan: /, '');
  expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/^Pages:\s+1$/m);
  const pdfText = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(pdfText).toContain('Transparency report');
  for (const text of [csv, pdfText]) expect(text).not.toMatch(CHANNELS);
  await keep(exportCard, 'transparency-exported');

  // A period that ends before it starts: said, in the person's language.
  await view.getByLabel('Dari', { exact: true }).fill('2026-12-31');
  await view.getByLabel('Sampai', { exact: true }).fill('2026-01-01');
  await view.getByRole('button', { name: 'Tampilkan' }).click();
  await expect(view.getByRole('alert')).toContainText('Periode berakhir (2026-01-01) sebelum dimulai (2026-12-31).');
  expect(harness.foreignRequests).toEqual([]);
});
