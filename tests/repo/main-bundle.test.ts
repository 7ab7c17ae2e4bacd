import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The app's main-process build is never run here (no Electron binary), so a module that only
// breaks once bundled (two top-level `require` declarations: ours and electron-vite's ES-module
// shim) would ship unnoticed. `npm test` builds before vitest; every chunk must at least parse.
const MAIN = 'out/main';

describe("the desktop app's main-process bundle", () => {
  it.skipIf(!existsSync(join(MAIN, 'index.js')))('parses as JavaScript, every chunk', () => {
    const chunks = readdirSync(MAIN).filter((f) => f.endsWith('.js'));
    expect(chunks).toContain('index.js');
    expect(chunks).toContain('pdf-worker.js');
    for (const chunk of chunks) execFileSync(process.execPath, ['--check', join(MAIN, chunk)], { stdio: 'pipe' });
  });
});
