import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorkspace } from '../fixtures/cli';
import { screenshotPng } from '../fixtures/catalog';

describe('jejak CLI: catalog', () => {
  it('adds channels in any link form to one row, imports, lists and searches', () => {
    const { run, dir } = cliWorkspace();
    run(['init']);
    const first = JSON.parse(
      run(['channel', 'add', 'https://t.me/s/SomeChannel', '--title', 'Kanal Uji', '--category', 'terorisme', '--json'])
        .stdout,
    );
    expect(first).toMatchObject({ created: true, key: 'telegram:somechannel' });
    for (const form of ['t.me/somechannel/123', '@SomeChannel', 'https://telegram.me/somechannel']) {
      expect(JSON.parse(run(['channel', 'add', form, '--json']).stdout)).toMatchObject({
        created: false,
        id: first.id,
      });
    }
    const bad = run(['channel', 'add', 'javascript:alert(1)']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/javascript/);
    const list = join(dir, 'list.txt');
    writeFileSync(list, 't.me/another_one\nhttps://www.youtube.com/@SomeCreator\nnot-a-link\n');
    const imported = run(['channel', 'import', list]);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toMatch(/Added 2 channels/);
    expect(imported.stdout).toMatch(/line 3: not-a-link/);
    expect(run(['channel', 'import', '-'], {}, 't.me/from_stdin\n').code).toBe(0);
    expect(JSON.parse(run(['channel', 'list', '--json']).stdout)).toHaveLength(4);
    expect(JSON.parse(run(['search', 'uji', '--json']).stdout)[0]).toMatchObject({ kind: 'channel', id: first.id });
  });

  it('prints the SHA-256 sha256sum prints, and exports the identical bytes', async () => {
    const { run, dir } = cliWorkspace();
    run(['init']);
    const file = join(dir, 'x.png');
    writeFileSync(file, await screenshotPng(7));
    const added = run([
      'evidence',
      'add',
      file,
      '--source-url',
      'https://t.me/somechannel/9',
      '--note',
      'bukti pertama',
    ]);
    expect(added.code).toBe(0);
    const expected = execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0];
    expect(added.stdout.split('\t')[1]).toBe(expected);
    const id = added.stdout.split('\t')[0]!.slice(1);
    const out = join(dir, 'back.png');
    expect(run(['evidence', 'export', id, '--out', out]).code).toBe(0);
    expect(readFileSync(out).equals(readFileSync(file))).toBe(true);
    expect(run(['evidence', 'export', id, '--out', out]).code).toBe(2);
  });

  it('reports each bad file with its reason and keeps the good ones', async () => {
    const { run, dir } = cliWorkspace();
    run(['init']);
    const good = join(dir, 'good.png');
    const empty = join(dir, 'empty.png');
    writeFileSync(good, await screenshotPng(8));
    writeFileSync(empty, '');
    const result = run(['evidence', 'add', empty, join(dir, 'missing.png'), good, '--json']);
    expect(result.code).toBe(1);
    const rows = JSON.parse(result.stdout);
    expect(rows.map((r: { ok: boolean }) => r.ok)).toEqual([false, false, true]);
    expect(rows[0].error).toMatch(/empty/);
    expect(rows[1].error).toMatch(/does not exist/);
  });

  it('takes in many files across several batches and prints only its rows: no runtime warning', () => {
    const { run, dir } = cliWorkspace();
    run(['init']);
    // 40 files: three batches, so files the hashing worker opened for the first are closed before it opens more
    const files = Array.from({ length: 40 }, (_, i) => join(dir, `file-${i}.bin`));
    for (const [i, f] of files.entries()) writeFileSync(f, `original ${i} `.repeat(2000));
    const result = run(['evidence', 'add', ...files]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(40);
    expect(result.stderr).not.toMatch(/Warning/);
  });
});
