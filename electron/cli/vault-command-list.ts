import { type Command, commandsIn } from './command';

const backups = commandsIn(() => import('./backup-commands'));
const vault = commandsIn(() => import('./vault-commands'));

/** The vault itself: making, opening, protecting, backing up and recovering it. */
export const vaultCommands: Command[] = [
  {
    words: ['init'],
    usage: 'init [--name N --unit U --id I --role analyst|supervisor]',
    summary:
      'create a vault for the person who works in it (asked in a terminal when not given; role defaults to analyst); prints the recovery code once',
    options: { name: { type: 'string' }, unit: { type: 'string' }, id: { type: 'string' }, role: { type: 'string' } },
    run: vault('init'),
  },
  { words: ['status'], usage: 'status', summary: 'where the vault is and how it is protected', run: vault('status') },
  { words: ['lock'], usage: 'lock', summary: 'lock the vault of a running Jejak', run: vault('lock') },
  {
    words: ['audit', 'verify'],
    usage: 'audit verify [--against FILE.zip…]',
    summary:
      'recompute the audit hash chain, check it still holds the head recorded at the last lock and in each earlier package',
    options: { against: { type: 'string', multiple: true } },
    run: vault('auditVerify'),
  },
  {
    words: ['backup'],
    usage: 'backup [--out FILE]',
    summary: "write a checked backup of the vault while it is in use (default: the policy's backup folder)",
    options: { out: { type: 'string' } },
    run: backups('backup'),
  },
  {
    words: ['restore'],
    usage: 'restore FILE --vault DIR',
    summary: 'check a backup and bring it back into a new or empty folder (JEJAK_PASSPHRASE or JEJAK_RECOVERY_CODE)',
    run: backups('restore'),
  },
  {
    words: ['passphrase', 'change'],
    usage: 'passphrase change',
    summary: 'set a new passphrase (JEJAK_NEW_PASSPHRASE)',
    run: vault('passphraseChange'),
  },
  {
    words: ['key', 'rotate'],
    usage: 'key rotate',
    summary:
      're-encrypt the database and every original under a new master key; prints a new recovery code once (JEJAK_NEW_PASSPHRASE optional)',
    run: vault('keyRotate'),
  },
  {
    words: ['recover'],
    usage: 'recover [--escrow-key PRIVATE.pem]',
    summary:
      'unlock with the recovery code (JEJAK_RECOVERY_CODE) or, for IT, the unit escrow key (JEJAK_ESCROW_KEY_PASSPHRASE if encrypted), and set a new passphrase',
    options: { 'escrow-key': { type: 'string' } },
    run: vault('recover'),
  },
];
