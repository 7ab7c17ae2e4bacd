import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorkspace, initAs } from '../fixtures/cli';
import { screenshotPng } from '../fixtures/catalog';

/** A vault with an identity, one channel, two screenshots and a draft case holding them. */
async function draftCase() {
  const ws = cliWorkspace();
  initAs(ws, { name: 'Sari Analis', id: 'NIP-1', role: 'analyst' });
  ws.run(['channel', 'add', 'https://t.me/s/DaulahMedia', '--title', 'Daulah Media', '--category', 'terorisme']);
  const shots = [0, 1].map((i) => join(ws.dir, `shot-${i}.png`));
  for (const [i, s] of shots.entries()) writeFileSync(s, await screenshotPng(700 + i));
  const ids = ws
    .run(['evidence', 'add', ...shots, '--channel', 't.me/daulahmedia'])
    .stdout.trim()
    .split('\n')
    .map((l) => l.split('\t')[0]!.slice(1));
  const reference = ws
    .run(['case', 'create', 'Propaganda', '--platform', 'telegram', '--priority', 'urgent'])
    .stdout.trim();
  expect(
    ws.run(['case', 'add', reference, '--channel', '@DaulahMedia', ...ids.flatMap((id) => ['--evidence', id])]).code,
  ).toBe(0);
  return { ws, reference, ids };
}

const json = (stdout: string) => JSON.parse(stdout);

describe('jejak CLI: case workflow', () => {
  it('case status refuses an illegal step with exit 2, never takes approved or returned by hand, and case list shows where each case stands', async () => {
    const { ws, reference } = await draftCase();
    const illegal = ws.run(['case', 'status', reference, 'submitted']);
    expect(illegal.code).toBe(2);
    expect(illegal.stderr).toMatch(/is draft; it cannot become submitted/);
    expect(ws.run(['case', 'export', reference, '--out', join(ws.dir, 'r1.zip')]).code).toBe(0);
    for (const status of ['approved', 'returned']) {
      const byHand = ws.run(['case', 'status', reference, status, '--note', 'per telepon']);
      expect(byHand.code).toBe(2);
      expect(byHand.stderr).toMatch(
        /is exported; it cannot become .* recorded by receiving their countersigned package \(case receive FILE\.zip/,
      );
    }
    expect(ws.run(['case', 'list']).stdout).toMatch(new RegExp(`^${reference}\\texported\\turgent\\t`));
  });

  it('case edit, case remove and case delete change only drafts; a deleted reference is not used again', async () => {
    const { ws, reference, ids } = await draftCase();
    const edited = json(
      ws.run(['case', 'edit', reference, '--title', 'Propaganda (revisi)', '--priority', 'normal', '--json']).stdout,
    );
    expect(edited).toMatchObject({ title: 'Propaganda (revisi)', priority: 'normal' });
    expect(ws.run(['case', 'edit', reference, '--priority', 'soon']).code).toBe(2);
    const removed = json(ws.run(['case', 'remove', reference, '--evidence', ids[0]!, '--json']).stdout);
    expect(removed.evidenceIds).toEqual([Number(ids[1])]);
    expect(ws.run(['case', 'remove', reference, '--evidence', ids[0]!]).stderr).toMatch(/does not hold evidence/);
    const second = ws.run(['case', 'create', 'Salah', '--platform', 'telegram']).stdout.trim();
    expect(ws.run(['case', 'delete', second]).stdout).toMatch(/Deleted draft .* will not be used again/);
    const third = ws.run(['case', 'create', 'Ketiga', '--platform', 'telegram']).stdout.trim();
    expect(third).not.toBe(second);
    expect(third.slice(-4)).toBe('0003');
    expect(ws.run(['case', 'status', second, 'draft']).stderr).toMatch(/was deleted on/);
    expect(ws.run(['case', 'export', reference, '--out', join(ws.dir, 'p.zip')]).code).toBe(0);
    expect(ws.run(['case', 'delete', reference]).stderr).toMatch(/only a draft can change/);
  });

  it('channel exclude/restore hides a channel from lists and search, and brings it back', () => {
    const ws = cliWorkspace();
    ws.run(['init']);
    ws.run(['channel', 'add', 't.me/kanal_benar', '--category', 'hoaks']);
    const wrong = json(ws.run(['channel', 'add', 't.me/salah_ketik', '--category', 'hoaks', '--json']).stdout)
      .id as number;
    expect(ws.run(['channel', 'exclude', String(wrong)]).code).toBe(2);
    expect(ws.run(['channel', 'exclude', String(wrong), '--reason', 'Salah ketik']).code).toBe(0);
    expect(json(ws.run(['channel', 'list', '--json']).stdout)).toHaveLength(1);
    expect(ws.run(['channel', 'list', '--excluded']).stdout).toMatch(/salah_ketik.*excluded: Salah ketik/);
    expect(ws.run(['search', 'salah_ketik']).stdout).toMatch(/Nothing found/);
    expect(ws.run(['channel', 'restore', String(wrong)]).code).toBe(0);
    expect(json(ws.run(['channel', 'list', '--json']).stdout)).toHaveLength(2);
  });

  it('evidence exclude/restore, and purge: refused for exported evidence, the rest removed with its SHA-256 printed', async () => {
    const { ws, reference, ids } = await draftCase();
    expect(ws.run(['evidence', 'exclude', ids[0]!, '--reason', 'x']).stderr).toMatch(/is in draft case/);
    expect(ws.run(['case', 'export', reference, '--out', join(ws.dir, 'p.zip')]).code).toBe(0);
    const refused = ws.run(['evidence', 'purge', ids[0]!]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/was exported in .* and can never be purged/);
    expect(ws.run(['evidence', 'exclude', ids[0]!, '--reason', 'Duplikat']).code).toBe(0);
    expect(ws.run(['search', 'shot-0']).stdout).toMatch(/Nothing found/);
    expect(ws.run(['evidence', 'restore', ids[0]!]).code).toBe(0);

    const stray = join(ws.dir, 'stray.png');
    writeFileSync(stray, await screenshotPng(799));
    const [strayId, sha256] = ws.run(['evidence', 'add', stray]).stdout.trim().split('\t');
    const purged = ws.run(['evidence', 'purge', strayId!.slice(1), '--json']);
    expect(purged.code).toBe(0);
    expect(json(purged.stdout)).toEqual({ id: Number(strayId!.slice(1)), sha256, blobRemoved: true });
    expect(ws.run(['evidence', 'export', strayId!.slice(1), '--out', join(ws.dir, 'gone.png')]).stderr).toMatch(
      /was purged/,
    );
    expect(existsSync(join(ws.dir, 'gone.png'))).toBe(false);
    expect(ws.run(['audit', 'verify']).code).toBe(0);
  });
});
