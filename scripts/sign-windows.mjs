// electron-builder's win.signtoolOptions.sign hook, used only when JEJAK_WIN_SIGN_COMMAND is set:
// signing through a service (an HSM, a cloud key vault, the ministry's signing server) whose key
// never leaves it. Without it, electron-builder signs with CSC_LINK / CSC_KEY_PASSWORD itself.
//
// JEJAK_WIN_SIGN_COMMAND is a command line with {file} where the file goes, e.g.
//   AzureSignTool sign -kvu %KV_URL% -kvc jejak -kvm -tr http://timestamp.example -td sha256 {file}
//   signtool sign /sha1 %THUMBPRINT% /fd sha256 /tr http://timestamp.example /td sha256 {file}
// Credentials for the service come from its own environment variables, never from this repository.
import { spawnSync } from 'node:child_process';

/** Splits a command line into arguments; double quotes group, as on a Windows command line. */
export function splitCommand(line) {
  const args = [];
  let current = '';
  let quoted = false;
  let started = false;
  for (const ch of line.trim()) {
    if (ch === '"') {
      quoted = !quoted;
      started = true;
    } else if (/\s/.test(ch) && !quoted) {
      if (started) args.push(current);
      current = '';
      started = false;
    } else {
      current += ch;
      started = true;
    }
  }
  if (quoted) throw new Error('JEJAK_WIN_SIGN_COMMAND has an unclosed quote.');
  if (started) args.push(current);
  return args;
}

export function signCommandFor(template, file) {
  const args = splitCommand(template);
  if (!args.some((a) => a.includes('{file}')))
    throw new Error('JEJAK_WIN_SIGN_COMMAND must contain {file} where the file to sign goes.');
  return args.map((a) => a.replaceAll('{file}', file));
}

export default async function sign(configuration, env = process.env) {
  const template = env.JEJAK_WIN_SIGN_COMMAND;
  if (!template) throw new Error('sign-windows.mjs is configured but JEJAK_WIN_SIGN_COMMAND is not set.');
  // electron-builder asks once per hash algorithm; the config asks for sha256 only.
  if (configuration.hash && configuration.hash !== 'sha256') return;
  const [command, ...args] = signCommandFor(template, configuration.path);
  // No shell: the file name cannot be read as shell syntax.
  const run = spawnSync(command, args, { stdio: 'inherit', env });
  if (run.error) throw new Error(`Could not run the signing command ${command}: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`Signing ${configuration.path} failed (exit ${run.status}).`);
}
