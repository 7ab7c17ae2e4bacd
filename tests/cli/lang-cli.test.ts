import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../electron/cli/commands';
import { cliLanguage } from '../../electron/cli/i18n';
import cliEn from '../../electron/cli/i18n/en.json';
import cliId from '../../electron/cli/i18n/id.json';
import { exportCase } from '../../electron/core/cases/export-case';
import { getIdentity } from '../../electron/core/identity/identity';
import { createVault } from '../../electron/core/vault/vault';
import { RESOURCES, analystCase } from '../fixtures/case';
import { POLICY } from '../fixtures/catalog';
import { cliWorkspace } from '../fixtures/cli';
import { FAST_KDF, PASSPHRASE, tempDir } from '../fixtures/temp';

/** A package signed by an analyst, and a roster that trusts them. */
async function signedPackage() {
  const dir = tempDir();
  const { session } = await createVault(join(dir, 'vault'), PASSPHRASE, {
    actor: 'fixture',
    kdf: FAST_KDF,
    allowAnonymous: true,
  });
  const { kase } = await analystCase(session);
  const zip = join(dir, 'case.zip');
  await exportCase(session, POLICY, kase.id, zip, { language: 'id', resourcesDir: RESOURCES, version: '0.1.0-test' });
  const roster = join(dir, 'roster.json');
  writeFileSync(
    roster,
    JSON.stringify([
      { fingerprint: getIdentity(session).fingerprint, name: 'Sari Analis', unit: 'Direktorat', role: 'analyst' },
    ]),
  );
  session.close('fixture');
  return { zip, roster };
}

