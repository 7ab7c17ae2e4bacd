import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliWorkspace } from '../fixtures/cli';
import { screenshotPng } from '../fixtures/catalog';
import { tempDir } from '../fixtures/temp';
import { schemaValidator } from '../core/notice/schema-validator';

/** A package exported by the CLI from a vault under a policy that names the unit's contact. */
async function exportedPackage() {
  const cli = cliWorkspace({
    unitName: 'Direktorat Pengendalian Konten',
    notice: { organisation: 'Kementerian Komunikasi dan Digital', contactEmail: 'aduan@example.go.id' },
  });
  cli.run(['init']);
  cli.run([
    'identity',
    'set',
    '--name',
    'Sari Analis',
    '--unit',
    'Direktorat Pengendalian Konten',
    '--id',
    'NIP-1',
    '--role',
    'analyst',
  ]);
  cli.run(['channel', 'add', 'https://t.me/s/DaulahMedia', '--category', 'terorisme']);
  const shot = join(cli.dir, 'shot.png');
  writeFileSync(shot, await screenshotPng(300));
  const id = cli
    .run(['evidence', 'add', shot, '--source-url', 'https://t.me/DaulahMedia/1200'])
    .stdout.split('\t')[0]!
    .slice(1);
  const reference = cli
    .run(['case', 'create', 'Propaganda', '--platform', 'telegram', '--legal-basis', 'UU No. 5 Tahun 2018'])
    .stdout.trim();
  expect(cli.run(['case', 'add', reference, '--channel', '@DaulahMedia', '--evidence', id]).code).toBe(0);
  const zip = join(cli.dir, 'case.zip');
  expect(cli.run(['case', 'export', reference, '--out', zip]).code).toBe(0);
  return { cli, zip };
}

describe('jejak notice validate', () => {
  // One export for the whole file (the CLI is slow to start); per-test temp folders go after each test.
  const kept = mkdtempSync(join(tmpdir(), 'jejak-notice-cli-'));
  const zip = join(kept, 'case.zip');
  // notice validate and verify need no vault: a bare workspace per call
  const cli = { run: (args: string[]) => cliWorkspace().run(args) };
  beforeAll(async () => copyFileSync((await exportedPackage()).zip, zip), 180_000);
  afterAll(() => rmSync(kept, { recursive: true, force: true }));

  it('says OK for the notice of an exported package, as Ajv does, and names each problem of an edited one', async () => {
    expect(cli.run(['notice', 'validate', zip])).toMatchObject({ code: 0, stdout: 'OK\n' });

    const notice = JSON.parse(execFileSync('unzip', ['-p', zip, '*/data/notice.json'], { encoding: 'utf8' }));
    const validate = schemaValidator('jejak-notice-1');
    expect(validate(notice), JSON.stringify(validate.errors)).toBe(true);
    expect(notice.authority).toMatchObject({
      organisation: 'Kementerian Komunikasi dan Digital',
      contactEmail: 'aduan@example.go.id',
    });
    expect(
      notice.items.map((i: { kind: string; identifiers: { messageIds: string[] } }) => [
        i.kind,
        i.identifiers.messageIds,
      ]),
    ).toEqual([
      ['channel', []],
      ['post', ['1200']],
    ]);

    const file = join(tempDir(), 'notice.json');
    writeFileSync(file, JSON.stringify(notice));
    expect(cli.run(['notice', 'validate', file])).toMatchObject({ code: 0, stdout: 'OK\n' });
    expect(JSON.parse(cli.run(['notice', 'validate', file, '--json']).stdout)).toEqual({ valid: true, problems: [] });

    notice.items[0].category = 'spam';
    delete notice.analyst;
    notice.evidence[0].sha256 = 'sha256:XYZ';
    writeFileSync(file, JSON.stringify(notice));
    const invalid = cli.run(['notice', 'validate', file]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout.trim().split('\n')).toEqual([
      '/analyst: is missing',
      expect.stringMatching(
        /^\/items\/0\/category: must be one of "terrorist-content", "violent-extremism", .*, "other"$/,
      ),
      expect.stringMatching(/^\/evidence\/0\/sha256: must match pattern /),
    ]);
    expect(JSON.parse(cli.run(['notice', 'validate', file, '--json']).stdout).problems).toContainEqual({
      path: '/items/0/category',
      message: expect.stringContaining('must be one of'),
    });
  });

  it('exits 2 for what it cannot read as a notice', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.json'), '{"format": "jejak-notice/1",');
    writeFileSync(join(dir, 'other.txt'), 'x');
    execFileSync('zip', ['-q', join(dir, 'other.zip'), 'other.txt'], { cwd: dir });
    for (const [file, message] of [
      ['missing.json', /could not be read \(ENOENT\)/],
      ['broken.json', /not UTF-8 JSON/],
      ['other.zip', /has no readable data\/notice\.json/],
    ] as const) {
      const run = cli.run(['notice', 'validate', join(dir, file)]);
      expect(run.code, file).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    expect(cli.run(['notice', 'validate']).code).toBe(2);
  });

  it('jejak verify fails a package whose notice was edited by hand, naming the field', async () => {
    const work = tempDir();
    execFileSync('unzip', ['-q', zip, '-d', work]);
    const name = readdirSync(work)[0]!;
    const file = join(work, name, 'data', 'notice.json');
    const notice = JSON.parse(readFileSync(file, 'utf8'));
    notice.items[1].identifiers.messageIds = ['1201'];
    notice.requestedAction = 'delete-everything';
    writeFileSync(file, JSON.stringify(notice, null, 2));
    const edited = join(work, 'edited.zip');
    execFileSync('zip', ['-q', '-r', '-X', '-D', edited, name], { cwd: work });
    const verify = cli.run(['verify', edited]);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(
      /FAIL {2}notice — \/requestedAction: must be one of "remove", "disable", "geo-restrict", "preserve"/,
    );
  });
});
