import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { TEST_POLICY, api, createVaultThroughUi, expect, test } from './fixtures';
import { screenshotPng } from './png';
import { openArea } from './steps';

/** Urgent requests fall due a few seconds after they are made, so the overdue badge shows in a test. */
const POLICY = { ...TEST_POLICY, dueHours: { urgent: 0.001, normal: 24 } };

const CHANNELS = ['https://t.me/jejak_kasus_satu', 'https://t.me/jejak_kasus_dua', 'https://t.me/jejak_kasus_tiga'];

/** A package by another analyst (3 channels, 4 screenshots), exported from a vault of their own. */
function otherAnalystPackage(dataDir: string): { zip: string; fingerprint: string } {
  const dir = join(dataDir, 'other-analyst');
  mkdirSync(dir);
  const zip = join(dir, 'paket-analis-lain.zip');
  const fingerprint = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'tests/fixtures/analyst-package.ts', dir, zip],
    { encoding: 'utf8' },
  );
  return { zip, fingerprint };
}

async function setIdentity(page: Page, role: 'Analis' | 'Supervisor') {
  await openArea(page, 'Pengaturan');
  const card = page.getByTestId('identity-card');
  await card.getByLabel('Nama lengkap').fill('Rina Wulandari');
  await card.getByLabel('Unit kerja').fill('Direktorat Pengendalian Konten');
  await card.getByLabel('NIP / nomor pegawai').fill('198801012015032001');
  await card.getByLabel('Peran').selectOption({ label: role });
  await card.getByRole('button', { name: 'Simpan identitas' }).click();
  await expect(card.getByText('Identitas tersimpan.')).toBeVisible();
}

