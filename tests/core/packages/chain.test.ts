import { generateKeyPairSync } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isJejakError } from '../../../electron/core/errors';
import {
  countersignPackage,
  keySigner,
  verifyPackage,
  writePackage,
  type RosterEntry,
  type Signer,
} from '../../../electron/core/packages';
import { cleanTempDirs, makeSigner, sampleInput, tempDir } from './helpers';
import { sh } from './zip-tools';
import { forgeApproved, forgeSubmitted, selfApproved } from './corpus/chains';
import { forge } from './forge';

/** Format 2 signature chains (PACKAGE-FORMAT "The chain of statements"), attacked with real keys. */

let dir: string;
let analyst: Signer;
let supervisor: Signer;
let outsider: Signer;
let submitted: string;
let approved: string;
const at = (s: Signer): RosterEntry => ({ fingerprint: s.fingerprint, name: s.name, unit: s.unit, role: s.role });
let roster: RosterEntry[];

beforeAll(async () => {
  dir = tempDir();
  analyst = makeSigner('analyst');
  supervisor = makeSigner('supervisor');
  // An outsider's key, signing under the analyst's name.
  outsider = makeSigner('supervisor', analyst.name);
  roster = [at(analyst), at(supervisor)];
  submitted = (
    await writePackage(sampleInput(analyst).input, join(dir, 'submitted.zip'), {
      now: new Date('2026-11-28T04:00:00Z'),
    })
  ).path;
  approved = (
    await countersignPackage(
      submitted,
      join(dir, 'approved.zip'),
      { signer: supervisor, decision: 'approved', comment: 'ok' },
      { now: new Date('2026-11-29T04:00:00Z') },
    )
  ).path;
});
afterAll(cleanTempDirs);

const failingIds = (r: { checks: Array<{ id: string; ok: boolean }> }) =>
  r.checks.filter((c) => !c.ok).map((c) => c.id);
let n = 0;
const target = () => join(dir, `forged-${(n += 1)}.zip`);

describe('every signer must be trusted for valid-trusted', () => {
  it('a returned statement by an outsider, inserted as 2 and covering 1, makes a trusted package untrusted and is named', async () => {
    expect((await verifyPackage(submitted, { roster })).verdict).toBe('valid-trusted');
    const path = await forge(submitted, target(), forgeSubmitted({ analyst, supervisor, outsider }).outsiderReturns);
    const result = await verifyPackage(path, { roster });
    expect(failingIds(result)).toEqual([]);
    expect(result.verdict).toBe('valid-untrusted');
    expect(result.trustDetail).toContain(`${analyst.name} (supervisor, ${outsider.fingerprint.slice(0, 16)})`);
    expect(result.statements.map((s) => s.trusted)).toEqual([true, false]);
  });

  it('an outsider returning an approved package with a correct chain leaves it untrusted, naming the outsider', async () => {
    const path = await forge(approved, target(), forgeApproved({ analyst, supervisor, outsider }).outsiderReturns);
    const result = await verifyPackage(path, { roster });
    expect(failingIds(result)).toEqual([]);
    expect(result.verdict).toBe('valid-untrusted');
    expect(result.trustDetail).toContain(outsider.fingerprint.slice(0, 16));
  });

  it('a package whose analyst is not in the roster is untrusted even when its approver is', async () => {
    const result = await verifyPackage(approved, { roster: [at(supervisor)] });
    expect(result.verdict).toBe('valid-untrusted');
    expect(result.trustDetail).toContain(`${analyst.name} (analyst, ${analyst.fingerprint.slice(0, 16)})`);
  });
});

