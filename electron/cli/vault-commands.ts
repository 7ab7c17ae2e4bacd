import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { verifyAuditAnchored } from '../core/audit/anchor';
import { sendLock } from '../core/app/lock-signal';
import { loadEscrowPrivateKey } from '../core/vault/escrow';
import { readHeader, vaultExists } from '../core/vault/header';
import { anchorWarning, anchorsOf } from '../core/vault/unlock-checks';
import { type RotationProgress, rotateKeys } from '../core/vault/rotation';
import { changePassphrase, createVault, recoverVault, unlockVault } from '../core/vault/vault';
import { auditVerificationText } from './audit-text';
import type { IdentityFields } from '../core/identity/identity';
import { type CliContext, cliActor, cliPolicy, flag, flagList } from './context';
import { withVault } from './vault-access';
import { EXIT, UsageError, newPassphrase, promptLine, secret } from './io';
import { MiB } from '../common/limits';
import { VAULT_ROLES, type VaultRole } from '../common/identity-rules';

const isVaultRole = (role: string): role is VaultRole => (VAULT_ROLES as readonly string[]).includes(role);

export function vaultOptions() {
  const policy = cliPolicy();
  return {
    actor: cliActor(),
    kdf: policy.kdf,
    minStrength: policy.minPassphraseStrength,
    escrowPublicKey: policy.escrowPublicKey,
  };
}

/**
 * The identity for `init`: from --name --unit --id --role; in a terminal, what is missing is asked
 * for. Without any of them and without a terminal there is none, and the core decides whether the
 * policy allows that (an IT test vault). --role defaults to analyst.
 */
async function initIdentity(ctx: CliContext): Promise<IdentityFields | undefined> {
  const given = {
    name: flag(ctx, 'name'),
    unit: flag(ctx, 'unit'),
    employeeId: flag(ctx, 'id'),
    role: flag(ctx, 'role'),
  };
  if (given.role !== undefined && !isVaultRole(given.role))
    throw new UsageError('--role is analyst, supervisor or unit.');
  const anyGiven = Object.values(given).some((v) => v !== undefined);
  const policy = cliPolicy();
  const ask = process.stdin.isTTY && (anyGiven || !policy.allowAnonymousVault);
  if (!anyGiven && !ask) return undefined;
  const fill = async (value: string | undefined, question: string) =>
    value ?? (ask ? (await promptLine(question)).trim() : '');
  const name = await fill(given.name, 'Your full name (printed on every signed statement): ');
  const unit = await fill(given.unit, policy.unitName ? `Unit [${policy.unitName}]: ` : 'Unit: ');
  const employeeId = await fill(given.employeeId, 'Employee ID (NIP): ');
  // a policy's vaultRole is the default here, and the only role the core accepts
  const fallback = policy.vaultRole ?? 'analyst';
  const role =
    given.role ??
    (ask ? (await promptLine(`Role, analyst, supervisor or unit [${fallback}]: `)).trim() || fallback : fallback);
  if (!isVaultRole(role)) throw new UsageError('The role is analyst, supervisor or unit.');
  return { name, unit, employeeId, role };
}

