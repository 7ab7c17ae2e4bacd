import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PASSPHRASE, api, createVaultThroughUi, expect, test } from './fixtures';
import { screenshotPng } from './png';
import { keep } from './steps';
import { violations } from './axe';

/** A package by another analyst (a supervisor's work to review). */
function otherAnalystPackage(dataDir: string): string {
  const dir = join(dataDir, 'other-analyst');
  mkdirSync(dir);
  const zip = join(dir, 'paket-analis-lain.zip');
  execFileSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/analyst-package.ts', dir, zip]);
  return zip;
}

type Language = 'id' | 'en';

/** The words the window shows for key, in language: read from the catalogs the app is built from. */
function wordsOf(language: Language) {
  const dir = 'renderer/i18n';
  const catalog: Record<string, string> = Object.assign(
    {},
    ...readdirSync(dir)
      .filter((f) => f === `${language}.json` || f.endsWith(`.${language}.json`))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8'))),
  );
  return (key: string): string => {
    const text = catalog[key];
    if (text === undefined) throw new Error(`no text for ${key}`);
    return text;
  };
}

for (const language of ['id', 'en'] as const) {
  test(`every screen a person meets passes axe-core in ${language}`, async ({ page, harness }) => {
    test.setTimeout(240_000);
    const w = wordsOf(language);
    const found: string[] = [];
    const audit = async (where: string) => found.push(...(await violations(page, where)));
    const area = (key: string) =>
      page
        .getByRole('navigation')
        .getByRole('button', { name: w(`nav.${key}`), exact: true })
        .click();
    const dialog = page.getByRole('dialog');
    const closeDialog = async () => {
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    };

    await page.goto(harness.url);
    await expect(page.locator('form.gate-card')).toBeVisible();
    if (language === 'en') await page.getByLabel('Bahasa / Language').selectOption('en');
    await page.getByLabel(w('create.passphrase'), { exact: true }).fill('rahasia');
    await audit('create vault');
    await page.getByLabel(w('create.passphrase'), { exact: true }).fill('');
    const code = await createVaultThroughUi(page);
    expect(code).toBeTruthy();
    await expect(page.getByTestId('dashboard-empty')).toBeVisible();
    await audit('dashboard, empty');

    // Something to look at: channels, screenshots, a case; the vault's owner is named.
    await api(page, 'identity.set', { name: 'Sari Analis', unit: 'Direktorat', employeeId: '1990', role: 'analyst' });
    const { channel } = await api<{ channel: { id: number } }>(page, 'channels.add', {
      url: 'https://t.me/jejak_a11y_satu',
      title: 'Kanal Uji Aksesibilitas',
      category: 'terorisme',
    });
    await api(page, 'channels.add', { url: 'https://t.me/jejak_a11y_dua', category: 'hoaks' });
    await area('evidence');
    await audit('evidence, empty');
    await page
      .getByTestId('intake-files')
      .setInputFiles(
        [1, 2].map((seed) => ({ name: `bukti-${seed}.png`, mimeType: 'image/png', buffer: screenshotPng(seed + 700) })),
      );
    await expect(page.getByTestId('intake-summary')).toBeVisible();
    await audit('evidence, after an intake');
    const { rows } = await api<{ rows: Array<{ id: number }> }>(page, 'evidence.list', {
      filter: {},
      offset: 0,
      limit: 10,
    });
    for (const r of rows) await api(page, 'evidence.update', { id: r.id, channelId: channel.id });
    await page.getByTestId('evidence-tile').first().click();
    await expect(page.getByTestId('evidence-viewer')).toBeVisible();
    await audit('evidence viewer');

    await area('dashboard');
    await expect(page.getByTestId('dashboard')).toBeVisible();
    await audit('dashboard');

    await area('channels');
    await expect(page.getByTestId('channel-table')).toBeVisible();
    await audit('channels');
    await page
      .getByRole('button', { name: w('channels.add') })
      .first()
      .click();
    await expect(dialog).toBeVisible();
    await audit('channels, add dialog');
    await dialog.getByLabel(w('import.textLabel')).fill('https://t.me/jejak_a11y_tiga\nbukan tautan');
    await dialog.getByLabel(w('workflow.importCategory')).selectOption('hoaks');
    await dialog.getByRole('button', { name: w('import.preview') }).click();
    await expect(dialog.getByTestId('import-counts')).toBeVisible();
    await audit('channels, import preview');
    await closeDialog();
    await page.getByTestId('channel-table').getByText('Kanal Uji Aksesibilitas').click();
    await expect(page.getByTestId('channel-detail')).toBeVisible();
    await audit('channel detail');
    await page.getByRole('button', { name: w('workflow.exclude') }).click();
    await expect(dialog).toBeVisible();
    await audit('channel, exclude dialog');
    await dialog.getByLabel(w('workflow.reason')).fill('Salah tempel');
    await dialog.getByRole('button', { name: w('workflow.excludeConfirm'), exact: true }).click();
    await expect(page.getByTestId('excluded-banner')).toBeVisible();
    await audit('channel, excluded');
    if (language === 'id') await keep(page, 'excluded-channel');
    await page.getByRole('button', { name: w('workflow.restore') }).click();
    await expect(page.getByTestId('excluded-banner')).toHaveCount(0);

    await page.getByLabel(w('search.label')).fill('bukti');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('search-results')).toBeVisible();
    await audit('search');

    await area('cases');
    await audit('cases, empty');
    await page
      .getByRole('button', { name: w('cases.new') })
      .first()
      .click();
    await expect(dialog).toBeVisible();
    await audit('new case dialog');
    await closeDialog();
    const kase = await api<{ id: number; reference: string }>(page, 'cases.create', {
      title: 'Kasus uji aksesibilitas',
      platform: 'telegram',
      priority: 'normal',
      legalBasis: 'UU No. 5 Tahun 2018',
      channelIds: [channel.id],
      evidenceIds: rows.map((r) => r.id),
    });
    await area('dashboard');
    await area('cases');
    await expect(page.getByTestId('case-table')).toBeVisible();
    await audit('cases');
    await page
      .getByTestId('case-table')
      .getByRole('button', { name: new RegExp(`^${kase.reference}`) })
      .click();
    await expect(page.getByTestId('case-detail')).toBeVisible();
    await audit('case detail, draft');
    await page.getByRole('button', { name: w('workflow.editCase') }).click();
    await expect(dialog).toBeVisible();
    await audit('case, edit dialog');
    await closeDialog();
    await page.getByRole('button', { name: w('workflow.deleteCase') }).click();
    await expect(dialog).toBeVisible();
    await audit('case, delete dialog');
    await closeDialog();
    await page.getByRole('button', { name: w('cases.addItems') }).click();
    await expect(dialog).toBeVisible();
    await audit('case, add items dialog');
    await closeDialog();
    await page
      .getByTestId('export-card')
      .getByRole('button', { name: w('cases.export.start'), exact: true })
      .click();
    await expect(page.getByTestId('export-result')).toBeVisible({ timeout: 30_000 });
    await audit('case, exported');

    // The transparency report of a vault whose notices have not gone out yet: zeros, charts and tables.
    await area('transparency');
    await expect(page.getByTestId('tr-empty')).toBeVisible();
    await page.getByTestId('tr-weeks').getByText(w('transparency.asTable')).click();
    await expect(page.getByTestId('tr-weeks-table')).toBeVisible();
    await audit('transparency, nothing reported');

    // A supervisor's review of another analyst's package, up to the confirmation.
    await api(page, 'identity.set', {
      name: 'Budi Supervisor',
      unit: 'Direktorat',
      employeeId: '1985',
      role: 'supervisor',
    });
    await area('review');
    await expect(page.getByTestId('review-drop')).toBeVisible();
    await audit('review, drop zone');
    await page.getByTestId('review-file').setInputFiles(otherAnalystPackage(harness.dataDir));
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'valid-untrusted');
    const items = page.getByTestId('review-item');
    await expect(items.first()).toBeVisible();
    await audit('review, a valid package');
    for (const item of await items.all()) await item.getByText(w('review.item.ok'), { exact: true }).click();
    await page.getByRole('button', { name: w('review.decide.approve') }).click();
    await expect(page.getByTestId('confirm-signer')).toHaveText('Budi Supervisor');
    await audit('review, confirmation');
    if (language === 'id') await keep(page, 'review-confirmation');
    await closeDialog();
    await page.getByRole('button', { name: w('review.close') }).click();
    const tampered = readFileSync(join(harness.dataDir, 'other-analyst', 'paket-analis-lain.zip'));
    const at = tampered.indexOf(Buffer.from('IDAT'));
    tampered[at + 12] = tampered[at + 12]! ^ 0xff;
    await page
      .getByTestId('review-file')
      .setInputFiles({ name: 'diubah.zip', mimeType: 'application/zip', buffer: tampered });
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'invalid');
    // what failed is said in the reader's language, not only in the core's English
    await expect(page.locator('[data-check=zip-data] .check-detail')).toContainText(w('check.entry.crc'));
    await audit('review, an invalid package');
    if (language === 'id') await keep(page, 'review-invalid');
    await page.getByRole('button', { name: w('review.close') }).click();

    await area('activity');
    await expect(page.locator('table.table tbody tr').first()).toBeVisible();
    await audit('activity');
    if (language === 'id') await keep(page, 'activity-log');

    await area('settings');
    await expect(page.getByTestId('identity-card')).toBeVisible();
    await audit('settings');

    // The same vault as a unit catalog (its role shows the Unit area from the next unlock on).
    await api(page, 'identity.set', { name: 'Meja Arsip', unit: 'Direktorat', employeeId: '1970', role: 'unit' });
    await page.getByRole('button', { name: w('app.lock'), exact: true }).click();
    await expect(page.getByRole('heading', { name: w('unlock.title') })).toBeVisible();
    await page.getByLabel(w('unlock.passphrase'), { exact: true }).fill('bukan frasa sandinya sama sekali');
    await page.getByRole('button', { name: w('unlock.submit'), exact: true }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await audit('unlock, wrong passphrase');
    await page.getByRole('button', { name: w('unlock.forgot') }).click();
    await audit('recover');
    await page.getByRole('button', { name: w('common.back') }).click();
    await page.getByLabel(w('unlock.passphrase'), { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: w('unlock.submit'), exact: true }).click();
    await expect(page.getByRole('navigation')).toBeVisible();
    await area('unit');
    await expect(page.getByTestId('unit-empty')).toBeVisible();
    await audit('unit, empty');
    await page.getByTestId('unit-file').setInputFiles(join(harness.dataDir, 'other-analyst', 'paket-analis-lain.zip'));
    await expect(page.getByTestId('unit-refused')).toBeVisible();
    await audit('unit, a refused package');

    expect(found).toEqual([]);
  });
}

test.describe('a broken machine policy', () => {
  test.use({ policy: '{ "autoLockMinutes": "ten" }' });
  test('the policy error screen passes axe-core', async ({ page, harness }) => {
    await page.goto(harness.url);
    await expect(page.getByTestId('fatal')).toBeVisible();
    expect(await violations(page, 'policy error')).toEqual([]);
  });
});