test.describe('cases and review', () => {
  test.use({ policy: POLICY });

  test('an analyst builds and exports a case; a supervisor verifies, reviews and approves it', async ({
    page,
    harness,
  }) => {
    await page.goto(harness.url);
    await createVaultThroughUi(page);

    // Identity first: a package is signed with it.
    await setIdentity(page, 'Analis');
    const fingerprint = (await page.getByTestId('identity-fingerprint').getAttribute('data-fingerprint'))!;
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    await expect(page.getByTestId('identity-fingerprint')).toHaveText(fingerprint.match(/.{4}/g)!.join(' '));

    // Three channels through the channels' own Add dialog.
    await openArea(page, 'Kanal');
    await page.getByRole('button', { name: 'Tambah kanal' }).first().click();
    await page.getByLabel('Tautan kanal').fill(CHANNELS.join('\n'));
    await page.getByLabel('Kategori untuk tautan yang tidak menyebut kategori').selectOption('terorisme');
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.getByRole('button', { name: 'Tambahkan 3 kanal' }).click();
    await expect(page.getByTestId('import-result')).toContainText('3 kanal baru ditambahkan');
    await page.getByRole('dialog').getByRole('button', { name: 'Tutup' }).last().click();

    // Three screenshots through the evidence intake; two are then linked to channels (no UI for that yet).
    await openArea(page, 'Bukti');
    await page.getByTestId('intake-files').setInputFiles(
      [1, 2, 3].map((seed) => ({
        name: `bukti-${seed}.png`,
        mimeType: 'image/png',
        buffer: screenshotPng(seed + 20),
      })),
    );
    await expect(page.getByTestId('intake-summary')).toHaveText('Selesai: 3 bukti baru, 0 sudah ada, 0 gagal.');
    const { rows: channels } = await api<{ rows: Array<{ id: number; canonicalUrl: string }> }>(page, 'channels.list', {
      filter: {},
      sort: 'title',
      descending: false,
      offset: 0,
      limit: 10,
    });
    const { rows: evidence } = await api<{ rows: Array<{ id: number; originalName: string }> }>(page, 'evidence.list', {
      filter: {},
      offset: 0,
      limit: 10,
    });
    const byName = (n: string) => evidence.find((e) => e.originalName === n)!.id;
    const channelOf = (url: string) => channels.find((c) => c.canonicalUrl === url)!.id;
    await api(page, 'evidence.update', { id: byName('bukti-1.png'), channelId: channelOf(CHANNELS[0]!) });
    await api(page, 'evidence.update', { id: byName('bukti-2.png'), channelId: channelOf(CHANNELS[1]!) });

    // A new urgent case from the three channels: their evidence comes ticked, the third item is found by search.
    await openArea(page, 'Kasus');
    await expect(page.getByTestId('cases-empty')).toBeVisible();
    await page.getByRole('button', { name: 'Kasus baru' }).first().click();
    const dialog = page.getByTestId('new-case');
    await dialog.getByLabel('Judul', { exact: true }).fill('Penurunan kanal propaganda <b>uji</b>');
    for (const url of CHANNELS)
      await dialog
        .getByTestId('channel-picker')
        .getByRole('checkbox', { name: new RegExp(url.replace('https://', '').replace(/[./]/g, '\\$&')) })
        .check();
    await expect(dialog.getByLabel('Platform')).toHaveValue('telegram');
    await expect(dialog.getByTestId('pick-summary')).toHaveText('Dipilih: 3 kanal, 2 bukti');
    await dialog.getByText('Bukti lain (tanpa kanal atau dari kanal lain)').click();
    await dialog.getByPlaceholder('Cari bukti').fill('bukti-3');
    await dialog.getByRole('checkbox', { name: 'bukti-3.png' }).check();
    await expect(dialog.getByTestId('pick-summary')).toHaveText('Dipilih: 3 kanal, 3 bukti');
    await dialog.getByText('Mendesak').click();
    await expect(dialog.getByTestId('due-preview')).toContainText('Tenggat 0,001 jam dari sekarang');
    await dialog.getByLabel('Dasar hukum', { exact: true }).selectOption({ index: 1 });
    await expect(dialog.getByLabel('Teks dasar hukum')).toHaveValue(/UU No\. 5 Tahun 2018/);
    await dialog.getByRole('button', { name: 'Buat kasus' }).click();

    const detail = page.getByTestId('case-detail');
    await expect(detail.getByRole('heading', { name: 'Penurunan kanal propaganda <b>uji</b>' })).toBeVisible();
    await expect(detail.getByTestId('case-reference')).toHaveText(/^JJK\/\d{4}\/\d{2}\/0001$/);
    await expect(detail.getByTestId('case-channels').getByRole('heading')).toHaveText('Kanal (3)');
    await expect(detail.getByTestId('case-evidence').locator('img')).toHaveCount(3);

    // The list: the due time passed, but a draft has not gone to the platform yet, so it is not overdue.
    await page.getByRole('button', { name: /Semua kasus/ }).click();
    await expect(page.getByTestId('case-table')).toBeVisible();
    await expect(page.getByTestId('overdue-count')).toHaveCount(0);
    await page.getByTestId('case-table').getByRole('button', { name: /JJK\// }).click();

    // Export: the progress bar shows while it runs, then the path written.
    await page.evaluate(`(() => {
      window.__sawProgress = false;
      new MutationObserver(() => { if (document.querySelector('[data-testid=export-progress] progress')) window.__sawProgress = true; }).observe(document.body, { subtree: true, childList: true });
    })()`);
    await page.getByTestId('export-card').getByRole('button', { name: 'Ekspor', exact: true }).click();
    await expect(page.getByTestId('export-result')).toBeVisible({ timeout: 30_000 });
    expect(await page.evaluate('window.__sawProgress')).toBe(true);
    const exportsDir = join(harness.dataDir, 'exports');
    const zipName = readdirSync(exportsDir).find((f) => f.endsWith('.zip'))!;
    expect(zipName).toMatch(/^JJK-\d{4}-\d{2}-0001\.zip$/);
    await expect(page.getByTestId('export-path')).toHaveText(join(exportsDir, zipName));
    await expect(page.getByTestId('case-detail').locator('.case-status').first()).toHaveText('Diekspor');
    await expect(page.getByTestId('exports-card')).toContainText(zipName);
    await expect(page.getByTestId('exports-card').locator('code')).toHaveText(/^[0-9a-f]{64}$/);
    // Exported and past its due time: overdue, and counted at the top of the list.
    await page.getByRole('button', { name: /Semua kasus/ }).click();
    await expect(page.getByTestId('overdue-count')).toContainText('1 kasus lewat tenggat');
    await expect(page.getByTestId('case-table').getByTestId('overdue-badge')).toHaveText('Lewat tenggat');

    // This person becomes a supervisor: their own package can be read, but not decided on by them.
    await setIdentity(page, 'Supervisor');
    await openArea(page, 'Tinjauan');
    await page.getByTestId('review-file').setInputFiles(join(exportsDir, zipName));
    const verdict = page.getByTestId('verdict');
    await expect(verdict).toHaveAttribute('data-verdict', 'valid-untrusted');
    await expect(page.getByTestId('decision-blocked')).toContainText(
      'Paket ini sudah ditandatangani dengan kunci Anda',
    );
    await expect(page.getByRole('button', { name: 'Setujui dan tanda tangani' })).toBeDisabled();
    await page.getByRole('button', { name: 'Tutup paket' }).click();

    // Another analyst's package: valid, not yet trusted.
    const other = otherAnalystPackage(harness.dataDir);
    await page.getByTestId('review-file').setInputFiles(other.zip);
    await expect(verdict).toBeVisible();
    await expect(verdict).toHaveAttribute('data-verdict', 'valid-untrusted');

    // The trust roster, imported while the package is open: the verdict changes at once.
    await openArea(page, 'Pengaturan');
    const roster = [
      { fingerprint: other.fingerprint, name: 'Budi Analis', unit: 'Direktorat Pengendalian Konten', role: 'analyst' },
      { fingerprint, name: 'Rina Wulandari', unit: 'Direktorat Pengendalian Konten', role: 'supervisor' },
    ];
    await page.getByTestId('trust-file').setInputFiles({
      name: 'daftar.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(roster)),
    });
    await expect(page.getByTestId('trust-card').getByRole('status')).toContainText('daftar.json diimpor');
    await expect(page.getByTestId('trust-table')).toContainText(fingerprint.slice(0, 4));
    await openArea(page, 'Tinjauan');
    await expect(verdict).toHaveAttribute('data-verdict', 'valid-trusted');

    // Review: the verdict comes first, then the checks, the report and every item.
    const verdictBox = (await verdict.boundingBox())!;
    expect(verdictBox.y).toBeLessThan((await page.getByTestId('checks').boundingBox())!.y);
    await expect(page.getByTestId('checks').locator('[data-ok=false]')).toHaveCount(0);
    await expect(page.getByTestId('report')).toContainText('Direktorat Pengendalian Konten');
    await expect(page.getByTestId('report-channels').locator('tbody tr')).toHaveCount(3);
    const items = page.getByTestId('review-item');
    await expect(items).toHaveCount(4);
    await expect
      .poll(() =>
        items
          .locator('img')
          .evaluateAll(
            (imgs) => imgs.filter((i) => (i as unknown as { naturalWidth: number }).naturalWidth > 0).length,
          ),
      )
      .toBe(4);

    const first = items.first();
    await first.getByText('Bermasalah').click();
    await first
      .getByPlaceholder('Jelaskan masalahnya agar analis dapat memperbaikinya')
      .fill('Waktu tangkapan tidak dicantumkan.');
    await items.nth(1).getByText('Sesuai').click();
    await page.getByLabel('Komentar keputusan').fill('Disetujui; lengkapi waktu tangkapan di permintaan berikutnya.');
    // Approval waits for every item: two of four are not marked yet.
    await expect(page.getByRole('button', { name: 'Setujui dan tanda tangani' })).toBeDisabled();
    for (const n of [2, 3]) await items.nth(n).getByText('Sesuai').click();
    await page.getByRole('button', { name: 'Setujui dan tanda tangani' }).click();
    await page.getByTestId('confirm-decision').getByRole('button', { name: 'Tanda tangani persetujuan' }).click();
    await expect(page.getByTestId('decision-result')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('verdict-result')).toHaveAttribute('data-verdict', 'valid-trusted');
    await expect(page.getByTestId('verdict-result')).toContainText('Sah dan tepercaya');
    const approvedPath = await page.getByTestId('decision-path').innerText();
    expect(approvedPath).toBe(join(exportsDir, 'paket-analis-lain-approved.zip'));
    expect(existsSync(approvedPath)).toBe(true);

    // The countersigned package shows the supervisor's comment beside its item.
    await page.getByRole('button', { name: 'Buka paket hasil' }).click();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'valid-trusted');
    await expect(page.getByTestId('statements').locator('.statement')).toHaveCount(2);
    await expect(page.getByTestId('review-item').first().getByTestId('earlier-comments')).toContainText(
      'Waktu tangkapan tidak dicantumkan.',
    );
    await expect
      .poll(() =>
        page
          .getByTestId('review-item')
          .locator('img')
          .evaluateAll(
            (imgs) => imgs.filter((i) => (i as unknown as { naturalWidth: number }).naturalWidth > 0).length,
          ),
      )
      .toBe(4);
    await page.getByRole('button', { name: 'Tutup paket' }).click();
    await expect(page.getByTestId('review-file')).toBeAttached();

    // A copy with one byte of evidence changed does not verify, and says which check failed.
    const bytes = readFileSync(join(exportsDir, zipName));
    const png = bytes.indexOf(Buffer.from('IDAT'));
    bytes[png + 12] = bytes[png + 12]! ^ 0xff;
    await page
      .getByTestId('review-file')
      .setInputFiles({ name: 'diubah.zip', mimeType: 'application/zip', buffer: bytes });
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'invalid');
    await expect(page.getByTestId('failing-checks')).not.toBeEmpty();
    await expect(page.getByTestId('checks').locator('[data-ok=false]').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Setujui dan tanda tangani' })).toBeDisabled();

    expect(harness.foreignRequests).toEqual([]);
  });
});
