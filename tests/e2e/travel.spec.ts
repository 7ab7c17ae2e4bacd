import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { createVaultThroughUi, expect, test } from './fixtures';
import { openArea } from './steps';

/** Set-up that is not what this spec is about, through the harness's own API. */
async function api<T>(page: Page, channel: string, args: unknown): Promise<T> {
  return page.evaluate(
    async ({ channel, args }) => {
      const response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Jejak-Request': '1' },
        body: JSON.stringify(args),
      });
      const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!envelope.ok) throw new Error(envelope.error?.message);
      return envelope.value as never;
    },
    { channel, args },
  );
}

function fixturePackage(dataDir: string, script: string, name: string): { zip: string; printed: string } {
  const dir = join(dataDir, name.replace(/\W/g, '-'));
  mkdirSync(dir);
  const zip = join(dir, name);
  const printed = execFileSync(process.execPath, ['--import', 'tsx', `tests/fixtures/${script}`, dir, zip], {
    encoding: 'utf8',
  });
  return { zip, printed };
}

test('a package travels encrypted (age) and with trusted time (RFC 3161)', async ({ page, harness }) => {
  test.setTimeout(180_000);
  await page.goto(harness.url);
  await createVaultThroughUi(page);
  await api(page, 'identity.set', {
    name: 'Rina Wulandari',
    unit: 'Direktorat Pengendalian Konten',
    employeeId: '1988',
    role: 'analyst',
  });

  // Settings: the vault's age recipient, and a roster entry that carries one.
  await openArea(page, 'Pengaturan');
  const own = (await page.getByTestId('identity-age-recipient').innerText()).trim();
  expect(own).toMatch(/^age1[02-9ac-hj-np-z]{58}$/);
  const partnerKey = join(harness.dataDir, 'partner.txt');
  execFileSync('age-keygen', ['-o', partnerKey], { stdio: 'ignore' });
  const partner = execFileSync('age-keygen', ['-y', partnerKey], { encoding: 'utf8' }).trim();
  const roster = [
    {
      fingerprint: 'ab'.repeat(32),
      name: 'Mitra Unit Arsip',
      unit: 'Arsip',
      role: 'supervisor',
      ageRecipient: partner,
    },
  ];
  await page
    .getByTestId('trust-file')
    .setInputFiles({ name: 'mitra.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(roster)) });
  await expect(page.getByTestId('trust-table')).toContainText(`Kunci age: ${partner.slice(0, 12)}`);

  // Export: the picker lists the roster entry with an age key; the package is NAME.zip.age.
  const { channel } = await api<{ channel: { id: number } }>(page, 'channels.add', {
    url: 'https://t.me/jejak_sandi_satu',
    title: 'Kanal uji',
  });
  await api(page, 'cases.create', {
    title: 'Paket terenkripsi',
    platform: 'telegram',
    priority: 'normal',
    legalBasis: '',
    channelIds: [channel.id],
    evidenceIds: [],
  });
  await openArea(page, 'Kasus');
  await page.getByTestId('case-table').getByRole('button', { name: /JJK\// }).click();
  const card = page.getByTestId('export-card');
  await expect(card.getByTestId('export-encryption')).toHaveText(/ZIP bertanda tangan tanpa enkripsi/);
  await card.getByRole('checkbox', { name: /Mitra Unit Arsip/ }).check();
  await expect(card.getByTestId('export-encryption')).toHaveText(/Paket dienkripsi \(\.zip\.age\)/);
  await card.getByRole('button', { name: 'Ekspor', exact: true }).click();
  await expect(page.getByTestId('export-result')).toContainText('Dienkripsi (age) untuk 2 penerima');
  const sealed = (await page.getByTestId('export-path').innerText()).trim();
  expect(sealed).toMatch(/JJK-\d{4}-\d{2}-0001\.zip\.age$/);
  const opened = join(harness.dataDir, 'opened.zip');
  execFileSync('age', ['-d', '-i', partnerKey, '-o', opened, sealed]);
  expect(execFileSync('unzip', ['-l', opened], { encoding: 'utf8' })).toMatch(/data\/notice\.json/);

  // Review: another analyst's package, encrypted by age -r for this vault, opens with its key.
  const other = fixturePackage(harness.dataDir, 'analyst-package.ts', 'paket-lain.zip');
  execFileSync('age', ['-r', own, '-o', `${other.zip}.age`, other.zip]);
  await openArea(page, 'Tinjauan');
  await page.getByTestId('review-file').setInputFiles(`${other.zip}.age`);
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'valid-untrusted');
  await expect(page.getByTestId('verdict-encrypted')).toHaveText('Terenkripsi (age), dibuka dengan kunci Anda');
  await expect(page.getByTestId('review-item')).toHaveCount(4);

  // Save time-stamp requests: the browser harness downloads one request per statement.
  const download = page.waitForEvent('download');
  await page.getByTestId('timestamp-requests').getByRole('button', { name: 'Simpan permintaan stempel waktu' }).click();
  const tsq = await download;
  expect(tsq.suggestedFilename()).toMatch(/^1-[0-9a-f]{16}\.tsq$/);
  const tsqPath = join(harness.dataDir, tsq.suggestedFilename());
  await tsq.saveAs(tsqPath);
  expect(
    execFileSync('openssl', ['ts', '-query', '-in', tsqPath, '-text'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  ).toMatch(/Certificate required: yes/);
  await expect(page.getByTestId('timestamp-saved')).toHaveText('1 permintaan diunduh.');
  await page.getByRole('button', { name: 'Tutup paket' }).click();

  // A stamped package: the time confirmed per statement; this machine has no TSA roots.
  const stamped = fixturePackage(harness.dataDir, 'stamped-package.ts', 'paket-berstempel.zip');
  await page.getByTestId('review-file').setInputFiles(stamped.zip);
  await expect(verdict).toHaveAttribute('data-verdict', 'valid-untrusted');
  await expect(page.getByTestId('checks').locator('[data-check=timestamps][data-ok=true]')).toBeAttached();
  await expect(page.getByTestId('statement-time')).toContainText(/Dicap waktu oleh Test TSA pada .*belum dikonfirmasi/);
  await expect(verdict).toContainText('Waktu tidak dikonfirmasi oleh TSA tepercaya: Test TSA.');
  expect(readFileSync(stamped.printed, 'utf8')).toMatch(/BEGIN CERTIFICATE/);
  expect(harness.foreignRequests).toEqual([]);
});
