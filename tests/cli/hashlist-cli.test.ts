import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshotPng } from '../fixtures/catalog';
import { cliWorkspace, initAs } from '../fixtures/cli';

const hex = (algorithm: string, bytes: Buffer) => createHash(algorithm).update(bytes).digest('hex');

describe('jejak CLI: PDQ, hash lists and "seen before"', () => {
  it('prints PDQ at intake, flags list matches at import and at intake, and says when an item was in an earlier case', async () => {
    const ws = cliWorkspace();
    initAs(ws, { name: 'Sari Analis', id: 'NIP-1', role: 'analyst' });
    const [a, b] = [await screenshotPng(41), await screenshotPng(42)];
    const [fileA, fileB] = [join(ws.dir, 'a.png'), join(ws.dir, 'b.png')];
    writeFileSync(fileA, a);
    writeFileSync(fileB, b);

    const first = ws.run(['evidence', 'add', fileA, '--json']);
    expect(first.code).toBe(0);
    const [added] = JSON.parse(first.stdout);
    expect(added).toMatchObject({ pdq: expect.stringMatching(/^[0-9a-f]{64}$/), pdqQuality: expect.any(Number) });
    expect(added.hashListMatches).toEqual([]);

    const list = join(ws.dir, 'list.csv');
    writeFileSync(list, `sha256,md5,label\n${hex('sha256', a)},,poster\n,${hex('md5', b)},banner\n`);
    const imported = ws.run([
      'hashlist',
      'import',
      list,
      '--name',
      'Daftar unit',
      '--source',
      'unit',
      '--date',
      '2026-11-30',
    ]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Imported hash list "Daftar unit": 2 hashes; 1 items in the vault match #1/);
    expect(ws.run(['hashlist', 'import', list]).code).toBe(2); // --name is required

    const second = ws.run(['evidence', 'add', fileB]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^#2\t.*\(on list "Daftar unit": md5\)$/m);
    expect(second.stdout).toMatch(/pdq:[0-9a-f]{64} \(quality \d+\)/);
    const again = JSON.parse(ws.run(['evidence', 'add', fileA, '--json']).stdout);
    expect(again[0].hashListMatches).toEqual([expect.objectContaining({ listName: 'Daftar unit', kind: 'sha256' })]);
    expect(JSON.parse(ws.run(['hashlist', 'list', '--json']).stdout)).toEqual([
      expect.objectContaining({ name: 'Daftar unit', source: 'unit', date: '2026-11-30', entries: 2, matchedItems: 2 }),
    ]);

    // "seen before": item 1 goes out in a case, then into a new one
    const earlier = ws.run(['case', 'create', 'Propaganda', '--platform', 'telegram']).stdout.trim();
    expect(ws.run(['case', 'add', earlier, '--evidence', '1']).stdout).not.toMatch(/Seen before/);
    expect(ws.run(['case', 'export', earlier, '--out', join(ws.dir, 'case.zip')]).code).toBe(0);
    const later = ws.run(['case', 'create', 'Propaganda lagi', '--platform', 'telegram']).stdout.trim();
    const addedLater = ws.run(['case', 'add', later, '--evidence', '1', '--evidence', '2']);
    expect(addedLater.code).toBe(0);
    expect(addedLater.stdout).toContain(`Seen before: evidence #1 is already in case ${earlier} (Exported)`);
    expect(addedLater.stdout).not.toMatch(/evidence #2 is already/);

    // a list taken in by mistake goes again, with its flags; the items stay
    const removed = ws.run(['hashlist', 'remove', 'Daftar unit']);
    expect(removed.stdout).toContain(
      'Removed hash list "Daftar unit" (2 hashes); 2 items are no longer flagged by it.',
    );
    expect(ws.run(['hashlist', 'list', '--json']).stdout.trim()).toBe('[]');
    expect(ws.run(['hashlist', 'remove', 'Daftar unit']).code).toBe(2);
  }, 120_000);
});