export async function init(ctx: CliContext): Promise<number> {
  const { t } = ctx.text;
  const identity = await initIdentity(ctx);
  const passphrase = await newPassphrase('JEJAK_PASSPHRASE', ctx.text);
  const policy = cliPolicy();
  const { session, recoveryCode } = await createVault(ctx.vaultDir, passphrase, {
    ...vaultOptions(),
    identity,
    allowAnonymous: policy.allowAnonymousVault,
    policyUnit: policy.unitName,
    policyRole: policy.vaultRole,
  });
  const actor = session.actor;
  session.close('cli');
  ctx.out.data({ vault: ctx.vaultDir, recoveryCode, actor: identity ? actor : null }, () =>
    [
      t('cli.init.created', { vault: ctx.vaultDir }),
      identity ? t('cli.init.identity', { actor }) : t('cli.init.anonymous'),
      '',
      t('cli.init.recoveryCode'),
      '',
      `  ${recoveryCode}`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

/** Label and value pairs, the values in one column. */
function columns(rows: Array<[string, string]>): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
}

export async function status(ctx: CliContext): Promise<number> {
  const { t } = ctx.text;
  if (!vaultExists(ctx.vaultDir)) {
    ctx.out.data({ vault: ctx.vaultDir, exists: false }, () => t('cli.status.none', { vault: ctx.vaultDir }));
    return EXIT.ok;
  }
  const header = readHeader(ctx.vaultDir);
  const kdf = header.wraps.find((w) => w.kind === 'passphrase');
  const value = {
    vault: ctx.vaultDir,
    exists: true,
    vaultId: header.vaultId,
    createdAt: header.createdAt,
    format: header.version,
    unlockMethods: header.wraps.map((w) => w.kind),
    kdf: kdf && 'kdf' in kdf ? kdf.kdf : null,
  };
  ctx.out.data(value, () =>
    [
      t('cli.status.vault', { vault: ctx.vaultDir }),
      ...columns([
        [t('cli.status.id'), value.vaultId],
        [t('cli.status.created'), value.createdAt],
        [t('cli.status.unlockWith'), value.unlockMethods.map((m) => t(`cli.unlockMethod.${m}`)).join(', ')],
        [t('cli.status.kdf'), value.kdf ? `scrypt N=${value.kdf.N} r=${value.kdf.r} p=${value.kdf.p}` : '-'],
      ]),
    ].join('\n'),
  );
  return EXIT.ok;
}

export async function lock(ctx: CliContext): Promise<number> {
  const answered = await sendLock(ctx.dataDir);
  ctx.out.data({ lockedRunningApp: answered }, () => ctx.text.t(answered ? 'cli.lock.locked' : 'cli.lock.noApp'));
  return EXIT.ok;
}

/** `audit verify [--against FILE.zip…]`: the chain, the anchors in vault.json and, if given, earlier packages' heads. */
export async function auditVerify(ctx: CliContext): Promise<number> {
  const named = flagList(ctx, 'against');
  if (ctx.args.length > 0 && named.length === 0)
    throw new UsageError('Usage: jejak audit verify [--against FILE.zip…]');
  const against = [...named, ...ctx.args].map((f) => resolve(f));
  const result = await withVault(ctx, async (s) => ({
    ...verifyAuditAnchored(s.db, anchorsOf(s.header)),
    // Reading packages loads the verifier (schemas, CMS): only this command needs it.
    packages: await (await import('../core/audit/package-heads')).checkPackageHeads(s.db, s.header.vaultId, against),
  }));
  ctx.out.data(result, () => auditVerificationText(result));
  if (!result.ok || result.packages.some((p) => p.status === 'contradicted')) return EXIT.checkFailed;
  return result.packages.every((p) => p.status === 'contained') ? EXIT.ok : EXIT.usage;
}

export async function passphraseChange(ctx: CliContext): Promise<number> {
  const current = await secret('JEJAK_PASSPHRASE', ctx.text.t('cli.prompt.currentPassphrase'));
  const next = await newPassphrase('JEJAK_NEW_PASSPHRASE', ctx.text);
  await changePassphrase(ctx.vaultDir, current, next, vaultOptions());
  ctx.out.data({ changed: true }, () => ctx.text.t('cli.passphrase.changed'));
  return EXIT.ok;
}

/** The escrow private key from a file; its own passphrase (if encrypted) from the environment or a prompt. */
async function escrowKeyFrom(ctx: CliContext, path: string) {
  let pem: string;
  try {
    pem = readFileSync(resolve(path), 'utf8');
  } catch {
    throw new UsageError('cli.cannotReadEscrowKey', { path });
  }
  const encrypted = pem.includes('BEGIN ENCRYPTED PRIVATE KEY');
  return loadEscrowPrivateKey(
    pem,
    encrypted ? await secret('JEJAK_ESCROW_KEY_PASSPHRASE', ctx.text.t('cli.prompt.escrowPassphrase')) : undefined,
  );
}

/** With the recovery code (the analyst) or, with --escrow-key, the unit's escrow private key (IT). */
export async function recover(ctx: CliContext): Promise<number> {
  const keyPath = ctx.flags['escrow-key'];
  if (keyPath !== undefined && typeof keyPath !== 'string') throw new UsageError('cli.escrowKeyNeedsFile');
  const unlockWith = keyPath
    ? { escrowKey: await escrowKeyFrom(ctx, keyPath) }
    : await secret('JEJAK_RECOVERY_CODE', ctx.text.t('cli.prompt.recoveryCode'));
  const next = await newPassphrase('JEJAK_NEW_PASSPHRASE', ctx.text);
  const session = await recoverVault(ctx.vaultDir, unlockWith, next, vaultOptions());
  session.close('cli');
  const method = keyPath ? 'escrow' : 'recovery-code';
  ctx.out.data({ recovered: true, method }, () => ctx.text.t(keyPath ? 'cli.recover.escrow' : 'cli.recover.code'));
  return EXIT.ok;
}

/** Progress on stderr: each phase once, the originals every tenth of the way. */
function rotationReporter(ctx: CliContext) {
  let lastTenth = -1;
  return (p: RotationProgress) => {
    if (p.phase === 'commit') {
      if (p.done === 0) ctx.out.info('Committing the new keys…');
      return;
    }
    const tenth = p.total === 0 ? 10 : Math.floor((p.done / p.total) * 10);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    ctx.out.info(`Re-encrypting originals: ${(p.done / MiB).toFixed(1)} of ${(p.total / MiB).toFixed(1)} MiB`);
  };
}

/** `key rotate`: a new master key for the database and every original; a new recovery code, shown once. */
export async function keyRotate(ctx: CliContext): Promise<number> {
  const current = await secret('JEJAK_PASSPHRASE', 'Current passphrase: ');
  const newPassphrase = process.env.JEJAK_NEW_PASSPHRASE || undefined;
  const opts = vaultOptions();
  const session = await unlockVault(ctx.vaultDir, { passphrase: current }, opts);
  const warning = anchorWarning(session);
  if (warning) ctx.out.info(`Warning: ${warning}`);
  ctx.out.info('Rotating keys: the database and every original are re-encrypted under a new master key.');
  let rotated;
  try {
    rotated = await rotateKeys(session, {
      ...opts,
      passphrase: current,
      newPassphrase,
      onProgress: rotationReporter(ctx),
    });
  } finally {
    if (session.isOpen) session.close('cli');
  }
  rotated.session.close('cli');
  const { recoveryCode } = rotated;
  ctx.out.data({ rotated: true, passphrase: newPassphrase ? 'changed' : 'kept', recoveryCode }, () =>
    [
      'Keys rotated. Copies of vault.json from before now open nothing.',
      newPassphrase ? 'The passphrase is the new one (JEJAK_NEW_PASSPHRASE).' : 'The passphrase is unchanged.',
      '',
      'New recovery code (shown once; the old code no longer works, as it could not be rewrapped without typing it):',
      '',
      `  ${recoveryCode}`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
