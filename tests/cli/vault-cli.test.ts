import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unlockVault } from '../../electron/core/vault/vault';
import { cliWorkspace } from '../fixtures/cli';
import { PASSPHRASE, allFiles } from '../fixtures/temp';

describe('jejak CLI: vault', () => {
  it('documents commands and exit codes in --help', () => {
    const { run } = cliWorkspace();
    const help = run(['--help']);
    expect(help.code).toBe(0);
    for (const word of [
      'init',
      'status',
      'lock',
      'audit verify',
      'passphrase change',
      'recover',
      'JEJAK_PASSPHRASE',
      '4 wrong passphrase',
    ])
      expect(help.stdout).toContain(word);
    expect(run(['frobnicate']).code).toBe(2);
    expect(run(['status', '--no-such-flag']).code).toBe(2);
  });

  it('init creates vault.json, jejak.db and blobs/ and prints the recovery code once', () => {
    const { run, vault } = cliWorkspace();
    const init = run(['init', '--json']);
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout).recoveryCode).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(readdirSync(vault)).toEqual(expect.arrayContaining(['vault.json', 'jejak.db', 'blobs']));
    expect(run(['init']).code).toBe(2);
    const status = JSON.parse(run(['status', '--json']).stdout);
    expect(status).toMatchObject({ exists: true, unlockMethods: ['passphrase', 'recovery'] });
  });

  it('a wrong passphrase exits 4 with a clear message and leaves every vault file byte-identical', () => {
    const { run, vault } = cliWorkspace();
    run(['init']);
    const before = allFiles(vault);
    const wrong = run(['audit', 'verify'], { JEJAK_PASSPHRASE: 'definitely not it' });
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toMatch(/passphrase is not correct/);
    expect(allFiles(vault)).toEqual(before);
  });

  it('audit verify exits 1 and names the first bad entry after an edit through SQL', async () => {
    const { run, vault } = cliWorkspace();
    run(['init']);
    expect(run(['audit', 'verify']).code).toBe(0);
    expect(run(['audit', 'verify']).code).toBe(0);
    // Someone with the key edits history directly.
    const session = await unlockVault(vault, { passphrase: PASSPHRASE }, { actor: 'x' });
    session.db.raw.exec("DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'someone else' WHERE seq = 2");
    session.db.close();
    const verify = run(['audit', 'verify']);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(/BROKEN at entry 2/);
  });

  it('changes the passphrase and recovers with the recovery code', () => {
    const { run } = cliWorkspace();
    const code = JSON.parse(run(['init', '--json']).stdout).recoveryCode as string;
    const next = 'a brand new passphrase 77 words';
    expect(run(['passphrase', 'change'], { JEJAK_NEW_PASSPHRASE: next }).code).toBe(0);
    expect(run(['audit', 'verify']).code).toBe(4);
    expect(run(['audit', 'verify'], { JEJAK_PASSPHRASE: next }).code).toBe(0);
    expect(run(['recover'], { JEJAK_RECOVERY_CODE: 'WRONG-CODE', JEJAK_NEW_PASSPHRASE: PASSPHRASE }).code).toBe(4);
    expect(run(['recover'], { JEJAK_RECOVERY_CODE: code.toLowerCase(), JEJAK_NEW_PASSPHRASE: PASSPHRASE }).code).toBe(
      0,
    );
    expect(run(['audit', 'verify']).code).toBe(0);
  });

  it('asks for the passphrase when it is not in the environment, and never takes it as an argument', () => {
    const { run } = cliWorkspace();
    const noSecret = run(['init'], { JEJAK_PASSPHRASE: '' });
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toMatch(/environment or run in a terminal/);
    expect(run(['init', '--passphrase', 'x']).code).toBe(2);
  });

  it('lock reports when no Jejak is running', () => {
    const { run } = cliWorkspace();
    const lock = run(['lock', '--json']);
    expect(lock.code).toBe(0);
    expect(JSON.parse(lock.stdout)).toEqual({ lockedRunningApp: false });
  });
});

describe('jejak lock with a running app', () => {
  it('locks the running vault over the local socket', async () => {
    const { listenForLock } = await import('../../electron/core/app/lock-signal');
    const ws = cliWorkspace();
    let locked = false;
    const server = listenForLock(ws.dir, () => (locked = true));
    if (!server.listening) await once(server, 'listening');
    const { spawn } = await import('node:child_process');
    const code = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['bin/jejak.js', '--vault', join(ws.dir, 'vault'), 'lock'], {
        env: { ...process.env, JEJAK_DATA_DIR: ws.dir },
      });
      child.on('exit', (c) => resolve(c ?? -1));
    });
    server.close();
    expect(code).toBe(0);
    expect(locked).toBe(true);
  });
});
