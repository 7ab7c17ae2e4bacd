import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorkspace, initAs } from '../fixtures/cli';
import { screenshotPng } from '../fixtures/catalog';
import { tempDir } from '../fixtures/temp';

/** An analyst vault with two channels, two screenshots and one exported case. */
async function analystPackage() {
  const analyst = cliWorkspace();
  initAs(analyst, { name: 'Sari Analis', id: 'NIP-1', role: 'analyst' });
  analyst.run(['channel', 'add', 'https://t.me/s/DaulahMedia', '--title', 'Daulah Media', '--category', 'terorisme']);
  analyst.run(['channel', 'add', 't.me/kajian_hijrah']);
  const shots = [0, 1].map((i) => join(analyst.dir, `shot-${i}.png`));
  for (const [i, s] of shots.entries()) writeFileSync(s, await screenshotPng(200 + i));
  const ids = analyst
    .run(['evidence', 'add', ...shots, '--channel', 't.me/daulahmedia'])
    .stdout.trim()
    .split('\n')
    .map((l) => l.split('\t')[0]!.slice(1));
  const reference = analyst
    .run(['case', 'create', 'Propaganda', 'di', 'Telegram', '--platform', 'telegram', '--priority', 'urgent'])
    .stdout.trim();
  expect(
    analyst.run([
      'case',
      'add',
      reference,
      '--channel',
      '@DaulahMedia',
      '--channel',
      't.me/kajian_hijrah',
      ...ids.flatMap((id) => ['--evidence', id]),
    ]).code,
  ).toBe(0);
  const zip = join(analyst.dir, 'case.zip');
  expect(analyst.run(['case', 'export', reference, '--out', zip]).code).toBe(0);
  const fingerprint = JSON.parse(analyst.run(['identity', 'show', '--json']).stdout).fingerprint as string;
  return { analyst, zip, reference, fingerprint };
}

