import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from './context';
import * as vault from './vault-commands';

export interface Command {
  words: string[];
  usage: string;
  summary: string;
  options?: ParseArgsConfig['options'];
  run(ctx: CliContext): Promise<number>;
}

/** Every command, in the order `jejak --help` lists them. */
export const commands: Command[] = [
  { words: ['init'], usage: 'init', summary: 'create a vault; prints the recovery code once', run: vault.init },
  { words: ['status'], usage: 'status', summary: 'where the vault is and how it is protected', run: vault.status },
  { words: ['lock'], usage: 'lock', summary: 'lock the vault of a running Jejak', run: vault.lock },
  { words: ['audit', 'verify'], usage: 'audit verify', summary: 'recompute the audit hash chain', run: vault.auditVerify },
  { words: ['passphrase', 'change'], usage: 'passphrase change', summary: 'set a new passphrase (JEJAK_NEW_PASSPHRASE)', run: vault.passphraseChange },
  { words: ['recover'], usage: 'recover', summary: 'unlock with the recovery code (JEJAK_RECOVERY_CODE) and set a new passphrase', run: vault.recover },
];
