import { resolve } from 'node:path';
import { createBackup } from '../core/vault/backup';
import { backupDestination } from '../core/vault/backup-status';
import { restoreBackup } from '../core/vault/restore';
import type { Secret } from '../core/vault/vault';
import { type CliContext, cliActor, cliPolicy, flag } from './context';
import { withVault } from './vault-access';
import { EXIT, UsageError, secret } from './io';
import pkg from '../../package.json' with { type: 'json' };

/** A line on stderr per tenth done, so a long backup shows it is alive without flooding a log. */
function progressPrinter(ctx: CliContext, what: string) {
  let shown = -1;
  return (done: number, total: number) => {
    const tenth = total > 0 ? Math.floor((10 * done) / total) : 0;
    if (!ctx.out.json && tenth > shown) {
      shown = tenth;
      ctx.out.info(`${what} ${tenth * 10}%`);
    }
  };
}

export async function backup(ctx: CliContext): Promise<number> {
  const out = flag(ctx, 'out');
  const policy = cliPolicy();
  const path = backupDestination(ctx.vaultDir, policy, out === undefined ? undefined : resolve(out));
  const print = progressPrinter(ctx, 'Backing up:');
  const last = await withVault(ctx, (s) =>
    createBackup(s, path, { software: `jejak ${pkg.version}`, onProgress: (p) => print(p.done, p.total) }),
  );
  ctx.out.data(
    last,
    () =>
      `Wrote ${last.path} (${last.bytes} bytes, ${last.blobs} originals) and read it back: every SHA-256 matches.\nSHA-256 of the file: ${last.sha256}`,
  );
  return EXIT.ok;
}

/** The recovery code when JEJAK_RECOVERY_CODE is set, else the passphrase (environment or prompt). */
async function restoreSecret(ctx: CliContext): Promise<Secret> {
  const code = process.env.JEJAK_RECOVERY_CODE;
  return code
    ? { recoveryCode: code }
    : { passphrase: await secret('JEJAK_PASSPHRASE', ctx.text.t('cli.prompt.backupPassphrase')) };
}

export async function restore(ctx: CliContext): Promise<number> {
  const [file] = ctx.args;
  // The target is named on purpose: restoring never defaults to the desktop app's vault folder.
  if (!file || typeof ctx.flags.vault !== 'string') throw new UsageError('cli.usage.restore');
  const print = progressPrinter(ctx, 'Restoring:');
  const result = await restoreBackup(resolve(file), resolve(ctx.vaultDir), await restoreSecret(ctx), {
    actor: cliActor(),
    escrowPublicKey: cliPolicy().escrowPublicKey,
    onProgress: (p) => p.phase === 'read' && print(p.done, p.total),
  });
  ctx.out.data(result, () =>
    [
      `Restored the vault into ${result.vaultDir}.`,
      `  backup made   ${result.backupCreatedAt}`,
      `  audit chain   intact (${result.auditEntries} entries)`,
      `  originals     ${result.blobs}, each matches its SHA-256`,
    ].join('\n'),
  );
  return EXIT.ok;
}
