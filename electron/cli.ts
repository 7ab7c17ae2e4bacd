/**
 * `jejak`: the command line over the same core as the desktop app. Secrets come from the
 * environment or a hidden prompt, never from arguments. It speaks Bahasa Indonesia or English
 * (`--lang`, else the environment); `--json` output is the same in both.
 */
import { parseArgs } from 'node:util';
import { isJejakError } from './core/errors';
import { type Command, commands } from './cli/commands';
import { useInstalledResources, vaultDirFrom } from './cli/locations';
import { type CliText, cliLanguage, cliText } from './cli/i18n';
import { EXIT, UsageError, exitCodeFor, output } from './cli/io';
import pkg from '../package.json' with { type: 'json' };
import { boundHeapGrowth } from './core/v8-settings';

const GLOBAL_OPTIONS = {
  vault: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** A command's one-line summary in the chosen language; the English of commands.ts when it has no translation yet. */
export function commandSummary(text: CliText, command: Command): string {
  const key = `cmd.${command.words.join('.')}`;
  const summary = text.t(key);
  return summary === key ? command.summary : summary;
}

export function helpText(text: CliText = cliText('en')): string {
  const { t } = text;
  return [
    `jejak ${pkg.version}: ${t('cli.help.tagline')}`,
    '',
    t('cli.help.usage'),
    '',
    t('cli.help.commands'),
    ...commands.flatMap((c) => [`  ${c.usage}`, `      ${commandSummary(text, c)}`]),
    '',
    t('cli.help.options'),
    t('cli.help.vault'),
    t('cli.help.json'),
    t('cli.help.lang'),
    '',
    t('cli.help.secrets'),
    '',
    t('cli.help.exitCodes'),
  ].join('\n');
}

function findCommand(positionals: string[]): Command | undefined {
  return commands
    .filter((c) => c.words.every((w, i) => positionals[i] === w))
    .sort((a, b) => b.words.length - a.words.length)[0];
}

/** parseArgs reports an unknown or malformed option as a TypeError with a code. */
const isArgumentError = (e: unknown): e is TypeError => e instanceof TypeError && 'code' in e;

function failureText(text: CliText, e: unknown): string {
  if (e instanceof UsageError) return text.t(e.key, e.params);
  if (isJejakError(e)) return text.error(e);
  if (isArgumentError(e)) return text.t('cli.seeHelp', { message: e.message });
  return text.t('cli.unexpected', { message: (e as Error).message });
}

/** What the installed app tells the command line it runs in (electron/main/cli-mode.ts). */
export interface InstalledApp {
  /** fonts for the report and the example policy */
  resourcesDir: string;
  /** the database module built for the app's Electron ABI */
  nativeBinding?: string;
}

export async function main(argv: string[], installed?: InstalledApp): Promise<number> {
  boundHeapGrowth();
  if (installed) {
    useInstalledResources(installed.resourcesDir);
    if (installed.nativeBinding) (await import('./core/db/database')).setNativeBinding(installed.nativeBinding);
  }
  let text = cliText(cliLanguage(undefined) ?? 'en');
  try {
    const first = parseArgs({ args: argv, options: GLOBAL_OPTIONS, allowPositionals: true, strict: false });
    const lang = typeof first.values.lang === 'string' ? first.values.lang : undefined;
    const language = cliLanguage(lang);
    if (!language) throw new UsageError('cli.badLang');
    text = cliText(language);
    if (first.values.version) {
      process.stdout.write(`${pkg.version}\n`);
      return EXIT.ok;
    }
    const command = findCommand(first.positionals);
    if (!command) {
      if (first.values.help || first.positionals.length === 0) {
        process.stdout.write(`${helpText(text)}\n`);
        return first.values.help ? EXIT.ok : EXIT.usage;
      }
      throw new UsageError('cli.unknownCommand', { command: first.positionals.join(' ') });
    }
    const parsed = parseArgs({
      args: argv,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help) {
      process.stdout.write(`${text.t('cli.usage', { usage: command.usage })}\n  ${commandSummary(text, command)}\n`);
      return EXIT.ok;
    }
    const { vaultDir, dataDir } = vaultDirFrom(parsed.values.vault);
    return await command.run({
      vaultDir,
      dataDir,
      out: output(Boolean(parsed.values.json)),
      text,
      args: parsed.positionals.slice(command.words.length),
      flags: parsed.values as Record<string, string | boolean | string[] | undefined>,
    });
  } catch (e) {
    process.stderr.write(`jejak: ${failureText(text, e)}\n`);
    return exitCodeFor(isArgumentError(e) ? new UsageError('cli.seeHelp', { message: e.message }) : e);
  }
}
