import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JejakApp } from '../../electron/core/app/jejak-app';
import { exportCase } from '../../electron/core/cases/export-case';
import { getIdentity } from '../../electron/core/identity/identity';
import { EVIDENCE_PREFIX } from '../../renderer/features/review/review-helpers';
import { useTrustStore } from '../../renderer/features/trust/trust-store';
import { useReviewStore } from '../../renderer/features/review/review-store';
import { useI18n } from '../../renderer/i18n';
import { RESOURCES, analystCase } from '../fixtures/case';
import { POLICY } from '../fixtures/catalog';
import { newVault, tempDir } from '../fixtures/temp';
import { openNewVault } from './real-api';

const SUPERVISOR = { name: 'Budi Supervisor', unit: 'Direktorat', employeeId: 'NIP-2', role: 'supervisor' as const };

/** The package an analyst exported from a vault of their own, as bytes a person drops on the window, and who signed it. */
let packageBytes: Buffer;
let analyst: { fingerprint: string; name: string; unit: string; role: 'analyst' };
beforeAll(async () => {
  const { session } = await newVault('analyst');
  const { kase } = await analystCase(session);
  const path = join(tempDir(), 'paket.zip');
  await exportCase(session, POLICY, kase.id, path, { language: 'id', resourcesDir: RESOURCES, version: '0.1.0-test' });
  packageBytes = readFileSync(path);
  const { fingerprint, name, unit } = getIdentity(session);
  analyst = { fingerprint, name, unit, role: 'analyst' };
  session.close('test');
}, 60_000);

let app: JejakApp;
beforeEach(async () => {
  useI18n.getState().setLanguage('id');
  app = await openNewVault({}, SUPERVISOR);
});
afterEach(() => app.lock('test'));

const review = () => useReviewStore.getState();
const dropped = (bytes: Buffer, name = 'JJK-2026-11-0001.zip') => new File([new Uint8Array(bytes)], name);
const evidenceFiles = () =>
  review()
    .pkg!.payload.filter((p) => p.file.startsWith(EVIDENCE_PREFIX))
    .map((p) => p.file);

describe('the review store over the real core', { timeout: 60_000 }, () => {
  it('opens a dropped package: valid but untrusted, then trusted once its signer is in the roster', async () => {
    await review().loadSigner(null);
    expect(review().signer).toMatchObject({ complete: true, role: 'supervisor', name: 'Budi Supervisor' });
    await review().openFile(dropped(packageBytes));
    expect(review()).toMatchObject({
      phase: 'open',
      error: null,
      pkg: { verdict: 'valid-untrusted', encrypted: false },
    });
    expect(evidenceFiles()).toHaveLength(4);
    expect(review().pkg!.statements).toMatchObject([
      { role: 'analyst', signer: { name: 'Sari Analis' }, trusted: false },
    ]);

    await useTrustStore.getState().importRoster('roster.json', JSON.stringify([analyst]));
    await review().refresh();
    expect(review().pkg).toMatchObject({ verdict: 'valid-trusted', statements: [{ trusted: true }] });
  });

  it('a package with one byte changed is invalid, naming the failed check, and cannot be decided', async () => {
    const bad = Buffer.from(packageBytes);
    const at = bad.indexOf(Buffer.from('Propaganda ISIS'));
    expect(at).toBeGreaterThan(0);
    bad[at] = bad[at]! ^ 0x20;
    await review().openFile(dropped(bad));
    expect(review().pkg?.verdict).toBe('invalid');
    expect(review().pkg!.checks.filter((c) => !c.ok).length).toBeGreaterThan(0);
    await review().decide('returned', 'Paket rusak', null);
    expect(review().decision).toMatchObject({ phase: 'failed', error: { code: 'INTEGRITY' } });
  });

  it('signs nothing until every item is reviewed; a return with a commented problem writes the countersigned package', async () => {
    await review().openFile(dropped(packageBytes));
    const files = evidenceFiles();
    await review().decide('approved', '', null);
    expect(review().decision).toMatchObject({ phase: 'failed', error: { code: 'REVIEW_INCOMPLETE' } });

    for (const file of files) review().mark(file, { verdict: 'ok' });
    review().mark(files[1]!, { verdict: 'problem' });
    await review().decide('returned', '', null);
    expect(review().decision.error?.code).toBe('REVIEW_INCOMPLETE'); // a problem must say what is wrong

    review().mark(files[1]!, { comment: 'Tangkapan layar terpotong' });
    await review().decide('returned', 'Perbaiki satu bukti', null);
    const { decision } = review();
    expect(decision).toMatchObject({ phase: 'done', decision: 'returned', error: null });
    expect(decision.total).toBeGreaterThan(0);
    expect(existsSync(decision.result!.path)).toBe(true);
    expect(decision.result!.fileName).toMatch(/returned|dikembalikan/i);

    review().showResult();
    expect(review().pkg!.statements.map((s) => [s.role, s.decision])).toEqual([
      ['analyst', expect.any(String)],
      ['supervisor', 'returned'],
    ]);
    expect(review().pkg!.statements[1]!.review).toContainEqual({
      file: files[1],
      verdict: 'problem',
      comment: 'Tangkapan layar terpotong',
    });
    await review().close();
    expect(review()).toMatchObject({ phase: 'idle', pkg: null, openIds: [] });
  });
});
