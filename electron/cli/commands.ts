import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from './context';
import * as catalog from './catalog-commands';
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
  {
    words: ['channel', 'add'],
    usage: 'channel add URL [--category C] [--title T] [--status S]',
    summary: 'catalog a channel (any link form; finds it if known)',
    options: { category: { type: 'string' }, title: { type: 'string' }, status: { type: 'string' } },
    run: catalog.channelAdd,
  },
  { words: ['channel', 'import'], usage: 'channel import FILE|-', summary: 'add many channels from pasted text or CSV, all or nothing', run: catalog.channelImport },
  { words: ['channel', 'list'], usage: 'channel list', summary: 'every channel', run: catalog.channelList },
  {
    words: ['evidence', 'add'],
    usage: 'evidence add FILE… [--channel URL|ID] [--source-url URL] [--captured-at ISO] [--note TEXT]',
    summary: 'take files in as evidence; prints id and SHA-256 per file',
    options: { channel: { type: 'string' }, 'source-url': { type: 'string' }, 'captured-at': { type: 'string' }, note: { type: 'string' } },
    run: catalog.evidenceAdd,
  },
  { words: ['evidence', 'export'], usage: 'evidence export ID --out FILE', summary: 'write the original bytes of an item', options: { out: { type: 'string' } }, run: catalog.evidenceExport },
  { words: ['search'], usage: 'search QUERY', summary: 'search channels, evidence notes and cases', run: catalog.searchCommand },
];
