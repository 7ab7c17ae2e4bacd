import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countersignPackage,
  verifyFolder,
  verifyPackage,
  writePackage,
  type RosterEntry,
  type Signer,
  type VerifyResult,
} from '../../../electron/core/packages';
import { ARCHIVERS } from './corpus/rezipped';
import { cleanTempDirs, makeSigner, sampleInput, tempDir } from './helpers';
import { rawZip, readZip, sh } from './zip-tools';

/**
 * A recipient unzips a package and zips it again (the README's by-hand check starts with unzip):
 * the archivers add folder entries, and nothing that was signed changes. Such a package verifies
 * exactly like the original; so does the unzipped folder itself.
 */

const N = 'KOMINFO-2026-11-0042';
let dir: string;
let analyst: Signer;
let supervisor: Signer;
let roster: RosterEntry[];
let original: string;
let originalResult: VerifyResult;
let unzipped: string;
const at = (s: Signer): RosterEntry => ({ fingerprint: s.fingerprint, name: s.name, unit: s.unit, role: s.role });

/** What must not differ between two verifications of the same bag. */
const essence = (r: VerifyResult) => ({
  verdict: r.verdict,
  trustDetail: r.trustDetail,
  statements: r.statements.map((s) => ({ file: s.file, trusted: s.trusted, valid: s.valid })),
  bagInfo: r.bagInfo,
  bagChecks: r.checks.filter((c) => !/^(zip-|folder-|entry-|single-folder)/.test(c.id)),
});

beforeAll(async () => {
  dir = tempDir();
  analyst = makeSigner('analyst');
  supervisor = makeSigner('supervisor');
  roster = [at(analyst), at(supervisor)];
  const submitted = (await writePackage(sampleInput(analyst).input, join(dir, 'submitted.zip'))).path;
  original = (
    await countersignPackage(submitted, join(dir, `${N}.zip`), {
      signer: supervisor,
      decision: 'approved',
      comment: 'ok',
    })
  ).path;
  originalResult = await verifyPackage(original, { roster });
  expect(originalResult.verdict).toBe('valid-trusted');
  unzipped = join(dir, 'unzipped');
  mkdirSync(unzipped);
  expect(sh(`unzip -q ${original} -d ${unzipped}`, dir).code).toBe(0);
});
afterAll(cleanTempDirs);

describe('a package unzipped and zipped again verifies like the original', () => {
  it.each(ARCHIVERS)('%s', async (_label, command) => {
    const out = join(dir, `rezipped-${Math.random().toString(16).slice(2)}.zip`);
    const made = sh(command(out, N), unzipped);
    expect(made.code, made.out).toBe(0);
    const names = (await readZip(out)).map((e) => e.name);
    expect(names.some((n) => n.endsWith('/'))).toBe(true); // the archiver did add folder entries
    const result = await verifyPackage(out, { roster });
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(essence(result)).toEqual(essence(originalResult));
  });

  it('a folder entry that carries data is still invalid', async () => {
    const entries = await readZip(original);
    const withFolder = [
      { name: `${N}/data/`, data: Buffer.from('hidden'), attrs: ((0o040755 << 16) | 0x10) >>> 0 },
      ...entries,
    ];
    const path = join(dir, 'folder-with-data.zip');
    writeFileSync(path, rawZip(withFolder));
    const result = await verifyPackage(path, { roster });
    expect(result.verdict).toBe('invalid');
    expect(result.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['entry-types']);
  });

  it('a re-zipped copy can be countersigned again', async () => {
    const out = join(dir, 'rezipped-for-review.zip');
    expect(sh(`zip -q -r ${out} ${N}`, unzipped).code).toBe(0);
    const other = makeSigner('supervisor', 'Kepala Direktorat');
    const signed = await countersignPackage(out, join(dir, 'rezipped-signed.zip'), {
      signer: other,
      decision: 'returned',
      comment: 'lengkapi',
    });
    expect((await verifyPackage(signed.path, { roster: [...roster, at(other)] })).verdict).toBe('valid-trusted');
  });
});

