import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { verifyAudit } from '../core/audit/audit-log';
import { sendLock } from '../core/app/lock-signal';
import { loadEscrowPrivateKey } from '../core/vault/escrow';
import { readHeader, vaultExists } from '../core/vault/header';
import { changePassphrase, createVault, recoverVault } from '../core/vault/vault';
import { type CliContext, cliActor, cliPolicy, withVault } from './context';
import { EXIT, UsageError, newPassphrase, secret } from './io';

function vaultOptions() {
  const policy = cliPolicy();
  return { actor: cliActor(), kdf: policy.kdf, minStrength: policy.minPassphraseStrength, escrowPublicKey: policy.escrowPublicKey };
}

export async function init(ctx: CliContext): Promise<number> {
  const { t } = ctx.text;
  const passphrase = await newPassphrase('JEJAK_PASSPHRASE', ctx.text);
  const { session, recoveryCode } = await createVault(ctx.vaultDir, passphrase, vaultOptions());
  session.close('cli');
  ctx.out.data({ vault: ctx.vaultDir, recoveryCode }, () => [t('cli.init.created', { vault: ctx.vaultDir }), '', t('cli.init.recoveryCode'), '', `  ${recoveryCode}`, ''].join('\n'));
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

export async function auditVerify(ctx: CliContext): Promise<number> {
  const result = await withVault(ctx, (s) => verifyAudit(s.db));
  ctx.out.data(result, () =>
    result.ok
      ? ctx.text.t('cli.audit.intact', { entries: result.entries, head: result.head })
      : ctx.text.t('cli.audit.broken', { seq: result.firstBad!.seq, reason: result.firstBad!.reason, entries: result.entries }),
  );
  return result.ok ? EXIT.ok : EXIT.checkFailed;
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
  return loadEscrowPrivateKey(pem, encrypted ? await secret('JEJAK_ESCROW_KEY_PASSPHRASE', ctx.text.t('cli.prompt.escrowPassphrase')) : undefined);
}

/** With the recovery code (the analyst) or, with --escrow-key, the unit's escrow private key (IT). */
export async function recover(ctx: CliContext): Promise<number> {
  const keyPath = ctx.flags['escrow-key'];
  if (keyPath !== undefined && typeof keyPath !== 'string') throw new UsageError('cli.escrowKeyNeedsFile');
  const unlockWith = keyPath ? { escrowKey: await escrowKeyFrom(ctx, keyPath) } : await secret('JEJAK_RECOVERY_CODE', ctx.text.t('cli.prompt.recoveryCode'));
  const next = await newPassphrase('JEJAK_NEW_PASSPHRASE', ctx.text);
  const session = await recoverVault(ctx.vaultDir, unlockWith, next, vaultOptions());
  session.close('cli');
  const method = keyPath ? 'escrow' : 'recovery-code';
  ctx.out.data({ recovered: true, method }, () => ctx.text.t(keyPath ? 'cli.recover.escrow' : 'cli.recover.code'));
  return EXIT.ok;
}
