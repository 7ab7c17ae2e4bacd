import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PASSPHRASE, expect, test } from './fixtures';

const CHANNELS = 100_000;

/** A vault holding a unit's whole history: 100,000 channels, written straight into its database. */
async function seedChannels(dataDir: string): Promise<void> {
  execFileSync(process.execPath, [
    '--import',
    'tsx',
    'tests/fixtures/seed-channels.ts',
    join(dataDir, 'vault'),
    String(CHANNELS),
  ]);
}

test.describe('at 100,000 channels', () => {
  test.use({ seed: { run: seedChannels } });
  test.setTimeout(120_000);

  // How fast: `npm run bench -- catalog` (unlock to first page, channel pages and detail at this scale).
  test('opens a channel from the full list right after unlocking', async ({ page, harness }) => {
    await page.goto(harness.url);
    await page.getByLabel('Frasa sandi').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Buka', exact: true }).click();
    await page.getByRole('button', { name: 'Kanal', exact: true }).click();
    await page.getByRole('button', { name: `Kanal uji ${CHANNELS - 1}`, exact: true }).click();
    await expect(page.getByRole('heading', { name: `Kanal uji ${CHANNELS - 1}` })).toBeVisible();
    expect(harness.foreignRequests).toEqual([]);
  });
});
