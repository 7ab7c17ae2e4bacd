import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorkspace } from '../fixtures/cli';
import { allFiles, tempDir } from '../fixtures/temp';

const NEW_PASSPHRASE = 'reset by IT on the 28th, 7 words';

/** The unit's escrow key pair made the way docs/deploy.md tells IT to make it. */
function opensslEscrowKey(passphrase?: string) {
  const dir = tempDir('jejak-escrow-');
  const privatePath = join(dir, 'escrow-private.pem');
  const publicPath = join(dir, 'escrow-public.pem');
  const pass = passphrase ? ['-aes256', '-pass', `pass:${passphrase}`] : [];
  execFileSync('openssl', ['genpkey', '-algorithm', 'X25519', ...pass, '-out', privatePath]);
  execFileSync('openssl', [
    'pkey',
    '-in',
    privatePath,
    ...(passphrase ? ['-passin', `pass:${passphrase}`] : []),
    '-pubout',
    '-out',
    publicPath,
  ]);
  return { privatePath, publicPem: readFileSync(publicPath, 'utf8') };
}

describe('jejak recover --escrow-key', () => {
  it('recovers a vault whose passphrase and recovery code are lost, with the openssl-made escrow key', () => {
    const unit = opensslEscrowKey('kunci-unit-rahasia');
    const { run, vault } = cliWorkspace({ escrowPublicKey: unit.publicPem });
    expect(run(['init']).code).toBe(0);
    expect(JSON.parse(run(['status', '--json']).stdout).unlockMethods).toEqual(['passphrase', 'recovery', 'escrow']);

    // A stranger's key: exit 4, and not a byte of the vault changes.
    const stranger = opensslEscrowKey();
    const before = allFiles(vault);
    const wrong = run(['recover', '--escrow-key', stranger.privatePath], { JEJAK_NEW_PASSPHRASE: NEW_PASSPHRASE });
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toMatch(/not the one this vault was wrapped for/);
    // The right key with a wrong key passphrase: exit 4 too.
    expect(
      run(['recover', '--escrow-key', unit.privatePath], {
        JEJAK_NEW_PASSPHRASE: NEW_PASSPHRASE,
        JEJAK_ESCROW_KEY_PASSPHRASE: 'nope',
      }).code,
    ).toBe(4);
    expect(allFiles(vault)).toEqual(before);

    const ok = run(['recover', '--escrow-key', unit.privatePath, '--json'], {
      JEJAK_NEW_PASSPHRASE: NEW_PASSPHRASE,
      JEJAK_ESCROW_KEY_PASSPHRASE: 'kunci-unit-rahasia',
    });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ recovered: true, method: 'escrow' });
    expect(run(['audit', 'verify']).code).toBe(4);
    expect(run(['audit', 'verify'], { JEJAK_PASSPHRASE: NEW_PASSPHRASE }).code).toBe(0);
  });

  it('refuses a policy whose escrow key is not X25519', () => {
    const { run } = cliWorkspace({
      escrowPublicKey: '-----BEGIN PUBLIC KEY-----\nREPLACE-ME\n-----END PUBLIC KEY-----\n',
    });
    const init = run(['init']);
    expect(init.code).toBe(2);
    expect(init.stderr).toMatch(/escrowPublicKey/);
  });
});
