import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * A package given as bytes (the browser harness cannot name files) in a private temp folder
 * (0700, the file 0600) under a safe name; `remove` deletes folder and file.
 */
export function writePrivateTemp(name: string, bytes: Buffer): { path: string; dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'jejak-review-'));
  const path = join(dir, basename(name).replace(/[^A-Za-z0-9._-]/g, '-') || 'package.zip');
  writeFileSync(path, bytes, { mode: 0o600 });
  return { path, dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