describe('statement k covers exactly statements 1..k-1, in order', () => {
  it('a statement 3 covering only statement 1 is invalid', async () => {
    const path = await forge(approved, target(), forgeApproved({ analyst, supervisor, outsider }).thirdCoversOnlyFirst);
    const result = await verifyPackage(path, { roster });
    expect(result.verdict).toBe('invalid');
    expect(failingIds(result)).toEqual(['statement-covers']);
    expect(result.checks.find((c) => c.id === 'statement-covers')?.detail).toContain('3-supervisor');
  });

  it('the genuine approval renamed to 3 behind an inserted approval with empty covers is invalid', async () => {
    const path = await forge(
      approved,
      target(),
      forgeApproved({ analyst, supervisor, outsider }).insertedWithEmptyCovers,
    );
    const result = await verifyPackage(path, { roster: [...roster, at(outsider)] });
    expect(result.verdict).toBe('invalid');
    expect(failingIds(result)).toEqual(['statement-covers']);
    const detail = result.checks.find((c) => c.id === 'statement-covers')?.detail ?? '';
    expect(detail).toContain(`2-supervisor-${outsider.fingerprint.slice(0, 16)}`);
    expect(detail).toContain(`3-supervisor-${supervisor.fingerprint.slice(0, 16)}`);
  });

  it('the same with the inserted approval covering statement 1 correctly is still invalid', async () => {
    const path = await forge(
      approved,
      target(),
      forgeApproved({ analyst, supervisor, outsider }).insertedCoveringFirst,
    );
    const result = await verifyPackage(path, { roster: [...roster, at(outsider)] });
    expect(failingIds(result)).toEqual(['statement-covers']);
  });

  it('covers listed out of order, or twice, are invalid', async () => {
    const reversed = await forge(approved, target(), forgeApproved({ analyst, supervisor, outsider }).coversReversed);
    const doubled = await forge(approved, target(), forgeApproved({ analyst, supervisor, outsider }).coversTwice);
    for (const path of [reversed, doubled]) expect(failingIds(await verifyPackage(path))).toEqual(['statement-covers']);
  });

  it('a gap in the numbering is invalid', async () => {
    const path = await forge(approved, target(), forgeApproved({ analyst, supervisor, outsider }).gap);
    expect(failingIds(await verifyPackage(path))).toContain('signature-files');
  });
});

describe('nobody approves their own work', () => {
  let selfSupervisor: Signer;
  let selfAnalyst: Signer;
  let own: string;
  beforeAll(async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    selfAnalyst = keySigner(
      { name: 'Ani Analis', unit: 'Direktorat Pengendalian', id: 'a-1', role: 'analyst' },
      privateKey,
    );
    // the same vault, its identity role switched to supervisor
    selfSupervisor = keySigner(
      { name: 'Ani Analis', unit: 'Direktorat Pengendalian', id: 'a-1', role: 'supervisor' },
      privateKey,
    );
    own = (await writePackage(sampleInput(selfAnalyst).input, join(dir, 'own.zip'))).path;
  });

  it('countersignPackage refuses a package its own key signed, writing nothing', async () => {
    const out = join(dir, 'self-out');
    sh(`mkdir -p ${out}`, dir);
    const err = await countersignPackage(own, join(out, 'own-approved.zip'), {
      signer: selfSupervisor,
      decision: 'approved',
      comment: '',
    }).catch((e: unknown) => e);
    expect(isJejakError(err, 'SELF_REVIEW')).toBe(true);
    expect((err as Error).message).toContain('already signed');
    expect(readdirSync(out)).toEqual([]);
  });

  it('a package approved with the analyst key is invalid: distinct-signers', async () => {
    const path = await forge(own, target(), selfApproved(selfSupervisor));
    const result = await verifyPackage(path, { roster: [at(selfAnalyst), at(selfSupervisor)] });
    expect(result.verdict).toBe('invalid');
    expect(failingIds(result)).toEqual(['distinct-signers']);
    expect(result.checks.find((c) => c.id === 'distinct-signers')?.detail).toContain(
      selfSupervisor.fingerprint.slice(0, 16),
    );
    // by hand, the README's one-liner prints the fingerprint that signed twice
    const work = join(dir, 'self-by-hand');
    sh(`mkdir -p ${work} && unzip -q ${path} -d ${work}`, dir);
    const bag = join(work, readdirSync(work)[0]!);
    expect(sh(`grep -h '^    "fingerprint": ' signatures/*.json | sort | uniq -d`, bag).out).toBe(
      `    "fingerprint": "${selfAnalyst.fingerprint}"\n`,
    );
  });

  it('a second supervisor signing twice is invalid too', async () => {
    const path = await forge(approved, target(), forgeApproved({ analyst, supervisor, outsider }).supervisorSignsTwice);
    expect(failingIds(await verifyPackage(path, { roster }))).toEqual(['distinct-signers']);
  });
});
