import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEvidence } from '../../../electron/core/evidence/evidence-repo';
import { intakeBytes, intakeFile } from '../../../electron/core/evidence/intake';
import { pdqDistance } from '../../../electron/core/evidence/media/pdq';
import { POLICY, screenshotPng } from '../../fixtures/catalog';
import { newVault } from '../../fixtures/temp';

const FIXTURES = join(import.meta.dirname, '../../fixtures/pdq');
const expected = new Map(
  readFileSync(join(FIXTURES, 'expected.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t') as [string, string]),
);

describe('PDQ at intake', () => {
  it('stores the PDQ hash and quality of every picture, within 16 bits of Meta reference hashes', async () => {
    const { session } = await newVault();
    for (const [file, hex] of expected) {
      const taken = await intakeFile(session, POLICY, join(FIXTURES, file));
      expect(taken.pdq, file).toMatch(/^[0-9a-f]{64}$/);
      expect(pdqDistance(taken.pdq!, hex), file).toBeLessThanOrEqual(16);
      expect(getEvidence(session, taken.evidenceId)).toMatchObject({ pdq: taken.pdq, pdqQuality: taken.pdqQuality });
    }
    session.close('test');
  });

  it('finds a rotated copy as a near duplicate through the dihedral hashes, within the policy distance', async () => {
    const { session } = await newVault();
    const original = await intakeFile(session, POLICY, join(FIXTURES, 'bridge-1-original.jpg'));
    const rotated = await intakeFile(session, POLICY, join(FIXTURES, 'bridge-2-rotate-90.jpg'));
    expect(pdqDistance(original.pdq!, rotated.pdq!)).toBeGreaterThan(31); // plain hashes are far apart
    expect(rotated.nearDuplicateOf).toBe(original.evidenceId);
    // A policy that allows no distance at all leaves even the rotated copy alone.
    const strict = await intakeBytes(session, { nearDuplicateDistance: 0 }, await screenshotPng(3), {
      originalName: 'other.png',
    });
    expect(strict.nearDuplicateOf).toBeNull();
    session.close('test');
  });
});
