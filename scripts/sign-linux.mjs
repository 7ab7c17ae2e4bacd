// electron-builder's afterAllArtifactBuild hook: a SHA256SUMS file over the installers (sha256sum
// format, so `sha256sum -c SHA256SUMS` checks them) and, when JEJAK_GPG_KEY_ID names a key,
// detached armored GPG signatures of each installer and of SHA256SUMS. The key stays in the
// build machine's GPG keyring (or agent); its passphrase, if any, comes from JEJAK_GPG_PASSPHRASE
// on stdin, never from an argument. Nothing secret is in the repository.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What IT installs; blockmaps and update metadata (we publish none) are not listed. */
const INSTALLER = /\.(AppImage|deb|rpm|exe|msi|zip|tar\.gz)$/;

async function sha256(path) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest('hex');
}

/** Writes SHA256SUMS beside the artifacts (they must share a folder for `sha256sum -c`). */
export async function writeChecksums(artifacts) {
  const files = artifacts.filter((f) => INSTALLER.test(f)).sort();
  if (files.length === 0) return null;
  const dir = dirname(files[0]);
  if (files.some((f) => dirname(f) !== dir))
    throw new Error('The installers are not in one folder; SHA256SUMS would not check.');
  const lines = [];
  for (const file of files) lines.push(`${await sha256(file)}  ${basename(file)}`);
  const sums = join(dir, 'SHA256SUMS');
  writeFileSync(sums, `${lines.join('\n')}\n`);
  return sums;
}

/** gpg --detach-sign --armor with the key from the environment; returns the .asc path. */
export function gpgSign(file, keyId, env = process.env) {
  const passphrase = env.JEJAK_GPG_PASSPHRASE;
  const args = ['--batch', '--yes', '--local-user', keyId, '--detach-sign', '--armor', '--output', `${file}.asc`];
  if (passphrase) args.push('--pinentry-mode', 'loopback', '--passphrase-fd', '0');
  const run = spawnSync('gpg', [...args, file], { input: passphrase ? `${passphrase}\n` : '', encoding: 'utf8', env });
  if (run.error) throw new Error(`gpg is not available to sign ${basename(file)}: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`gpg could not sign ${basename(file)} with key ${keyId}:\n${run.stderr}`);
  return `${file}.asc`;
}

/** Returns the extra files electron-builder should list with the artifacts. */
export async function signArtifacts(artifacts, env = process.env, log = console.log) {
  const sums = await writeChecksums(artifacts);
  if (!sums) return [];
  const extra = [sums];
  const keyId = env.JEJAK_GPG_KEY_ID;
  if (!keyId) {
    if (env.JEJAK_REQUIRE_SIGNING === '1')
      throw new Error(
        'JEJAK_REQUIRE_SIGNING=1 but JEJAK_GPG_KEY_ID is not set: refusing to leave Linux installers unsigned.',
      );
    log('sign-linux: JEJAK_GPG_KEY_ID is not set; wrote SHA256SUMS only (unsigned build).');
    return extra;
  }
  const installers = artifacts.filter((f) => INSTALLER.test(f) && /\.(AppImage|deb|rpm|tar\.gz)$/.test(f));
  for (const file of [...installers, sums]) extra.push(gpgSign(file, keyId, env));
  log(`sign-linux: signed ${installers.length} installer(s) and SHA256SUMS with ${keyId}.`);
  return extra;
}

export default async function afterAllArtifactBuild(buildResult) {
  return signArtifacts(buildResult.artifactPaths);
}

// By hand: node scripts/sign-linux.mjs dist/*.AppImage dist/*.deb
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const files = process.argv
    .slice(2)
    .map((f) => resolve(f))
    .filter((f) => existsSync(f));
  signArtifacts(files).then(
    (extra) => console.log(extra.join('\n')),
    (e) => {
      console.error(`sign-linux: ${e.message}`);
      process.exitCode = 1;
    },
  );
}
