import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ageDecrypt, ageEncrypt, ageKeygen } from '../fixtures/age';
import { screenshotPng } from '../fixtures/catalog';
import { cliWorkspace } from '../fixtures/cli';
import { tempDir } from '../fixtures/temp';
import { makeTestTsa } from '../fixtures/tsa';

/** A vault with an identity; `role` signs. */
function vaultOf(name: string, role: 'analyst' | 'supervisor') {
  const ws = cliWorkspace();
  expect(
    ws.run(['init', '--name', name, '--unit', 'Direktorat Pengendalian Konten', '--id', `${role}-1`, '--role', role])
      .code,
  ).toBe(0);
  const entry = join(ws.dir, 'entry.json');
  const exported = ws.run(['identity', 'export-public', '--out', join(ws.dir, 'key.pem'), '--roster', entry, '--json']);
  expect(exported.code).toBe(0);
  const { ageRecipient, fingerprint } = JSON.parse(exported.stdout) as { ageRecipient: string; fingerprint: string };
  return { ...ws, ageRecipient, fingerprint, entry };
}

async function caseIn(ws: ReturnType<typeof vaultOf>): Promise<string> {
  ws.run(['channel', 'add', 'https://t.me/s/DaulahMedia', '--title', 'Daulah Media', '--category', 'terorisme']);
  const shot = join(ws.dir, 'shot.png');
  writeFileSync(shot, await screenshotPng(300));
  const id = ws.run(['evidence', 'add', shot, '--channel', 't.me/daulahmedia']).stdout.split('\t')[0]!.slice(1);
  const reference = ws.run(['case', 'create', 'Propaganda', '--platform', 'telegram']).stdout.trim();
  expect(ws.run(['case', 'add', reference, '--channel', '@DaulahMedia', '--evidence', id]).code).toBe(0);
  return reference;
}

