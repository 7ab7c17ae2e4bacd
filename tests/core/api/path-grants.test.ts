import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/api/dispatch';
import { GRANT_TTL_MS } from '../../../electron/core/app/path-grants';
import { testApp } from '../../fixtures/app';
import { screenshotPng } from '../../fixtures/catalog';
import { PASSPHRASE, tempDir } from '../../fixtures/temp';

/** A desktop-mode app (grants required) whose grant clock the test moves by hand. */
async function desktopApp() {
  let now = 1_000_000;
  const app = testApp({}, { pathGrants: { now: () => now } });
  await dispatch(app, 'vault.create', { passphrase: PASSPHRASE });
  return { app, grants: app.pathGrants!, advance: (ms: number) => (now += ms) };
}

async function evidenceCount(app: ReturnType<typeof testApp>): Promise<number> {
  const listed = await dispatch(app, 'evidence.list', { filter: {}, offset: 0, limit: 10 });
  return (listed as { ok: true; value: { total: number } }).value.total;
}

describe('path grants (desktop: files only from our own dialog or drop)', () => {
  it('refuses a raw path with FORBIDDEN before touching it: a FIFO would block any read', async () => {
    const { app } = await desktopApp();
    const dir = tempDir();
    const shot = join(dir, 'shot.png');
    writeFileSync(shot, await screenshotPng(1));
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    for (const path of [shot, fifo, '/etc/passwd']) {
      expect(await dispatch(app, 'evidence.intakePath', { path, jobId: 'j1' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await dispatch(app, 'review.openPath', { path, jobId: 'j2' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(await dispatch(app, 'evidence.expandPaths', { paths: [dir] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await evidenceCount(app)).toBe(0);
    app.lock('test');
  });

  it('takes a file in by a fresh token, once; an unknown, spent or expired token is refused', async () => {
    const { app, grants, advance } = await desktopApp();
    const shot = join(tempDir(), 'shot.png');
    writeFileSync(shot, await screenshotPng(2));
    const token = grants.mint(shot);
    expect(await dispatch(app, 'evidence.intakePath', { path: token, jobId: 'j1' })).toMatchObject({
      ok: true,
      value: { duplicate: false },
    });
    expect(await dispatch(app, 'evidence.intakePath', { path: token, jobId: 'j2' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await dispatch(app, 'evidence.intakePath', { path: `grant:${'0'.repeat(32)}`, jobId: 'j3' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const late = grants.mint(shot);
    advance(GRANT_TTL_MS + 1);
    expect(await dispatch(app, 'evidence.intakePath', { path: late, jobId: 'j4' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await evidenceCount(app)).toBe(1);
    app.lock('test');
  });

  it('expands a granted folder into one fresh token per file, labelled by its place in the folder', async () => {
    const { app, grants } = await desktopApp();
    const root = join(tempDir(), 'Bukti');
    mkdirSync(join(root, 'hari-2'), { recursive: true });
    writeFileSync(join(root, 'a.png'), await screenshotPng(3));
    writeFileSync(join(root, 'hari-2', 'b.png'), await screenshotPng(4));
    const expanded = await dispatch(app, 'evidence.expandPaths', { paths: [grants.mint(root)] });
    expect(expanded.ok).toBe(true);
    const files = (expanded as { ok: true; value: { files: Array<{ path: string; label: string }> } }).value.files;
    expect(files.map((f) => f.label)).toEqual(['Bukti/a.png', 'Bukti/hari-2/b.png']);
    expect(files.every((f) => /^grant:[0-9a-f]{32}$/.test(f.path))).toBe(true);
    for (const f of files)
      expect(await dispatch(app, 'evidence.intakePath', { path: f.path, jobId: 'j' })).toMatchObject({ ok: true });
    expect(await evidenceCount(app)).toBe(2);
    app.lock('test');
  });

  it('forgets every grant at lock', async () => {
    const { app, grants } = await desktopApp();
    const shot = join(tempDir(), 'shot.png');
    writeFileSync(shot, await screenshotPng(5));
    const token = grants.mint(shot);
    app.lock('test');
    await dispatch(app, 'vault.unlock', { passphrase: PASSPHRASE });
    expect(await dispatch(app, 'evidence.intakePath', { path: token, jobId: 'j' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    app.lock('test');
  });

  it('keeps plain paths where there are no pickers (web harness)', async () => {
    const app = testApp();
    await dispatch(app, 'vault.create', { passphrase: PASSPHRASE });
    const shot = join(tempDir(), 'shot.png');
    writeFileSync(shot, await screenshotPng(6));
    expect(await dispatch(app, 'evidence.intakePath', { path: shot, jobId: 'j' })).toMatchObject({ ok: true });
    app.lock('test');
  });
});
