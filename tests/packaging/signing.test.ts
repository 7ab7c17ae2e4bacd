import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signArtifacts } from '../../scripts/sign-linux.mjs';
import sign, { signCommandFor, splitCommand } from '../../scripts/sign-windows.mjs';
import { tempDir } from '../fixtures/temp';

// A throwaway GPG home (short path: gpg-agent's socket path has a length limit).
const gnupgHome = mkdtempSync(join(tmpdir(), 'jg-'));
const gpgEnv = { ...process.env, GNUPGHOME: gnupgHome };
afterAll(() => {
  spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env: gpgEnv });
  rmSync(gnupgHome, { recursive: true, force: true });
});

function newKey(uid: string, passphrase: string): string {
  execFileSync(
    'gpg',
    [
      '--batch',
      '--pinentry-mode',
      'loopback',
      '--passphrase',
      passphrase,
      '--quick-gen-key',
      uid,
      'ed25519',
      'sign',
      'never',
    ],
    { env: gpgEnv, stdio: 'ignore' },
  );
  const listing = execFileSync('gpg', ['--batch', '--with-colons', '--list-keys', uid], {
    env: gpgEnv,
    encoding: 'utf8',
  });
  return /^fpr:+([0-9A-F]+):/m.exec(listing)![1]!;
}

function fakeInstallers() {
  const dir = tempDir();
  const files = ['Jejak-0.1.0-x64.AppImage', 'Jejak-0.1.0-x64.deb'].map((name, i) => {
    const path = join(dir, name);
    writeFileSync(path, `installer ${i}\n`.repeat(1000));
    return path;
  });
  writeFileSync(join(dir, 'builder-debug.yml'), 'not an artifact');
  return { dir, files };
}

describe('Linux installer signatures (afterAllArtifactBuild)', () => {
  it('writes SHA256SUMS that sha256sum -c accepts, and armored signatures gpg --verify accepts', async () => {
    const keyId = newKey('Jejak Release Test <release@jejak.test>', 'build-key-pass');
    const { dir, files } = fakeInstallers();
    const extra = await signArtifacts(
      [...files, join(dir, 'builder-debug.yml')],
      { ...gpgEnv, JEJAK_GPG_KEY_ID: keyId, JEJAK_GPG_PASSPHRASE: 'build-key-pass' },
      () => {},
    );
    expect(extra.map((f) => f.slice(dir.length + 1)).sort()).toEqual([
      'Jejak-0.1.0-x64.AppImage.asc',
      'Jejak-0.1.0-x64.deb.asc',
      'SHA256SUMS',
      'SHA256SUMS.asc',
    ]);
    expect(readFileSync(join(dir, 'SHA256SUMS'), 'utf8')).not.toContain('builder-debug');
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' })).toMatch(
      /AppImage: OK\n.*deb: OK/,
    );
    for (const file of [...files, join(dir, 'SHA256SUMS')]) {
      expect(readFileSync(`${file}.asc`, 'utf8')).toMatch(/^-----BEGIN PGP SIGNATURE-----/);
      expect(spawnSync('gpg', ['--batch', '--verify', `${file}.asc`, file], { env: gpgEnv }).status).toBe(0);
    }
    // A changed installer no longer verifies, by either check.
    writeFileSync(files[1]!, 'tampered');
    expect(spawnSync('gpg', ['--batch', '--verify', `${files[1]}.asc`, files[1]!], { env: gpgEnv }).status).not.toBe(0);
    expect(spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir }).status).not.toBe(0);
  });

  it('without a key id: checksums only, unless the build demands signing', async () => {
    const { dir, files } = fakeInstallers();
    const env = { ...gpgEnv, JEJAK_GPG_KEY_ID: '' };
    expect(await signArtifacts(files, env, () => {})).toEqual([join(dir, 'SHA256SUMS')]);
    expect(existsSync(`${files[0]}.asc`)).toBe(false);
    await expect(signArtifacts(files, { ...env, JEJAK_REQUIRE_SIGNING: '1' }, () => {})).rejects.toThrow(
      /JEJAK_GPG_KEY_ID/,
    );
  });
});

describe('Windows signing through a service command (win.signtoolOptions.sign)', () => {
  it('splits the command like a Windows command line and puts the file where {file} is', () => {
    expect(splitCommand('signtool sign /fd sha256 /tr "http://ts.example/ x" {file}')).toEqual([
      'signtool',
      'sign',
      '/fd',
      'sha256',
      '/tr',
      'http://ts.example/ x',
      '{file}',
    ]);
    expect(signCommandFor('AzureSignTool sign -kvu "%KV%" {file}', 'C:\\out\\Jejak Setup.exe')).toEqual([
      'AzureSignTool',
      'sign',
      '-kvu',
      '%KV%',
      'C:\\out\\Jejak Setup.exe',
    ]);
    expect(() => signCommandFor('signtool sign', 'x.exe')).toThrow(/\{file\}/);
    expect(() => splitCommand('signtool "unclosed')).toThrow(/quote/);
  });

  it('runs the command without a shell, once, for the sha256 pass only', async () => {
    const file = join(tempDir(), 'Jejak Setup; rm -rf x.exe');
    writeFileSync(file, 'MZ');
    const command = `"${process.execPath}" -e "require('fs').appendFileSync(process.argv[1] + '.signed', 'ok')" {file}`;
    await sign({ path: file, hash: 'sha1' }, { ...process.env, JEJAK_WIN_SIGN_COMMAND: command });
    await sign({ path: file, hash: 'sha256' }, { ...process.env, JEJAK_WIN_SIGN_COMMAND: command });
    expect(readFileSync(`${file}.signed`, 'utf8')).toBe('ok');
    await expect(
      sign(
        { path: file, hash: 'sha256' },
        { ...process.env, JEJAK_WIN_SIGN_COMMAND: `"${process.execPath}" -e "process.exit(3)" {file}` },
      ),
    ).rejects.toThrow(/exit 3/);
  });
});
