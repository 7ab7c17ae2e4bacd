import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isJejakError } from '../../../electron/core/errors';
import { countersignPackage, verifyPackage, writePackage, type Signer } from '../../../electron/core/packages';
import { cleanTempDirs, makeSigner, sampleInput, tempDir } from './helpers';
import { forgeFormat, FORMAT_1, ROSTER_1 } from './corpus/formats';
import { forge } from './forge';

let dir: string;
let analyst: Signer;
let good: string;
let n = 0;
const target = () => join(dir, `v-${(n += 1)}.zip`);
const failing = (r: { checks: Array<{ id: string; ok: boolean }> }) => r.checks.filter((c) => !c.ok).map((c) => c.id);
const detailOf = (r: { checks: Array<{ id: string; detail: string }> }) =>
  r.checks.find((c) => c.id === 'format-version')?.detail ?? '';

beforeAll(async () => {
  dir = tempDir();
  analyst = makeSigner('analyst');
  good = (await writePackage(sampleInput(analyst).input, join(dir, 'good.zip'))).path;
});
afterAll(cleanTempDirs);

describe('packages of another format are refused as such, never misread', () => {
  it('a real format-1 package is invalid with the single check format-version, saying an older Jejak made it', async () => {
    const result = await verifyPackage(FORMAT_1, { roster: ROSTER_1 });
    expect(result.verdict).toBe('invalid');
    expect(failing(result)).toEqual(['format-version']);
    expect(detailOf(result)).toContain('made by an older Jejak (package format 1)');
    expect(result.trustDetail).toContain('made by an older Jejak');
    // the entry checks ran and passed; no bag check ran with format 2's rules
    expect(result.checks.map((c) => c.id)).toEqual([
      'zip-structure',
      'zip-limits',
      'entry-names',
      'entry-types',
      'entry-unique',
      'single-folder',
      'zip-data',
      'format-version',
    ]);
  });

  it('a format-1 package cannot be countersigned', async () => {
    const err = await countersignPackage(FORMAT_1, join(dir, 'never.zip'), {
      signer: makeSigner('supervisor'),
      decision: 'approved',
      comment: '',
    }).catch((e: unknown) => e);
    expect(isJejakError(err, 'INTEGRITY')).toBe(true);
    expect((err as Error).message).toContain('format-version');
  });

  it('a format-2 package turned back into format 1 and signed again is refused the same way', async () => {
    const path = await forge(good, target(), forgeFormat(analyst).backToFormat1);
    const result = await verifyPackage(path);
    expect(failing(result)).toEqual(['format-version']);
    expect(detailOf(result)).toContain('bag-info.txt declares no Jejak-Format');
    expect(detailOf(result)).toContain('"jejak-signature/1" statement, made by an older Jejak');
  });

  it('a format-1 statement in a format-2 bag is refused', async () => {
    const path = await forge(good, target(), forgeFormat(analyst).format1Statement);
    expect(failing(await verifyPackage(path))).toEqual(['format-version']);
  });

  it('a newer format says to update Jejak', async () => {
    const path = await forge(good, target(), forgeFormat(analyst).newerFormat);
    const result = await verifyPackage(path);
    expect(failing(result)).toEqual(['format-version']);
    expect(detailOf(result)).toContain('made by a newer Jejak (format 3); update Jejak');
  });

  it('format 2 passes the check', async () => {
    const result = await verifyPackage(good);
    expect(result.checks.find((c) => c.id === 'format-version')).toMatchObject({
      id: 'format-version',
      ok: true,
      detail: 'package format 2',
    });
  });
});
