import { nextTurn } from '../core/in-turns';
import { finishUnfinishedNoticeRecords } from '../core/outcomes/notice-record';
import { anchorWarning } from '../core/vault/unlock-checks';
import { unlockVault } from '../core/vault/vault';
import type { VaultSession } from '../core/vault/session';
import { type CliContext, cliActor, cliPolicy } from './context';
import { secret } from './io';

// Apart from context.ts, so that a command that opens no vault (`jejak verify`) loads no database or unlock code.

/**
 * Unlocks with JEJAK_PASSPHRASE or a hidden prompt, runs fn, and always locks again. The unlock
 * obeys the policy as the app's does: a vault made before IT deployed the escrow key gets its wrap.
 */
export async function withVault<T>(ctx: CliContext, fn: (session: VaultSession) => Promise<T> | T): Promise<T> {
  const passphrase = await secret('JEJAK_PASSPHRASE', ctx.text.t('cli.prompt.passphrase'));
  const { escrowPublicKey } = cliPolicy();
  const session = await unlockVault(ctx.vaultDir, { passphrase }, { actor: cliActor(), escrowPublicKey });
  const warning = anchorWarning(session);
  if (warning) ctx.out.info(`Warning: ${warning}`);
  // as the app's unlock: a notice record an export left unfinished (the app stopped while it wrote
  // the items) is made whole before any command counts the case's items
  finishUnfinishedNoticeRecords(session);
  // Unlocking, the command and locking again (a checkpoint of the database) each get turns of their
  // own: run back to back, the end of an export and the lock held the thread 70 ms.
  await nextTurn();
  try {
    return await fn(session);
  } finally {
    await nextTurn();
    await session.closeOffThread('cli');
  }
}
