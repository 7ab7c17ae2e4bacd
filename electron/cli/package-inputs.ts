import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseIdentityFile } from '../core/age/age-keys';
import { isAgePath } from '../core/age/plain-package';
import type { RosterEntry } from '../core/policy/policy';
import { readTrustFile } from '../core/trust/trust';
import { type CliContext, cliPolicy, flag } from './context';
import { UsageError } from './io';

// What the commands that open a package (verify, review, timestamps) take from their flags; apart
// from context.ts so that the commands that never open one do not load age and the trust roster.

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
  // the vault's code (database, unlock) is loaded only for this: a plain package needs none of it
  const [{ withVault }, { vaultAgeIdentity }] = await Promise.all([
    import('./vault-access'),
    import('../core/identity/identity'),
  ]);
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
