import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorkspace, initAs } from '../fixtures/cli';
import { screenshotPng } from '../fixtures/catalog';
import { tempDir } from '../fixtures/temp';

/** A vault with one channel, one screenshot and one exported case; returns the package and the key. */
async function exported() {
  const ws = cliWorkspace();
  initAs(ws, { name: 'Sari Analis', id: 'NIP-1', role: 'analyst' });
  ws.run(['channel', 'add', 'https://t.me/s/DaulahMedia']);
  const shot = join(ws.dir, 'shot.png');
  writeFileSync(shot, await screenshotPng(300));
  const id = ws.run(['evidence', 'add', shot, '--channel', 't.me/daulahmedia']).stdout.split('\t')[0]!.slice(1);
  const reference = ws.run(['case', 'create', 'Propaganda', '--platform', 'telegram']).stdout.trim();
  expect(ws.run(['case', 'add', reference, '--channel', '@DaulahMedia', '--evidence', id]).code).toBe(0);
  const zip = join(ws.dir, 'case.zip');
  expect(ws.run(['case', 'export', reference, '--out', zip]).code).toBe(0);
  const fingerprint = JSON.parse(ws.run(['identity', 'show', '--json']).stdout).fingerprint as string;
  return { ...ws, zip, fingerprint };
}

describe('jejak CLI: package format 2', () => {
  it('review refuses a package the vault itself signed: exit 1, the reason, nothing written', async () => {
    const own = await exported();
    expect(
      own.run([
        'identity',
        'set',
        '--name',
        'Sari Analis',
        '--unit',
        'Direktorat Pengendalian Konten',
        '--id',
        'NIP-1',
        '--role',
        'supervisor',
      ]).code,
    ).toBe(0);
    const out = join(own.dir, 'approved.zip');
    const review = own.run(['review', own.zip, '--approve', '--without-item-review', '--reason', 'uji', '--out', out]);
    expect(review.code).toBe(1);
    expect(review.stderr).toContain('already signed with your key');
    expect(review.stderr).toContain('nobody may approve or return their own work');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(own.dir).filter((f) => f.startsWith('.partial') || f.startsWith('approved'))).toEqual([]);
  });

  it('verify FOLDER gives the verdicts and exit codes of the ZIP', async () => {
    const { zip, fingerprint, run } = await exported();
    const work = tempDir();
    execFileSync('unzip', ['-q', zip, '-d', work]);
    const bag = join(work, readdirSync(work)[0]!);
    const roster = join(work, 'roster.json');
    writeFileSync(
      roster,
      JSON.stringify([{ fingerprint, name: 'Sari Analis', unit: 'Direktorat Pengendalian Konten', role: 'analyst' }]),
    );
    for (const target of [zip, bag]) {
      expect(run(['verify', target, '--trust', roster]).code, target).toBe(0);
      const untrusted = run(['verify', target, '--json']);
      expect(untrusted.code).toBe(3);
      expect(JSON.parse(untrusted.stdout)).toMatchObject({ verdict: 'valid-untrusted' });
    }
    writeFileSync(join(bag, 'data', 'channels.csv'), 'changed');
    const broken = run(['verify', bag]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/FAIL {2}manifest-sha256/);
    expect(run(['verify', join(work, 'nope')]).code).toBe(2);
  });

  it('verify refuses a format-1 package as made by an older Jejak: exit 1', () => {
    const { run } = cliWorkspace();
    const result = run(['verify', join(__dirname, '../fixtures/format-1/KOMINFO-2026-11-0042.zip')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Verdict: invalid');
    expect(result.stdout).toMatch(/FAIL {2}format-version — .*made by an older Jejak \(package format 1\)/);
  });
});
