/**
 * `jejak`: the command line over the same core as the desktop app. Secrets come from the
 * environment or a hidden prompt, never from arguments.
 */
import { parseArgs } from 'node:util';
import { isJejakError } from './core/errors';
import { type Command, commands } from './cli/commands';
import { vaultDirFrom } from './cli/context';
import { EXIT, UsageError, exitCodeFor, output } from './cli/io';
import pkg from '../package.json' with { type: 'json' };

const GLOBAL_OPTIONS = {
  vault: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

export function helpText(): string {
  return [
    `jejak ${pkg.version}: offline evidence vault`,
    '',
    'Usage: jejak [--vault DIR] [--json] COMMAND ...',
    '',
    'Commands:',
    ...commands.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '',
    'Options:',
    '  --vault DIR   the vault folder (default: the desktop app\'s, in the per-user app-data folder)',
    '  --json        print data as JSON',
    '',
    'Secrets (never as arguments): JEJAK_PASSPHRASE, JEJAK_NEW_PASSPHRASE, JEJAK_RECOVERY_CODE;',
    'when unset, jejak asks without echo.',
    '',
    'Exit codes: 0 ok, 1 a check failed, 2 usage or unreadable input, 3 valid but untrusted,',
    '            4 wrong passphrase, recovery code or escrow key.',
  ].join('\n');
}

function findCommand(positionals: string[]): Command | undefined {
  return commands
    .filter((c) => c.words.every((w, i) => positionals[i] === w))
    .sort((a, b) => b.words.length - a.words.length)[0];
}

export async function main(argv: string[]): Promise<number> {
  try {
    const first = parseArgs({ args: argv, options: GLOBAL_OPTIONS, allowPositionals: true, strict: false });
    if (first.values.version) {
      process.stdout.write(`${pkg.version}\n`);
      return EXIT.ok;
    }
    const command = findCommand(first.positionals);
    if (!command) {
      if (first.values.help || first.positionals.length === 0) {
        process.stdout.write(`${helpText()}\n`);
        return first.values.help ? EXIT.ok : EXIT.usage;
      }
      throw new UsageError(`Unknown command "${first.positionals.join(' ')}". See jejak --help.`);
    }
    const parsed = parseArgs({ args: argv, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    if (parsed.values.help) {
      process.stdout.write(`Usage: jejak ${command.usage}\n  ${command.summary}\n`);
      return EXIT.ok;
    }
    const { vaultDir, dataDir } = vaultDirFrom(parsed.values.vault);
    return await command.run({
      vaultDir,
      dataDir,
      out: output(Boolean(parsed.values.json)),
      args: parsed.positionals.slice(command.words.length),
      flags: parsed.values as Record<string, string | boolean | string[] | undefined>,
    });
  } catch (e) {
    const message = e instanceof UsageError || isJejakError(e) ? e.message : e instanceof TypeError && 'code' in e ? `${e.message}. See jejak --help.` : `Unexpected error: ${(e as Error).message}`;
    process.stderr.write(`jejak: ${message}\n`);
    return exitCodeFor(e instanceof TypeError && 'code' in e ? new UsageError(message) : e);
  }
}
