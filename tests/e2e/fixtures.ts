import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export const PASSPHRASE = 'correct horse battery staple 42';

/**
 * A cheap scrypt for tests, set the way IT would: through the machine policy, which also lets a
 * test vault be made without an identity (specs about identities use a policy without it).
 */
export const TEST_POLICY = { kdf: { name: 'scrypt', N: 1024, r: 8, p: 1 }, allowAnonymousVault: true };

export interface Harness {
  url: string;
  dataDir: string;
  /** every request the page made that was not to the harness itself */
  foreignRequests: string[];
}

async function startHarness(dataDir: string, policy: unknown): Promise<{ url: string; child: ChildProcess }> {
  const policyPath = join(dataDir, 'policy.json');
  writeFileSync(policyPath, typeof policy === 'string' ? policy : JSON.stringify(policy));
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/main.ts', '--data', dataDir], {
    env: { ...process.env, JEJAK_POLICY: policyPath },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`harness did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`harness exited ${code}: ${out}`)));
  });
  return { url, child };
}

/**
 * Each spec gets a fresh data folder (so a fresh vault) and its own harness; every request that
 * is not to the harness is blocked and recorded, so a spec can assert none left the page.
 */
export const test = base.extend<{
  harness: Harness;
  policy: unknown;
  seed: { run(dataDir: string): Promise<void> } | null;
}>({
  policy: [TEST_POLICY, { option: true }],
  /** prepares the data folder (e.g. a vault with many channels) before the harness starts */
  seed: [null, { option: true }],
  harness: async ({ page, policy, seed }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jejak-e2e-'));
    if (seed) await seed.run(dataDir);
    const { url, child } = await startHarness(dataDir, policy);
    const origin = new URL(url).origin;
    const foreignRequests: string[] = [];
    await page.route('**/*', (route) => {
      const requestUrl = route.request().url();
      if (requestUrl.startsWith(origin)) return route.continue();
      foreignRequests.push(requestUrl);
      return route.abort();
    });
    await use({ url, dataDir, foreignRequests });
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/**
 * A second app on its own data folder (a second person's workstation), for specs where two vaults
 * talk through packages; `page` is routed like the first: only its own harness answers.
 */
export async function secondHarness(page: Page, policy: unknown): Promise<Harness & { stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jejak-e2e-'));
  const { url, child } = await startHarness(dataDir, policy);
  const origin = new URL(url).origin;
  const foreignRequests: string[] = [];
  await page.route('**/*', (route) => {
    const requestUrl = route.request().url();
    if (requestUrl.startsWith(origin)) return route.continue();
    foreignRequests.push(requestUrl);
    return route.abort();
  });
  return {
    url,
    dataDir,
    foreignRequests,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface UiIdentity {
  name: string;
  unit: string;
  employeeId: string;
  role: 'Analis' | 'Supervisor';
}

/**
 * Creates a vault through the UI and passes the recovery-code step; returns the code. Without an
 * identity it makes an IT test vault (TEST_POLICY allows it), as a spec about something else would.
 */
export async function createVaultThroughUi(
  page: Page,
  passphrase = PASSPHRASE,
  identity?: UiIdentity,
): Promise<string> {
  await page.getByLabel(/^(Frasa sandi|Passphrase)$/).fill(passphrase);
  await page.getByLabel(/^(Ulangi frasa sandi|Repeat passphrase)$/).fill(passphrase);
  const who = page.getByTestId('create-identity');
  if (identity) {
    await who.getByLabel('Nama lengkap').fill(identity.name);
    await who.getByLabel('Unit kerja').fill(identity.unit);
    await who.getByLabel('NIP / nomor pegawai').fill(identity.employeeId);
    await who.getByLabel('Peran').selectOption({ label: identity.role });
  } else {
    await who.getByLabel(/Brankas uji TI tanpa identitas|IT test vault without an identity/).check();
  }
  await page.getByRole('button', { name: /Buat brankas|Create vault/ }).click();
  const code = (await page.getByTestId('recovery-code').innerText()).replace(/\s+/g, '-');
  await page.getByLabel(/kelompok 4 karakter terakhir|last group/).fill(code.split('-').at(-1)!);
  await page.getByRole('button', { name: /Sudah saya simpan|I saved it/ }).click();
  return code;
}

/** Set-up the UI has no control for (linking evidence to a channel), through the harness's own API. */
export async function api<T>(page: Page, channel: string, args: unknown): Promise<T> {
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