describe('jejak speaks Bahasa Indonesia or English', () => {
  it('verify: JEJAK_LANG=id prints Indonesian, --lang en English, and --json is the same in both', async () => {
    const ws = cliWorkspace();
    const { zip, roster } = await signedPackage();
    const id = ws.run(['verify', zip, '--trust', roster], { JEJAK_LANG: 'id' });
    expect(id.code).toBe(0);
    expect(id.stdout).toMatch(/^Hasil: sah dan tepercaya\n/);
    expect(id.stdout).toContain('  lolos  Hash SHA-256 berkas isi (manifest-sha256)');
    expect(id.stdout).toMatch(/ditandatangani: Analis mengajukan oleh Sari Analis \([0-9a-f]{16}…\) tepercaya/);
    const en = ws.run(['verify', zip, '--trust', roster, '--lang', 'en'], { JEJAK_LANG: 'id' });
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^Verdict: valid-trusted\n/);
    expect(en.stdout).toContain('  pass  manifest-sha256');
    expect(en.stdout).not.toMatch(/Hasil|lolos/);
    const json = (lang: string) =>
      JSON.parse(ws.run(['verify', zip, '--trust', roster, '--json', '--lang', lang]).stdout);
    expect(json('id')).toEqual(json('en'));
  });

  it('verify on a tampered package: the check details and the trust detail in Indonesian, JSON unchanged', async () => {
    const ws = cliWorkspace();
    const { zip, roster } = await signedPackage();
    const bytes = readFileSync(zip);
    const at = bytes.indexOf(Buffer.from('IDAT'));
    bytes[at + 12] = bytes[at + 12]! ^ 0xff;
    const tampered = join(ws.dir, 'diubah.zip');
    writeFileSync(tampered, bytes);
    const id = ws.run(['verify', tampered, '--trust', roster, '--lang', 'id']);
    expect(id.code).toBe(1);
    expect(id.stdout).toMatch(
      /GAGAL {2}Data ZIP terbaca utuh \(zip-data\) — entri "[^"]+\.png" gagal pemeriksaan CRC-32/,
    );
    expect(id.stdout).toContain('  Tidak dinilai: paket tidak sah.');
    expect(id.stdout).not.toMatch(/fails its CRC-32|Not assessed/);
    const en = ws.run(['verify', tampered, '--trust', roster, '--lang', 'en']);
    expect(en.stdout).toMatch(/FAIL {2}zip-data — entry "[^"]+\.png" fails its CRC-32 check/);
    expect(en.stdout).toContain('  Not assessed: the package is invalid.');
    const json = (lang: string) =>
      JSON.parse(ws.run(['verify', tampered, '--trust', roster, '--json', '--lang', lang]).stdout);
    expect(json('id')).toEqual(json('en'));
    const zipData = json('en').checks.find((c: { id: string }) => c.id === 'zip-data');
    expect(zipData.detail).toMatch(/^entry "[^"]+\.png" fails its CRC-32 check$/);
    expect(zipData.phrases[0]).toMatchObject({ key: 'check.entry', params: { problem: { key: 'check.entry.crc' } } });
  });

  it('the default comes from the environment: JEJAK_LANG, then LC_ALL, LC_MESSAGES, LANG', () => {
    expect(cliLanguage(undefined, { JEJAK_LANG: 'id', LANG: 'en_US.UTF-8' })).toBe('id');
    expect(cliLanguage(undefined, { LANG: 'id_ID.UTF-8' })).toBe('id');
    expect(cliLanguage(undefined, { LC_ALL: 'C.UTF-8', LANG: 'id_ID.UTF-8' })).toBe('en');
    expect(cliLanguage(undefined, { LC_MESSAGES: 'id_ID', LANG: 'en_GB' })).toBe('id');
    expect(cliLanguage(undefined, {})).toBe('en');
    expect(cliLanguage('en', { JEJAK_LANG: 'id' })).toBe('en');
    expect(cliLanguage('fr', {})).toBeNull();
    const ws = cliWorkspace();
    expect(ws.run(['--help'], { JEJAK_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'id_ID.UTF-8' }).stdout).toContain(
      'Pemakaian: jejak',
    );
    expect(ws.run(['--help'], { JEJAK_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' }).stdout).toContain(
      'Usage: jejak',
    );
    const bad = ws.run(['status', '--lang', 'fr']);
    expect(bad).toMatchObject({ code: 2, stderr: 'jejak: --lang is id or en.\n' });
  });

  it('help, outputs and errors in Indonesian, by error code with the English message as the fallback', () => {
    const ws = cliWorkspace();
    const id = { JEJAK_LANG: 'id' };
    const help = ws.run(['--help'], id).stdout;
    expect(help).toContain('Perintah:');
    expect(help).toContain('buat brankas; kode pemulihan dicetak sekali');
    expect(help).toContain('4 frasa sandi, kode pemulihan, atau kunci eskro salah');
    expect(ws.run(['status'], id).stdout).toMatch(/^Tidak ada brankas di /);
    expect(ws.run(['init'], id).code).toBe(0);
    expect(ws.run(['status'], id).stdout).toMatch(/dibuka dengan\s+frasa sandi, kode pemulihan/);
    expect(ws.run(['channel', 'list'], id).stdout).toBe('Belum ada kanal.\n');
    expect(ws.run(['channel', 'add', 't.me/beritaharian', '--title', 'Berita Harian'], id).stdout).toMatch(
      /^Ditambahkan: #1 https:\/\/t\.me\/beritaharian/,
    );
    expect(ws.run(['channel', 'list'], id).stdout).toMatch(/^#1\tTelegram\tAktif\t/);
    // an error the core names exactly (a link problem), one known by its code, one only the core can say
    expect(ws.run(['channel', 'add', 'javascript:alert(1)'], id).stderr).toMatch(
      /^jejak: Jenis tautan ini tidak diterima/,
    );
    const wrong = ws.run(['channel', 'list'], { ...id, JEJAK_PASSPHRASE: 'not the passphrase at all' });
    expect(wrong).toMatchObject({ code: 4, stderr: 'jejak: Frasa sandi salah. Tidak ada yang diubah; coba lagi.\n' });
    expect(ws.run(['evidence', 'export', '99', '--out', join(ws.dir, 'x.bin')], id).stderr).toBe(
      'jejak: Bukti #99 tidak (lagi) ada di brankas.\n',
    );
    expect(ws.run(['case', 'add', 'JJK/1/1/1'], id).stderr).toMatch(/^jejak: Tidak ditemukan: /);
    expect(ws.run(['channel', 'frobnicate'], id).stderr).toBe(
      'jejak: Perintah "channel frobnicate" tidak dikenal. Lihat jejak --help.\n',
    );
    expect(ws.run(['evidence', 'add'], id).stderr).toMatch(/^jejak: Pemakaian: jejak evidence add FILE…/);
  });

  it('has an Indonesian summary for every command and the same texts in both catalogs', () => {
    const id = cliId as Record<string, string>;
    const en = cliEn as Record<string, string>;
    expect(commands.filter((c) => !id[`cmd.${c.words.join('.')}`]).map((c) => c.usage)).toEqual([]);
    // English command summaries are the ones in commands.ts; every other text exists in both languages
    expect(
      Object.keys(id)
        .filter((k) => !k.startsWith('cmd.'))
        .sort(),
    ).toEqual(Object.keys(en).sort());
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en)) expect(vars(id[key]!), key).toEqual(vars(en[key]!));
  });
});
