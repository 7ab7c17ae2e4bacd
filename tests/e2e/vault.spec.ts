import { PASSPHRASE, createVaultThroughUi, expect, test } from './fixtures';

test('create a vault, keep the recovery code, lock, fail and pass unlock, switch language, check the chain', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Buat brankas bukti Anda' })).toBeVisible();

  // The strength meter refuses a weak passphrase before the core has to.
  await page.getByLabel('Frasa sandi', { exact: true }).fill('rahasia');
  await expect(page.getByText('Sangat lemah')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Buat brankas' })).toBeDisabled();

  const code = await createVaultThroughUi(page);
  expect(code).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  await expect(page.getByRole('navigation')).toContainText('Kanal');

  await page.getByRole('button', { name: 'Kunci' }).click();
  await expect(page.getByRole('heading', { name: 'Buka brankas' })).toBeVisible();

  await page.getByLabel('Frasa sandi').fill('not the passphrase at all');
  await page.getByRole('button', { name: 'Buka', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(/Frasa sandi salah/);

  await page.getByLabel('Frasa sandi').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Buka', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Aktivitas' })).toBeVisible();

  await page.getByLabel('Bahasa / Language').first().selectOption('en');
  await expect(page.getByRole('button', { name: 'Activity' })).toBeVisible();
  await page.getByLabel('Bahasa / Language').first().selectOption('id');
  await expect(page.getByRole('button', { name: 'Aktivitas' })).toBeVisible();

  await page.getByRole('button', { name: 'Aktivitas' }).click();
  await expect(page.getByRole('cell', { name: 'Brankas dibuat' })).toBeVisible();
  await page.getByRole('button', { name: 'Periksa rantai' }).click();
  await expect(page.getByTestId('chain-result')).toContainText(/Rantai utuh: semua \d+ entri sesuai/);

  expect(harness.foreignRequests).toEqual([]);
});

test('the language choice survives a reload and shows on the unlock screen', async ({ page, harness }) => {
  await page.goto(harness.url);
  await createVaultThroughUi(page);
  await page.getByLabel('Bahasa / Language').first().selectOption('en');
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Unlock vault' })).toBeVisible();
});

test.describe('with a broken machine policy', () => {
  test.use({ policy: '{ "autoLockMinutes": "ten" }' });
  test('shows the policy error screen instead of starting', async ({ page, harness }) => {
    await page.goto(harness.url);
    await expect(page.getByTestId('fatal')).toContainText('Jejak tidak dapat dijalankan');
    await expect(page.getByTestId('fatal')).toContainText('autoLockMinutes');
  });
});
