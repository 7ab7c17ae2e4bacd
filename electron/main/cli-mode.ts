/**
 * The installed app is also the `jejak` command line. Its binary cannot run as plain Node (the
 * runAsNode fuse is off), so the launcher IT puts on the PATH (resources/bin/jejak, jejak.cmd;
 * scripts/cli-launchers.mjs) starts the app with `--jejak-cli --` and the command's arguments, and
 * main runs the same bundle `npm run build` makes for the checkout (out/cli/jejak.js) instead of
 * opening a window. Chromium reads no switch after `--`, so every argument reaches the CLI as given.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App } from 'electron';
import type { InstalledApp } from '../cli';

export const CLI_FLAG = '--jejak-cli';

/** The command line's arguments when the app was started as `jejak`, else null. */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf(CLI_FLAG);
  if (at === -1) return null;
  const rest = argv.slice(at + 1);
  return rest[0] === '--' ? rest.slice(1) : rest;
}

/** Runs one command with the app's resources and database module, then exits with its code once stdout is written. */
export async function runCli(app: App, args: string[], installed: InstalledApp): Promise<void> {
  let code = 2;
  try {
    const bundle = pathToFileURL(join(app.getAppPath(), 'out', 'cli', 'jejak.js')).href;
    const { main } = (await import(bundle)) as typeof import('../cli');
    code = await main(args, installed);
  } catch (e) {
    process.stderr.write(`jejak: ${(e as Error).message}\n`);
  }
  process.stdout.write('', () => app.exit(code));
}
