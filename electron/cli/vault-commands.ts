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
  const passphrase = await newPassphrase('JEJAK_PASSPHRASE');
  const { session, recoveryCode } = await createVault(ctx.vaultDir, passphrase, vaultOptions());
  session.close('cli');
  ctx.out.data({ vault: ctx.vaultDir, recoveryCode }, () =>
    [`Created a vault at ${ctx.vaultDir}.`, '', 'Recovery code (shown once; write it down and keep it apart from the computer):', '', `  ${recoveryCode}`, ''].join('\n'),
  );
  return EXIT.ok;
}

export async function status(ctx: CliContext): Promise<number> {
  if (!vaultExists(ctx.vaultDir)) {
    ctx.out.data({ vault: ctx.vaultDir, exists: false }, () => `No vault at ${ctx.vaultDir}. Create one with: jejak init`);
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
    [`Vault ${ctx.vaultDir}`, `  id          ${value.vaultId}`, `  created     ${value.createdAt}`, `  unlock with ${value.unlockMethods.join(', ')}`, `  key derivation ${value.kdf ? `scrypt N=${value.kdf.N} r=${value.kdf.r} p=${value.kdf.p}` : '-'}`].join('\n'),
  );
  return EXIT.ok;
}

export async function lock(ctx: CliContext): Promise<number> {
  const answered = await sendLock(ctx.dataDir);
  ctx.out.data({ lockedRunningApp: answered }, () => (answered ? 'The running Jejak locked its vault.' : 'No running Jejak to lock; the command line never leaves a vault unlocked.'));
  return EXIT.ok;
}

export async function auditVerify(ctx: CliContext): Promise<number> {
  const result = await withVault(ctx, (s) => verifyAudit(s.db));
  ctx.out.data(result, () =>
    result.ok
      ? `Audit chain intact: ${result.entries} entries, head ${result.head}.`
      : `Audit chain BROKEN at entry ${result.firstBad!.seq}: ${result.firstBad!.reason}. ${result.entries} entries before it check.`,
  );
  return result.ok ? EXIT.ok : EXIT.checkFailed;
}

export async function passphraseChange(ctx: CliContext): Promise<number> {
  const current = await secret('JEJAK_PASSPHRASE', 'Current passphrase: ');
  const next = await newPassphrase('JEJAK_NEW_PASSPHRASE');
  await changePassphrase(ctx.vaultDir, current, next, vaultOptions());
  ctx.out.data({ changed: true }, () => 'Passphrase changed.');
  return EXIT.ok;
}

/** The escrow private key from a file; its own passphrase (if encrypted) from the environment or a prompt. */
async function escrowKeyFrom(path: string) {
  let pem: string;
  try {
    pem = readFileSync(resolve(path), 'utf8');
  } catch {
    throw new UsageError(`Cannot read the escrow key ${path}.`);
  }
  const encrypted = pem.includes('BEGIN ENCRYPTED PRIVATE KEY');
  return loadEscrowPrivateKey(pem, encrypted ? await secret('JEJAK_ESCROW_KEY_PASSPHRASE', 'Escrow key passphrase: ') : undefined);
}

/** With the recovery code (the analyst) or, with --escrow-key, the unit's escrow private key (IT). */
export async function recover(ctx: CliContext): Promise<number> {
  const keyPath = ctx.flags['escrow-key'];
  if (keyPath !== undefined && typeof keyPath !== 'string') throw new UsageError('--escrow-key needs a file.');
  const unlockWith = keyPath ? { escrowKey: await escrowKeyFrom(keyPath) } : await secret('JEJAK_RECOVERY_CODE', 'Recovery code: ');
  const next = await newPassphrase('JEJAK_NEW_PASSPHRASE');
  const session = await recoverVault(ctx.vaultDir, unlockWith, next, vaultOptions());
  session.close('cli');
  const method = keyPath ? 'escrow' : 'recovery-code';
  ctx.out.data({ recovered: true, method }, () =>
    keyPath ? 'Vault recovered with the escrow key; the new passphrase is set. Give it to the analyst in person.' : 'Vault recovered; the new passphrase is set. The recovery code still works.',
  );
  return EXIT.ok;
}
