import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCase } from '../../electron/core/cases/export-case';
import { unlockVault } from '../../electron/core/vault/vault';
import { RESOURCES, analystCase } from '../fixtures/case';
import { POLICY } from '../fixtures/catalog';
import { cliWorkspace } from '../fixtures/cli';
import { PASSPHRASE, tempDir } from '../fixtures/temp';
import { truncateAuditTail } from '../fixtures/vault-attacker';

const NEXT = 'a brand new passphrase 77 words';

describe('vault header and audit anchor through the CLI', () => {
  it('refuses a KDF bomb in vault.json at once: exit 2, "vault header damaged or altered"', () => {
    const { run, vault } = cliWorkspace();
    expect(run(['init']).code).toBe(0);
    const header = JSON.parse(readFileSync(join(vault, 'vault.json'), 'utf8'));
    header.wraps[0].kdf = { name: 'scrypt', N: 2 ** 22, r: 32, p: 16 };
    writeFileSync(join(vault, 'vault.json'), JSON.stringify(header));
    for (const args of [['audit', 'verify'], ['status']]) {
      const result = run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('vault header damaged or altered');
    }
  });

  it('refuses the old vault.json put back after a passphrase change: exit 1, named as rolled back', () => {
    const { run, vault } = cliWorkspace();
    run(['init']);
    const old = readFileSync(join(vault, 'vault.json'));
    expect(run(['passphrase', 'change'], { JEJAK_NEW_PASSPHRASE: NEXT }).code).toBe(0);
    writeFileSync(join(vault, 'vault.json'), old);
    const refused = run(['audit', 'verify']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/vault\.json is rolled back/);
  });

  it('creates the vault owner-only', () => {
    const { run, vault } = cliWorkspace();
    run(['init']);
    expect(statSync(vault).mode & 0o777).toBe(0o700);
    for (const file of ['vault.json', 'jejak.db']) expect(statSync(join(vault, file)).mode & 0o777, file).toBe(0o600);
  });

  it('tail truncation: the unlock names it, audit verify exits 1, and an earlier package is contradicted by name', async () => {
    const { run, vault } = cliWorkspace();
    run(['init']);
    const session = await unlockVault(vault, { passphrase: PASSPHRASE }, { actor: 't' });
    const { kase } = await analystCase(session);
    const pkg = join(tempDir(), 'earlier.zip');
    await exportCase(session, POLICY, kase.id, pkg, { language: 'id', resourcesDir: RESOURCES, version: '0.1.0-test' });
    session.close('test');
    const before = run(['audit', 'verify', '--against', pkg]);
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/contained\s+.*earlier\.zip/);

    await truncateAuditTail(vault, 8);
    const after = run(['audit', 'verify', '--against', pkg]);
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(/Warning: The audit log no longer holds entry \d+/);
    expect(after.stdout).toMatch(/Audit chain BROKEN: entry \d+ .* was found missing/);
    expect(after.stdout).toMatch(/The chain contradicts .*earlier\.zip/);
  });

  it('key rotate: new recovery code once, the old passphrase and code stop working, the evidence is intact', () => {
    const { run, dir } = cliWorkspace();
    const oldCode = JSON.parse(run(['init', '--json']).stdout).recoveryCode as string;
    const file = join(dir, 'evidence.bin');
    writeFileSync(file, Buffer.alloc(1_500_000, 9));
    expect(run(['evidence', 'add', file]).code).toBe(0);
    const rotated = run(['key', 'rotate', '--json'], { JEJAK_NEW_PASSPHRASE: NEXT });
    expect(rotated.code).toBe(0);
    expect(rotated.stderr).toMatch(/Re-encrypting originals: 1\.4 of 1\.4 MiB/);
    const { recoveryCode } = JSON.parse(rotated.stdout) as { recoveryCode: string };
    expect(recoveryCode).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(recoveryCode).not.toBe(oldCode);
    expect(run(['audit', 'verify']).code).toBe(4);
    expect(run(['recover'], { JEJAK_RECOVERY_CODE: oldCode, JEJAK_NEW_PASSPHRASE: NEXT }).code).toBe(4);
    const back = join(dir, 'back.bin');
    expect(run(['evidence', 'export', '1', '--out', back], { JEJAK_PASSPHRASE: NEXT }).code).toBe(0);
    expect(readFileSync(back).equals(readFileSync(file))).toBe(true);
    expect(run(['audit', 'verify'], { JEJAK_PASSPHRASE: NEXT }).code).toBe(0);
  });
});
