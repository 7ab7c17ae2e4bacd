import { generateKeyPairSync } from 'node:crypto';
import { dirname, join } from 'node:path';
import { dispatch } from '../../../electron/core/api/dispatch';
import { createJejakApp } from '../../../electron/core/app/create-app';
import { RESOURCES } from '../../fixtures/case';
import { exitOf, filesIn, valueOf, vaultBeforePolicy } from '../../fixtures/policy-sides';
import { PASSPHRASE } from '../../fixtures/temp';
import { type Binding, WEAK, json, wrapKdfs, wrapKinds } from './binding';

const KDF = { name: 'scrypt' as const, N: 2048, r: 8, p: 1 };
// Meta's bridge and a copy turned by 90°: near duplicates at the default distance, through the dihedral hashes
const BRIDGES = ['bridge-1-original.jpg', 'bridge-2-rotate-90.jpg'].map((f) =>
  join(process.cwd(), 'tests/fixtures/pdq', f),
);
const WITHOUT = ['passphrase', 'recovery'];
const WITH_ESCROW = [...WITHOUT, 'escrow'];
const APP = { resourcesDir: RESOURCES, version: '0.0.0-test' };

/** The fields that shape the vault itself: its keys, who works in it, its backups, its lock. */
export const VAULT_FIELDS: Binding[] = [
  {
    field: 'minPassphraseStrength',
    policy: () => ({ minPassphraseStrength: 4 }),
    expected: () => ({ weakCreate: 2, create: 0, weakChange: 2 }),
    cli: (s) => ({
      weakCreate: s.run(['init'], { JEJAK_PASSPHRASE: WEAK }).code,
      create: s.run(['init']).code,
      weakChange: s.run(['passphrase', 'change'], { JEJAK_NEW_PASSPHRASE: WEAK }).code,
    }),
    app: async (s) => ({
      weakCreate: exitOf(await s.call('vault.create', { passphrase: WEAK })),
      create: exitOf(await s.call('vault.create', { passphrase: PASSPHRASE })),
      weakChange: exitOf(await s.call('vault.changePassphrase', { current: PASSPHRASE, next: WEAK })),
    }),
  },
  {
    field: 'kdf',
    policy: () => ({ kdf: KDF }),
    expected: () => ({ exit: 0, wraps: [KDF, KDF] }),
    cli: (s) => ({ exit: s.run(['init']).code, wraps: wrapKdfs(s.vaultDir) }),
    app: async (s) => ({
      exit: exitOf(await s.call('vault.create', { passphrase: PASSPHRASE })),
      wraps: wrapKdfs(s.app.config.vaultDir),
    }),
  },
  {
    field: 'escrowPublicKey',
    given: async () => ({
      pem: generateKeyPairSync('x25519').publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    }),
    policy: (_f, g) => ({ escrowPublicKey: g.pem! }),
    // a new vault is wrapped for the unit's key; one made before IT deployed it, at its next unlock
    expected: () => ({ exit: 0, created: WITH_ESCROW, before: WITHOUT, unlocked: 0, after: WITH_ESCROW }),
    cli: async (s) => {
      const exit = s.run(['init']).code;
      const older = join(s.folders.dir, 'older');
      await vaultBeforePolicy(older);
      const before = wrapKinds(older);
      const unlocked = s.runIn(older, ['channel', 'list']).code;
      return { exit, created: wrapKinds(s.vaultDir), before, unlocked, after: wrapKinds(older) };
    },
    app: async (s) => {
      const exit = exitOf(await s.call('vault.create', { passphrase: PASSPHRASE }));
      const older = createJejakApp({ dataDir: join(s.folders.dir, 'older'), policyPath: s.policyPath, ...APP });
      await vaultBeforePolicy(older.config.vaultDir);
      const before = wrapKinds(older.config.vaultDir);
      const unlocked = exitOf(await dispatch(older, 'vault.unlock', { passphrase: PASSPHRASE }));
      older.lock('test');
      return {
        exit,
        created: wrapKinds(s.app.config.vaultDir),
        before,
        unlocked,
        after: wrapKinds(older.config.vaultDir),
      };
    },
  },
  {
    field: 'allowAnonymousVault',
    policy: () => ({ allowAnonymousVault: false }),
    // IDENTITY_REQUIRED: `init` without --name --unit --id, the create screen without the three fields
    expected: () => ({ exit: 2 }),
    cli: (s) => ({ exit: s.run(['init']).code }),
    app: async (s) => ({ exit: exitOf(await s.call('vault.create', { passphrase: PASSPHRASE })) }),
  },
  {
    field: 'autoLockMinutes',
    policy: () => ({ autoLockMinutes: 5 }),
    expected: () => ({ minutes: 5, change: 1 }),
    cli: { none: 'a command unlocks, works and locks as it ends: no idle session to time out, no setting to change' },
    app: async (s) => {
      await s.vault();
      const minutes = valueOf<{ autoLockMinutes: number }>(await s.call('vault.status')).autoLockMinutes;
      return { minutes, change: exitOf(await s.call('settings.setAutoLock', { minutes: 30 })) };
    },
  },
  {
    field: 'backupFolder',
    policy: (f) => ({ backupFolder: f.backups }),
    expected: (f) => ({ elsewhere: 1, writtenElsewhere: [], folder: f.backups }),
    cli: async (s) => {
      await s.vault();
      const elsewhere = s.run(['backup', '--out', join(s.folders.elsewhere, 'b.tar')]).code;
      const made = json<{ path: string }>(s.run(['backup', '--json'])).path;
      return { elsewhere, writtenElsewhere: filesIn(s.folders.elsewhere), folder: dirname(made) };
    },
    app: async (s) => {
      await s.vault();
      const elsewhere = exitOf(
        await s.call('backup.create', { jobId: 'b1', destination: join(s.folders.elsewhere, 'b.tar') }),
      );
      const made = valueOf<{ path: string }>(await s.call('backup.create', { jobId: 'b2' })).path;
      return { elsewhere, writtenElsewhere: filesIn(s.folders.elsewhere), folder: dirname(made) };
    },
  },
  {
    field: 'nearDuplicateDistance',
    policy: () => ({ nearDuplicateDistance: 0 }),
    expected: () => ({ nearDuplicateOf: null }),
    cli: async (s) => {
      await s.vault();
      const added = JSON.parse(s.run(['evidence', 'add', ...BRIDGES, '--json']).stdout) as Array<{
        nearDuplicateOf: number | null;
      }>;
      return { nearDuplicateOf: added[1]!.nearDuplicateOf };
    },
    app: async (s) => {
      await s.vault();
      let last: number | null = -1;
      for (const [i, path] of BRIDGES.entries())
        last = valueOf<{ nearDuplicateOf: number | null }>(
          await s.call('evidence.intakePath', { jobId: `b${i}`, path }),
        ).nearDuplicateOf;
      return { nearDuplicateOf: last };
    },
  },
  {
    field: 'backupReminderDays',
    policy: () => ({ backupReminderDays: 7 }),
    expected: () => ({ reminderDays: 7, overdue: true }),
    cli: {
      none: 'a reminder on the dashboard (backup.status); no command shows one, and `jejak backup` is unaffected',
    },
    app: async (s) => {
      await s.vault();
      const { reminderDays, overdue } = valueOf<{ reminderDays: number; overdue: boolean }>(
        await s.call('backup.status'),
      );
      return { reminderDays, overdue };
    },
  },
  {
    field: 'vaultRole',
    policy: () => ({ vaultRole: 'unit' }),
    // POLICY for another role (exit 1), nothing written; without one the vault takes the policy's
    expected: () => ({ refused: 1, role: 'unit' }),
    cli: (s) => {
      const who = ['init', '--name', 'Meja Arsip', '--unit', 'Direktorat', '--id', 'NIP-9'];
      const refused = s.run([...who, '--role', 'analyst']).code;
      s.run(who);
      return { refused, role: json<{ role: string }>(s.run(['identity', 'show', '--json'])).role };
    },
    app: async (s) => {
      const who = { name: 'Meja Arsip', unit: 'Direktorat', employeeId: 'NIP-9' };
      const refused = exitOf(
        await s.call('vault.create', { passphrase: PASSPHRASE, identity: { ...who, role: 'analyst' } }),
      );
      await s.call('vault.create', { passphrase: PASSPHRASE, identity: { ...who, role: 'unit' } });
      return { refused, role: valueOf<{ role: string }>(await s.call('identity.get')).role };
    },
  },
];
