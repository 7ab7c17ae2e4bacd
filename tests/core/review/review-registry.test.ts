import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/api/dispatch';
import { verifyPackage, writePackage, type RosterEntry, type Signer } from '../../../electron/core/packages';
import { payloadList, ReviewRegistry } from '../../../electron/core/review/review-registry';
import { testApp } from '../../fixtures/app';
import { PASSPHRASE } from '../../fixtures/temp';
import { cleanTempDirs, makeSigner, sampleInput, tempDir } from '../packages/helpers';
import { rezip, sh } from '../packages/zip-tools';

/** A roster that changes while a package is open changes its verdict at once (issue 8, item 9). */

let analyst: Signer;
let zip: string;
const entry = (s: Signer): RosterEntry => ({ fingerprint: s.fingerprint, name: s.name, unit: s.unit, role: s.role });

beforeAll(async () => {
  analyst = makeSigner('analyst');
  zip = (await writePackage(sampleInput(analyst).input, join(tempDir(), 'KOMINFO-2026-11-0042.zip'))).path;
});
afterAll(cleanTempDirs);

describe('ReviewRegistry.rejudge', () => {
  it('judges every open package again against the new roster, without reopening it', async () => {
    const registry = new ReviewRegistry();
    const opened = await registry.openPath(zip, []);
    expect(opened.result.verdict).toBe('valid-untrusted');
    registry.rejudge([entry(analyst)]);
    const now = registry.get(opened.reviewId).result;
    expect(now.verdict).toBe('valid-trusted');
    expect(now.statements.map((s) => s.trusted)).toEqual([true]);
    expect(now.trustDetail).toContain(analyst.fingerprint.slice(0, 16));
    registry.rejudge([]);
    expect(registry.get(opened.reviewId).result.verdict).toBe('valid-untrusted');
    registry.closeAll();
  });
});

describe('payloadList', () => {
  it('lists the payload files of a re-zipped package, not its folder entries', async () => {
    const work = tempDir();
    expect(sh(`unzip -q ${zip} && zip -q -r again.zip KOMINFO-2026-11-0042`, work).code).toBe(0);
    const rezipped = await verifyPackage(join(work, 'again.zip'));
    expect(rezipped.entries).toContain('KOMINFO-2026-11-0042/data/evidence/');
    const sorted = (list: Array<{ file: string }>) => [...list].sort((a, b) => a.file.localeCompare(b.file));
    expect(sorted(payloadList(rezipped))).toEqual(sorted(payloadList(await verifyPackage(zip))));
  });

  it('lists the evidence in item order, whatever order the ZIP holds it in', async () => {
    const reversed = join(tempDir(), 'reversed.zip');
    await rezip(zip, reversed, (entries) => [...entries].reverse());
    const result = await verifyPackage(reversed);
    expect(result.verdict).toBe('valid-untrusted');
    const evidence = payloadList(result)
      .map((p) => p.file)
      .filter((f) => f.startsWith('data/evidence/'));
    expect(evidence.map((f) => f.slice('data/evidence/'.length, 'data/evidence/'.length + 3))).toEqual([
      '001',
      '002',
      '003',
    ]);
  });
});

describe('trust.import while a package is open', () => {
  it('review.get then shows the new verdict', async () => {
    const app = testApp();
    await dispatch(app, 'vault.create', { passphrase: PASSPHRASE });
    const opened = await dispatch(app, 'review.openBytes', {
      name: 'KOMINFO-2026-11-0042.zip',
      dataBase64: readFileSync(zip).toString('base64'),
      jobId: 'j1',
    });
    expect(opened).toMatchObject({ ok: true, value: { verdict: 'valid-untrusted' } });
    const reviewId = (opened as { value: { reviewId: string } }).value.reviewId;
    expect(await dispatch(app, 'trust.import', { json: JSON.stringify([entry(analyst)]) })).toMatchObject({ ok: true });
    const after = await dispatch(app, 'review.get', { reviewId });
    expect(after).toMatchObject({
      ok: true,
      value: { reviewId, verdict: 'valid-trusted', statements: [{ trusted: true }] },
    });
    app.lock('test');
  });
});
