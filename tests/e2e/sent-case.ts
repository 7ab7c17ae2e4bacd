/** The seeded sent case the outcome and transparency specs start from (tests/fixtures/seed-outcomes.ts). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PASSPHRASE } from './fixtures';
import { openCase } from './steps';

/** A case sent six hours ago, due two hours ago, and a platform's answer for 3 of its 5 items. */
export async function seedSentCase(dataDir: string): Promise<void> {
  execFileSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/seed-outcomes.ts', dataDir]);
}

/** Unlocks the seeded vault and opens the sent case's page; its reference. */
export async function openSentCase(page: Page, harness: { url: string; dataDir: string }): Promise<string> {
  const { reference } = JSON.parse(readFileSync(join(harness.dataDir, 'case.json'), 'utf8')) as { reference: string };
  await page.goto(harness.url);
  await page.getByLabel('Frasa sandi').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Buka', exact: true }).click();
  await openCase(page, reference);
  return reference;
}