describe('jejak CLI: packages', () => {
  it('round trip: analyst exports, supervisor approves, verify --trust gives valid-trusted, both signatures check with openssl', async () => {
    const { zip, fingerprint: analystFp } = await analystPackage();
    expect(execFileSync('unzip', ['-l', zip], { encoding: 'utf8' })).toMatch(/data\/report\.pdf/);
    const supervisor = cliWorkspace();
    initAs(supervisor, { name: 'Budi Supervisor', id: 'NIP-2', role: 'supervisor' });
    const supervisorFp = JSON.parse(supervisor.run(['identity', 'show', '--json']).stdout).fingerprint as string;
    const roster = join(supervisor.dir, 'roster.json');
    writeFileSync(
      roster,
      JSON.stringify([
        { fingerprint: analystFp, name: 'Sari Analis', unit: 'Direktorat Pengendalian Konten', role: 'analyst' },
        {
          fingerprint: supervisorFp,
          name: 'Budi Supervisor',
          unit: 'Direktorat Pengendalian Konten',
          role: 'supervisor',
        },
      ]),
    );
    expect(supervisor.run(['trust', 'import', roster]).code).toBe(0);
    expect(supervisor.run(['verify', zip, '--trust', roster]).code).toBe(0);
    expect(supervisor.run(['verify', zip]).code).toBe(3);
    const approved = join(supervisor.dir, 'approved.zip');
    const evidence = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' })
      .split('\n')
      .filter((e) => /\/data\/evidence\/./.test(e));
    const items = join(supervisor.dir, 'items.json');
    writeFileSync(
      items,
      JSON.stringify(evidence.map((e) => ({ file: e.slice(e.indexOf('/data/') + 1), verdict: 'ok', comment: '' }))),
    );
    const review = supervisor.run([
      'review',
      zip,
      '--approve',
      '--comment',
      'Lengkap, kirim.',
      '--items',
      items,
      '--out',
      approved,
    ]);
    expect(review.code, review.stderr).toBe(0);
    expect(review.stdout).toMatch(/2 of 2 evidence items reviewed/);
    const verify = supervisor.run(['verify', approved, '--trust', roster, '--json']);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ verdict: 'valid-trusted' });
    const out = tempDir();
    execFileSync('unzip', ['-q', approved, '-d', out]);
    const bag = join(out, readdirSync(out)[0]!);
    const statements = readdirSync(join(bag, 'signatures'))
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(statements.map((s) => s.split('-').slice(0, 2).join('-'))).toEqual(['1-analyst', '2-supervisor']);
    for (const s of statements) {
      const base = join(bag, 'signatures', s.replace(/\.json$/, ''));
      expect(
        execFileSync(
          'openssl',
          [
            'pkeyutl',
            '-verify',
            '-pubin',
            '-inkey',
            `${base}.pem`,
            '-rawin',
            '-in',
            `${base}.json`,
            '-sigfile',
            `${base}.sig`,
          ],
          { encoding: 'utf8' },
        ),
      ).toMatch(/Signature Verified Successfully/);
    }
    const second = JSON.parse(readFileSync(join(bag, 'signatures', statements[1]!), 'utf8'));
    expect(second).toMatchObject({ role: 'supervisor', decision: 'approved', comment: 'Lengkap, kirim.' });
    expect(second.covers).toEqual([
      execFileSync('sha256sum', [join(bag, 'signatures', statements[0]!)], { encoding: 'utf8' }).split(' ')[0],
    ]);
  });

  it('one changed byte, or a payload file removed or added, makes verify exit 1 and name the check', async () => {
    const { zip } = await analystPackage();
    const work = tempDir();
    execFileSync('unzip', ['-q', zip, '-d', work]);
    const name = readdirSync(work)[0]!;
    const rezip = (label: string, change: (bag: string) => void) => {
      const dir = join(tempDir(), label);
      execFileSync('cp', ['-r', work, dir]);
      change(join(dir, name));
      const out = join(dir, `${label}.zip`);
      execFileSync('zip', ['-q', '-r', '-X', out, name], { cwd: dir });
      return out;
    };
    const flip = (file: string) => {
      const bytes = readFileSync(file);
      bytes[Math.floor(bytes.length / 2)]! ^= 1;
      writeFileSync(file, bytes);
    };
    const { run } = cliWorkspace();
    const cases: Array<[string, (bag: string) => void, RegExp]> = [
      ['payload-byte', (bag) => flip(join(bag, 'data', 'channels.csv')), /manifest/i],
      [
        'evidence-byte',
        (bag) => flip(join(bag, 'data', 'evidence', readdirSync(join(bag, 'data', 'evidence'))[0]!)),
        /manifest/i,
      ],
      ['tag-byte', (bag) => flip(join(bag, 'bag-info.txt')), /tagmanifest|tag/i],
      [
        'statement-byte',
        (bag) =>
          flip(
            join(
              bag,
              'signatures',
              readdirSync(join(bag, 'signatures')).find((f) => f.endsWith('.json'))!,
            ),
          ),
        /signature|statement/i,
      ],
      ['removed', (bag) => execFileSync('rm', [join(bag, 'data', 'custody.jsonl')]), /missing|manifest/i],
      ['added', (bag) => writeFileSync(join(bag, 'data', 'extra.txt'), 'sneaked in'), /unexpected|manifest|unlisted/i],
    ];
    for (const [label, change, check] of cases) {
      const result = run(['verify', rezip(label, change), '--json']);
      expect(result.code, label).toBe(1);
      const parsed = JSON.parse(result.stdout);
      expect(parsed.verdict, label).toBe('invalid');
      const failing = parsed.checks
        .filter((c: { ok: boolean }) => !c.ok)
        .map((c: { id: string; detail: string }) => `${c.id} ${c.detail}`)
        .join('; ');
      expect(failing, label).toMatch(check);
    }
    expect(run(['verify', join(work, 'nope.zip')]).code).toBe(2);
  });
});
