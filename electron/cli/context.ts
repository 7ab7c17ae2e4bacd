import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { userInfo } from 'node:os';
import { parseIdentityFile } from '../core/age/age-keys';
import { isAgePath } from '../core/age/plain-package';
import { vaultAgeIdentity } from '../core/identity/identity';
import { readTrustFile } from '../core/trust/trust';
import { loadPolicy, type RosterEntry } from '../core/policy/policy';
import { anchorWarning } from '../core/vault/unlock-checks';
import { unlockVault } from '../core/vault/vault';
import type { VaultSession } from '../core/vault/session';
import type { CliText } from './i18n';
import { type Output, UsageError, secret } from './io';

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

/**
 * The age identities to open an encrypted package with: --identity KEY.txt (no vault needed), else
 * the vault's own age key (it is unlocked for that alone). None for a plain package.
 */
export async function ageIdentities(ctx: CliContext, path: string): Promise<string[] | undefined> {
  const keyFile = flag(ctx, 'identity');
  if (keyFile) {
    let text: string;
    try {
      text = readFileSync(resolve(keyFile), 'utf8');
    } catch {
      throw new UsageError(`Cannot read the identity file ${keyFile}.`);
    }
    return parseIdentityFile(text);
  }
  if (!(await isAgePath(path))) return undefined;
  return withVault(ctx, (s) => [vaultAgeIdentity(s)]);
}

/**
 * Whom a verification trusts: the roster file given with --trust (and its TSA roots, when it names
 * any), else the machine policy's roster; TSA roots from the file, else the policy's.
 */
export function trustFrom(ctx: CliContext): { roster: RosterEntry[]; tsaRoots: string[] } {
  const trust = flag(ctx, 'trust');
  const policy = cliPolicy();
  const file = trust ? readTrustFile(resolve(trust)) : null;
  return {
    roster: file ? file.entries : (policy.trustRoster ?? []),
    tsaRoots: file?.tsaRoots.length ? file.tsaRoots : (policy.tsaRoots ?? []),
  };
}
