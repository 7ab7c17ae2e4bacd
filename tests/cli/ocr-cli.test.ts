import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelsVersion } from '../../electron/core/evidence/media/ocr-models';
import { textPng } from '../fixtures/catalog';
import { cliWorkspace } from '../fixtures/cli';

const GUARD = resolve('tests/fixtures/no-network-guard.cjs');
describe('text inside screenshots, read offline', () => {
  it('finds Indonesian and Arabic words printed in pictures after `jobs run`, with no connection attempted', async () => {
    const ws = cliWorkspace();
    expect(ws.run(['init']).code).toBe(0);
    const indonesian = join(ws.dir, 'ajakan.png');
    const arabic = join(ws.dir, 'arabic.png');
    writeFileSync(indonesian, await textPng('Bergabunglah dengan saluran kami'));
    writeFileSync(arabic, await textPng('انضموا إلى قناتنا'));
    expect(ws.run(['evidence', 'add', indonesian, arabic]).code).toBe(0);

    const before = JSON.parse(ws.run(['jobs', 'status', '--json']).stdout);
    // Each picture waits for its text (ocr) and for the MD5 that no hash list needed at intake (hashes).
    expect(before).toMatchObject({ pending: 4, byKind: { ocr: 2, hashes: 2 } });
    expect(JSON.parse(ws.run(['search', 'bergabunglah', '--json']).stdout)).toEqual([]);

    const guardLog = join(ws.dir, 'guard.log');
    const ran = ws.run(['jobs', 'run'], { NODE_OPTIONS: `--require ${GUARD}`, GUARD_LOG: guardLog });
    expect(ran.stderr).toContain('[0/4] ocr #1');
    expect(ran.stdout).toMatch(/Done: 4 jobs; 0 failed; 0 still pending/);
    expect(ran.code).toBe(0);
    const guarded = readFileSync(guardLog, 'utf8');
    expect(guarded).toContain('loaded worker'); // the guard was in the OCR worker thread too
    expect(guarded).not.toMatch(/^network /m);
    // the models were read from the data folder's cache, made once for this version of the data packages
    expect(readdirSync(join(ws.dir, 'ocr-models'))).toEqual([modelsVersion()]);

    const found = JSON.parse(ws.run(['search', 'bergabunglah', '--json']).stdout);
    expect(found).toEqual([expect.objectContaining({ kind: 'evidence', id: 1, title: 'ajakan.png' })]);
    expect(found[0].snippet).toContain('\uE000Bergabunglah\uE001 dengan saluran kami');
    const arabicHits = JSON.parse(ws.run(['search', 'قناتنا', '--json']).stdout);
    expect(arabicHits).toEqual([expect.objectContaining({ kind: 'evidence', id: 2 })]);
    expect(JSON.parse(ws.run(['jobs', 'status', '--json']).stdout)).toMatchObject({ pending: 0, done: 4 });
  }, 120_000);

  it('the guard catches a request made from a worker thread', () => {
    const ws = cliWorkspace();
    const guardLog = join(ws.dir, 'guard.log');
    const script = `const { Worker } = require('node:worker_threads');
      new Worker("fetch('https://cdn.jsdelivr.net/npm/@tesseract.js-data/eng').catch(() => {});" +
        "require('node:net').connect(443, 'cdn.jsdelivr.net').on('error', () => {})", { eval: true });`;
    spawnSync(process.execPath, ['--require', GUARD, '-e', script], { env: { ...process.env, GUARD_LOG: guardLog } });
    expect(existsSync(guardLog)).toBe(true);
    const guarded = readFileSync(guardLog, 'utf8');
    expect(guarded).toMatch(/^network fetch https:\/\/cdn\.jsdelivr\.net/m);
    expect(guarded).toMatch(/^network connect .*443/m);
  });
});
