import { userInfo } from 'node:os';
import { loadPolicy } from '../core/policy/policy';
import { anchorWarning } from '../core/vault/unlock-checks';
import { unlockVault } from '../core/vault/vault';
import type { VaultSession } from '../core/vault/session';
import type { CliText } from './i18n';
import { type Output, secret } from './io';

export interface CliContext {
  vaultDir: string;
  dataDir: string;
  out: Output;
  /** words in the language chosen by --lang or the environment */
  text: CliText;
  args: string[];
  flags: Record<string, string | boolean | string[] | undefined>;
}

export function cliActor(): string {
  return `os:${userInfo().username}`;
}

/** The machine policy, read at each use: the CLI obeys it as the app does (JEJAK_POLICY names another file). */
export function cliPolicy() {
  return loadPolicy().policy;
}

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
  try {
    return await fn(session);
  } finally {
    session.close('cli');
  }
}

/** The value of a string option, or undefined. */
export function flag(ctx: CliContext, name: string): string | undefined {
  const v = ctx.flags[name];
  return typeof v === 'string' ? v : undefined;
}

/** Every value of a repeatable option. */
export function flagList(ctx: CliContext, name: string): string[] {
  const v = ctx.flags[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}