describe('jejak CLI: packages encrypted with age', () => {
  it("interoperates with Debian's age both ways; a wrong key exits 4 and writes nothing", async () => {
    const analyst = vaultOf('Sari Analis', 'analyst');
    const supervisor = vaultOf('Budi Supervisor', 'supervisor');
    expect(JSON.parse(readFileSync(analyst.entry, 'utf8'))).toEqual([
      expect.objectContaining({
        fingerprint: analyst.fingerprint,
        role: 'analyst',
        ageRecipient: analyst.ageRecipient,
      }),
    ]);
    expect(supervisor.run(['trust', 'import', analyst.entry]).code).toBe(0);
    const keys = tempDir();
    const partner = ageKeygen(keys, 'partner.txt');
    const stranger = ageKeygen(keys, 'stranger.txt');
    const reference = await caseIn(analyst);

    // Jejak encrypts, age decrypts
    const sealed = join(analyst.dir, 'case.zip.age');
    const exported = analyst.run([
      'case',
      'export',
      reference,
      '--out',
      sealed,
      '--recipient',
      partner.recipient,
      '--recipient',
      supervisor.ageRecipient,
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/Encrypted \(age\) for 3 recipient/);
    const opened = join(keys, 'case.zip');
    ageDecrypt(partner, sealed, opened);
    expect(execFileSync('unzip', ['-l', opened], { encoding: 'utf8' })).toMatch(/data\/report\.pdf/);
    expect(supervisor.run(['verify', opened]).code).toBe(3);

    // age encrypts, Jejak decrypts: with --identity (no vault) or with the vault's own key
    const byAge = join(keys, 'by-age.zip.age');
    ageEncrypt([partner.recipient, supervisor.ageRecipient], opened, byAge);
    const withKey = supervisor.run(['verify', byAge, '--identity', partner.keyFile, '--trust', analyst.entry]);
    expect(withKey.code, withKey.stderr).toBe(0);
    expect(withKey.stdout).toMatch(/encrypted \(age\): opened with your key/);
    const withVault = supervisor.run(['verify', byAge]);
    expect(withVault.code, withVault.stderr).toBe(3);
    expect(withVault.stdout).toMatch(/encrypted \(age\): opened with your key/);

    // a wrong key: exit 4, a plain message, nothing written
    const wrong = supervisor.run(['verify', byAge, '--identity', stranger.keyFile]);
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toMatch(/encrypted for other recipients: your age key cannot open it/);
    expect(analyst.run(['verify', byAge]).code).toBe(4);
    const strangers = join(keys, 'for-a-stranger.zip.age');
    ageEncrypt([stranger.recipient], opened, strangers);
    const refused = supervisor.run([
      'review',
      strangers,
      '--approve',
      '--without-item-review',
      '--reason',
      'x',
      '--out',
      join(supervisor.dir, 'refused.zip.age'),
    ]);
    expect(refused.code, refused.stderr).toBe(4);
    expect(readdirSync(supervisor.dir).filter((f) => f.includes('refused'))).toEqual([]);

    // the supervisor's decision stays encrypted: the analyst (roster entry with its age key) opens it
    const approved = join(supervisor.dir, 'approved.zip.age');
    const review = supervisor.run([
      'review',
      sealed,
      '--approve',
      '--without-item-review',
      '--reason',
      'Lengkap, diperiksa bersama analis',
      '--out',
      approved,
    ]);
    expect(review.code, review.stderr).toBe(0);
    const back = analyst.run(['verify', approved, '--json']);
    expect(JSON.parse(back.stdout)).toMatchObject({
      encrypted: true,
      statements: [{ decision: 'submitted' }, { decision: 'approved' }],
    });
  });
});

describe('jejak CLI: trusted time (RFC 3161)', () => {
  it('request, a real TSA (openssl ts -reply), attach, verify in Jejak and by hand with openssl ts -verify', async () => {
    const analyst = vaultOf('Sari Analis', 'analyst');
    const reference = await caseIn(analyst);
    const zip = join(analyst.dir, 'case.zip');
    expect(analyst.run(['case', 'export', reference, '--out', zip]).code).toBe(0);
    const requests = join(analyst.dir, 'tsq');
    const asked = analyst.run(['timestamp', 'request', zip, '--out', requests]);
    expect(asked.code, asked.stderr).toBe(0);
    const tsq = readdirSync(requests);
    expect(tsq).toEqual([`1-${analyst.fingerprint.slice(0, 16)}.tsq`]);
    const tsa = makeTestTsa(join(tempDir(), 'tsa'));
    const answers = tsq.map((f) => {
      const tsr = join(requests, f.replace(/\.tsq$/, '.tsr'));
      writeFileSync(tsr, tsa.reply(readFileSync(join(requests, f))));
      return tsr;
    });
    const attached = analyst.run(['timestamp', 'attach', zip, ...answers, '--out', zip]);
    expect(attached.code, attached.stderr).toBe(0);
    expect(attached.stdout).toMatch(/timestamps\/1-[0-9a-f]{16}\.tsr: statement 1, time confirmed by Test TSA at/);

    const roster = join(analyst.dir, 'roster.json');
    writeFileSync(
      roster,
      JSON.stringify({ entries: JSON.parse(readFileSync(analyst.entry, 'utf8')), tsaRoots: [tsa.rootPem] }),
    );
    const verified = analyst.run(['verify', zip, '--trust', roster]);
    expect(verified.code, verified.stdout).toBe(0);
    expect(verified.stdout).toMatch(/pass {2}timestamps — statement 1: stamped by Test TSA at 20\d\d-/);
    expect(verified.stdout).toMatch(
      /signed: Analyst submitted by Sari Analis .* trusted; time confirmed by Test TSA at/,
    );
    // without the TSA root the time is not confirmed: valid, untrusted
    expect(analyst.run(['verify', zip, '--trust', analyst.entry]).code).toBe(3);

    const out = tempDir();
    execFileSync('unzip', ['-q', zip, '-d', out]);
    const bag = join(out, readdirSync(out)[0]!);
    const s = readdirSync(join(bag, 'timestamps'))[0]!.replace(/\.tsr$/, '');
    const statement = readdirSync(join(bag, 'signatures')).find((f) => f.endsWith('.json'))!;
    expect(statement.replace(/-analyst-/, '-').replace(/\.json$/, '')).toBe(s);
    const byHand = execFileSync(
      'sh',
      ['-c', `openssl ts -verify -data signatures/${statement} -in timestamps/${s}.tsr -CAfile ${tsa.rootFile}`],
      { cwd: bag, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    expect(byHand).toMatch(/Verification: OK/);
  });
});
