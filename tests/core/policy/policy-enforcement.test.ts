import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDestination } from '../../../electron/core/api/cases-handlers';
import { dispatch } from '../../../electron/core/api/dispatch';
import { JejakApp } from '../../../electron/core/app/jejak-app';
import { requireExportFolder } from '../../../electron/core/policy/export-folders';
import type { Policy } from '../../../electron/core/policy/policy';
import { readHeader } from '../../../electron/core/vault/header';
import { analystCase } from '../../fixtures/case';
import { testApp } from '../../fixtures/app';
import { PASSPHRASE, tempDir } from '../../fixtures/temp';

const appWith = (policy: Policy) => testApp(policy);

async function call(app: JejakApp, channel: string, args: unknown) {
  const reply = await dispatch(app, channel, args);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), reply.error);
  return reply.value as Record<string, unknown>;
}

describe('machine policy, enforced in the core', () => {
  it('minPassphraseStrength holds at creation and at every change; kdf is what the header gets', async () => {
    const kdf = { name: 'scrypt' as const, N: 2048, r: 8, p: 1 };
    const app = appWith({ minPassphraseStrength: 4, kdf });
    // Strength 3 ("kucing12hitam") is enough by default, not under this policy.
    await expect(call(app, 'vault.create', { passphrase: 'kucing12hitam' })).rejects.toMatchObject({
      code: 'WEAK_PASSPHRASE',
      message: expect.stringContaining('at least 4'),
    });
    await call(app, 'vault.create', { passphrase: PASSPHRASE });
    expect(readHeader(app.config.vaultDir).wraps.map((w) => ('kdf' in w ? w.kdf : null))).toEqual([kdf, kdf]);
    await expect(
      call(app, 'vault.changePassphrase', { current: PASSPHRASE, next: 'kucing12hitam' }),
    ).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' });
    expect((await call(app, 'vault.status', {})).minPassphraseStrength).toBe(4);
    app.lock('test');
  });

  it('escrowPublicKey: a vault created from the window gets the escrow wrap', async () => {
    const escrowPublicKey = generateKeyPairSync('x25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const app = appWith({ escrowPublicKey });
    await call(app, 'vault.create', { passphrase: PASSPHRASE });
    expect(readHeader(app.config.vaultDir).wraps.map((w) => w.kind)).toEqual(['passphrase', 'recovery', 'escrow']);
    app.lock('test');
  });

  it('categories, legal basis presets, reference pattern and due hours shape the catalog and cases', async () => {
    const app = appWith({
      categories: ['judi daring', 'lainnya'],
      legalBasisPresets: ['Pasal 27 ayat (2) UU ITE'],
      referencePattern: 'PK-{yy}{mm}-{seq3}',
      dueHours: { urgent: 2, normal: 48 },
    });
    await call(app, 'vault.create', { passphrase: PASSPHRASE });
    expect(await call(app, 'catalog.vocabulary', {})).toMatchObject({
      categories: ['judi daring', 'lainnya'],
      categoriesLocked: true,
    });
    await expect(call(app, 'channels.add', { url: 't.me/slot_gacor', category: 'terorisme' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('Unknown category'),
    });
    const { channel } = await call(app, 'channels.add', { url: 't.me/slot_gacor', category: 'judi daring' });
    expect(await call(app, 'cases.presets', {})).toMatchObject({
      legalBasis: ['Pasal 27 ayat (2) UU ITE'],
      dueHours: { urgent: 2, normal: 48 },
      referencePattern: 'PK-{yy}{mm}-{seq3}',
    });
    const kase = await call(app, 'cases.create', {
      title: 'Judi',
      platform: 'telegram',
      priority: 'urgent',
      legalBasis: 'Pasal 27 ayat (2) UU ITE',
      notes: '',
      channelIds: [(channel as { id: number }).id],
      evidenceIds: [],
    });
    expect(kase.reference).toMatch(/^PK-\d{4}-001$/);
    expect(Date.parse(kase.dueAt as string) - Date.parse(kase.createdAt as string)).toBe(2 * 3_600_000);
    app.lock('test');
  });

  it('trustRoster: the policy entries are part of the roster verification uses, marked as policy', async () => {
    const fingerprint = 'ab'.repeat(32);
    const app = appWith({
      trustRoster: [{ fingerprint, name: 'Bu Supervisor', unit: 'Direktorat', role: 'supervisor' }],
    });
    await call(app, 'vault.create', { passphrase: PASSPHRASE });
    expect((await call(app, 'trust.list', {})).entries).toEqual([
      { fingerprint, name: 'Bu Supervisor', unit: 'Direktorat', role: 'supervisor', source: 'policy' },
    ]);
    app.lock('test');
  });

  it('unitName is the unit in the signed report, whatever the analyst typed', async () => {
    const app = appWith({ unitName: 'Unit Uji Kebijakan' });
    await call(app, 'vault.create', { passphrase: PASSPHRASE });
    expect((await call(app, 'vault.status', {})).unitName).toBe('Unit Uji Kebijakan');
    const { kase } = await analystCase(app.requireSession());
    const out = tempDir();
    const exported = await call(app, 'cases.export', {
      id: kase.id,
      jobId: 'j1',
      language: 'en',
      destination: join(out, 'p.zip'),
    });
    execFileSync('unzip', ['-q', exported.path as string, '-d', out]);
    const report = JSON.parse(
      readFileSync(join(out, (exported.fileName as string).replace(/\.zip$/, ''), 'data', 'report.json'), 'utf8'),
    );
    expect(JSON.stringify(report)).toContain('Unit Uji Kebijakan');
    app.lock('test');
  });
});

describe('allowedExportFolders', () => {
  const root = () => {
    const dir = tempDir();
    const allowed = join(dir, 'ekspor');
    mkdirSync(allowed);
    return { dir, allowed, policy: { allowedExportFolders: [allowed] } };
  };
  const refusal = expect.objectContaining({
    code: 'POLICY',
    reason: { key: 'exportError.folderNotAllowed', params: { folders: expect.any(String) } },
  });

  it('allows a file inside an allowed folder (and its subfolders), and anywhere without the field', () => {
    const { allowed, policy } = root();
    expect(() => requireExportFolder(policy, join(allowed, 'JJK-1.zip'))).not.toThrow();
    mkdirSync(join(allowed, '2026'));
    expect(() => requireExportFolder(policy, join(allowed, '2026', 'JJK-1.zip'))).not.toThrow();
    expect(() => requireExportFolder({}, join(tempDir(), 'JJK-1.zip'))).not.toThrow();
  });

  it.each([
    ['elsewhere', (d: string) => join(d, 'desktop', 'JJK-1.zip')],
    ['a sibling whose name starts the same', (d: string) => join(`${d}/ekspor-pribadi`, 'JJK-1.zip')],
    ['a path that climbs out with ..', (d: string) => join(d, 'ekspor', '..', 'JJK-1.zip')],
    ['the allowed folder itself as the file', (d: string) => `${join(d, 'ekspor')}.zip`],
  ])('refuses %s', (_label, pathOf) => {
    const { dir, policy } = root();
    expect(() => requireExportFolder(policy, pathOf(dir))).toThrow(refusal);
  });

  it('refuses a link inside the allowed folder that leads out of it', () => {
    const { dir, allowed, policy } = root();
    mkdirSync(join(dir, 'outside'));
    symlinkSync(join(dir, 'outside'), join(allowed, 'pintu'));
    expect(() => requireExportFolder(policy, join(allowed, 'pintu', 'JJK-1.zip'))).toThrow(refusal);
  });

  it("the app's default destination is the first allowed folder, not the exports folder beside the vault", () => {
    const { allowed, policy } = root();
    expect(exportDestination(appWith(policy), undefined, 'JJK-1.zip')).toBe(join(allowed, 'JJK-1.zip'));
    const free = appWith({});
    expect(exportDestination(free, undefined, 'JJK-1.zip')).toBe(join(free.exportsDir(), 'JJK-1.zip'));
  });

  it('never overwrites and writes only .zip files', () => {
    const { allowed, policy } = root();
    const app = appWith(policy);
    writeFileSync(join(allowed, 'old.zip'), 'x');
    expect(() => exportDestination(app, join(allowed, 'old.zip'), 'x.zip')).toThrow(/already exists/);
    expect(() => exportDestination(app, join(allowed, 'report.pdf'), 'x.zip')).toThrow(/\.zip/);
    expect(() => exportDestination(app, 'relative/p.zip', 'x.zip')).toThrow(/\.zip/);
  });
});