describe('verifyFolder: the unzipped bag itself', () => {
  it('gives the same verdict as the ZIP', async () => {
    const result = await verifyFolder(join(unzipped, N), { roster });
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(essence(result)).toEqual(essence(originalResult));
    expect(result.checks.map((c) => c.id).slice(0, 7)).toEqual([
      'folder-structure',
      'folder-limits',
      'entry-names',
      'entry-types',
      'entry-unique',
      'single-folder',
      'folder-data',
    ]);
    expect(result.name).toBe(N);
  });

  /** A copy of the unzipped bag with `change` applied. */
  function copy(change: (bag: string) => void): string {
    const root = join(tempDir(), 'copy');
    mkdirSync(root);
    expect(sh(`cp -r ${join(unzipped, N)} ${root}/`, dir).code).toBe(0);
    const bag = join(root, N);
    change(bag);
    return bag;
  }
  const failing = async (bag: string) => {
    const r = await verifyFolder(bag, { roster });
    expect(r.verdict).toBe('invalid');
    return r.checks.filter((c) => !c.ok).map((c) => `${c.id}: ${c.detail}`);
  };

  it('a changed byte is caught by the manifests', async () => {
    const bag = copy((b) => writeFileSync(join(b, 'data', 'channels.csv'), 'changed\n'));
    expect((await failing(bag)).map((f) => f.split(':')[0])).toEqual([
      'payload-oxum',
      'manifest-sha256',
      'manifest-sha512',
    ]);
  });

  it('a symbolic link is refused, not followed', async () => {
    const bag = copy((b) => {
      rmSync(join(b, 'data', 'report.pdf'));
      symlinkSync('/etc/passwd', join(b, 'data', 'report.pdf'));
    });
    expect((await failing(bag)).join('\n')).toMatch(/entry-types: "data\/report.pdf" is a symbolic link/);
  });

  it('a special file is refused', async () => {
    const bag = copy((b) => sh('mkfifo data/pipe', b));
    expect((await failing(bag)).join('\n')).toContain('"data/pipe" is not a regular file');
  });

  it('names differing only in letter case are refused', async () => {
    const bag = copy((b) => writeFileSync(join(b, 'data', 'Report.pdf'), 'twin'));
    expect((await failing(bag)).join('\n')).toMatch(
      /entry-unique: "data\/(R|r)eport.pdf" and "data\/(?!\1)[Rr]eport.pdf" differ only in Unicode form or letter case/,
    );
  });

  it('a name not in NFC is refused', async () => {
    const bag = copy((b) => writeFileSync(join(b, 'data', 'cafe\u0301.txt'), 'x'));
    expect((await failing(bag)).join('\n')).toContain('is not in Unicode NFC form');
  });

  it('an empty folder is refused, as its folder entry would be', async () => {
    const bag = copy((b) => mkdirSync(join(b, 'data', 'empty')));
    expect((await failing(bag)).join('\n')).toContain('"data/empty/" is a folder that holds no file');
  });

  it('a folder renamed away from the package name is invalid', async () => {
    const root = tempDir();
    for (const [name, expected] of [
      ['CASE (1)', 'single-folder'],
      ['KOMINFO-2026-11-0043', 'bag-info'],
    ] as const) {
      expect(sh(`cp -r ${join(unzipped, N)} '${join(root, name)}'`, dir).code).toBe(0);
      expect((await failing(join(root, name))).map((f) => f.split(':')[0])).toEqual([expected]);
    }
  });

  it('a path that is no folder is UNREADABLE', async () => {
    await expect(verifyFolder(join(dir, 'missing'))).rejects.toMatchObject({ code: 'UNREADABLE' });
    await expect(verifyFolder(original)).rejects.toMatchObject({ code: 'UNREADABLE' });
  });
});
