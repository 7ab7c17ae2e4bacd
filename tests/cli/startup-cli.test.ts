import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliWorkspace, initAs } from '../fixtures/cli';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
/** Runs with these packages made unloadable (tests/fixtures/refuse-packages.mjs). */
const without = (packages: string[]) => ({
  NODE_OPTIONS: `--import=${pathToFileURL(resolve('tests/fixtures/refuse-packages.mjs')).href}`,
  JEJAK_TEST_REFUSE: packages.join(','),
});
// The heavy ones: PDF, images, EXIF, OCR, JSON Schema, age, time-stamp tokens (pkijs: the policy's TSA roots
// are checked for shape without it).
const HEAVY = ['pdfkit', 'sharp', 'exifr', 'tesseract.js', 'ajv', 'age-encryption', '@peculiar/asn1-tsp', 'pkijs'];

describe('jejak start-up', () => {
  it('prints help and its version without loading a single package', () => {
    const ws = cliWorkspace();
    const everyPackage = without(Object.keys(pkg.dependencies));
    const help = ws.run(['--help'], everyPackage);
    expect(help.stderr).toBe('');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('case export REF');
    expect(ws.run(['case', 'export', '--help'], everyPackage).code).toBe(0);
    const version = ws.run(['--version'], everyPackage);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('lists channels and the vault status without the PDF, image, OCR, schema and age code', () => {
    const ws = cliWorkspace();
    expect(ws.run(['init']).code).toBe(0);
    expect(ws.run(['channel', 'add', 'https://t.me/startup_light']).code).toBe(0);
    const list = ws.run(['channel', 'list'], without(HEAVY));
    expect(list.stderr).toBe('');
    expect(list.stdout).toContain('startup_light');
    expect(ws.run(['status'], without(HEAVY)).code).toBe(0);
    // The refusal bites: the same command without the database module fails, naming it.
    const noDatabase = ws.run(['channel', 'list'], without(['better-sqlite3-multiple-ciphers']));
    expect(noDatabase.code).not.toBe(0);
    expect(noDatabase.stderr).toContain('refused to load the package better-sqlite3-multiple-ciphers');
  });

  it("exports without Ajv's compiler (the notice schema is compiled at build time) and verifies without the database", () => {
    const ws = cliWorkspace();
    initAs(ws, { name: 'Sari Analis', id: 'NIP-1', role: 'analyst' });
    expect(ws.run(['channel', 'add', 'https://t.me/startup_export']).code).toBe(0);
    const reference = ws.run(['case', 'create', 'Start-up', '--platform', 'telegram']).stdout.trim();
    expect(ws.run(['case', 'add', reference, '--channel', 't.me/startup_export']).code).toBe(0);
    const zip = join(ws.dir, 'case.zip');
    const exported = ws.run(['case', 'export', reference, '--out', zip], without(['ajv', 'exifr', 'tesseract.js']));
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    // nor age (the package is not encrypted) nor the time-stamp parser (it holds no token)
    const noVault = without([
      'better-sqlite3-multiple-ciphers',
      'ajv',
      'pdfkit',
      'sharp',
      'exifr',
      'tesseract.js',
      'age-encryption',
      'pkijs',
    ]);
    const verified = ws.run(['verify', zip], noVault);
    expect(verified.stdout).toMatch(/pass\s+notice/);
    expect(verified.code).toBe(3); // valid, signed by a key this machine has no roster for
    // The refusal bites: export needs the database.
    expect(ws.run(['case', 'export', reference, '--out', `${zip}-2`], noVault).code).not.toBe(0);
  });
});
