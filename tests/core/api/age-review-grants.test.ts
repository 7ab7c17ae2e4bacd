import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/api/dispatch';
import { sql } from '../../../electron/core/db/sql';
import { writePackage } from '../../../electron/core/packages';
import { ageEncrypt } from '../../fixtures/age';
import { testApp } from '../../fixtures/app';
import { PASSPHRASE, tempDir } from '../../fixtures/temp';
import { makeSigner, sampleInput } from '../packages/helpers';

type Ok<T> = { ok: true; value: T };

/** A supervisor's desktop app (grants required) and a package an analyst encrypted for its age key. */
async function supervisorWithSealedPackage() {
  const app = testApp({}, { pathGrants: {} });
  await dispatch(app, 'vault.create', { passphrase: PASSPHRASE });
  await dispatch(app, 'identity.set', {
    name: 'Sari Supervisor',
    unit: 'Direktorat',
    employeeId: 's-1',
    role: 'supervisor',
  });
  const identity = (await dispatch(app, 'identity.get', {})) as Ok<{ ageRecipient: string }>;
  const dir = tempDir();
  const plain = (await writePackage(sampleInput(makeSigner('analyst')).input, join(dir, 'KOMINFO-2026-11-0042.zip')))
    .path;
  const sealed = join(dir, 'KOMINFO-2026-11-0042.zip.age');
  ageEncrypt([identity.value.ageRecipient], plain, sealed);
  return { app, grants: app.pathGrants!, sealed };
}

describe('encrypted packages in the desktop review (grants, stale partials)', () => {
  it("opens a .zip.age only by a grant token, with the vault's age key, and saves time-stamp requests only into a granted folder", async () => {
    const { app, grants, sealed } = await supervisorWithSealedPackage();
    expect(await dispatch(app, 'review.openPath', { path: sealed, jobId: 'j1' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const opened = await dispatch(app, 'review.openPath', { path: grants.mint(sealed), jobId: 'j2' });
    expect(opened).toMatchObject({
      ok: true,
      value: { encrypted: true, verdict: 'valid-untrusted', fileName: 'KOMINFO-2026-11-0042.zip.age' },
    });
    const reviewId = (opened as Ok<{ reviewId: string }>).value.reviewId;

    const folder = join(tempDir(), 'tsq');
    expect(await dispatch(app, 'review.timestampRequests', { reviewId, folder })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(existsSync(folder)).toBe(false);
    const saved = await dispatch(app, 'review.timestampRequests', { reviewId, folder: grants.mint(folder) });
    expect(saved).toMatchObject({ ok: true, value: { folder: resolve(folder), requests: [] } });
    expect(readdirSync(folder)).toEqual([expect.stringMatching(/^1-[0-9a-f]{16}\.tsq$/)]);
    app.lock('test');
  });

  it('a decision on an encrypted package sweeps a stale encrypted partial first and stays encrypted', async () => {
    const { app, grants, sealed } = await supervisorWithSealedPackage();
    const opened = (await dispatch(app, 'review.openPath', { path: grants.mint(sealed), jobId: 'j1' })) as Ok<{
      reviewId: string;
    }>;
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = `.KOMINFO-2026-11-0042-approved.zip.age.partial-${dead}-0123456789ab`;
    mkdirSync(app.exportsDir(), { recursive: true });
    writeFileSync(join(app.exportsDir(), stale), 'age-encryption.org/v1\n-> X25519 killed mid-write');
    const decided = await dispatch(app, 'review.decide', {
      reviewId: opened.value.reviewId,
      decision: 'approved',
      comment: '',
      items: [],
      withoutItemReview: { reason: 'Checked with the analyst.' },
      jobId: 'j2',
    });
    expect(decided).toMatchObject({
      ok: true,
      value: {
        fileName: 'KOMINFO-2026-11-0042-approved.zip.age',
        verification: { encrypted: true, verdict: 'valid-untrusted' },
      },
    });
    expect(readdirSync(app.exportsDir())).toEqual(['KOMINFO-2026-11-0042-approved.zip.age']);
    const audit = app
      .requireSession()
      .db.all<{ action: string; subject_id: string }>(sql`SELECT action, subject_id FROM audit ORDER BY seq`);
    expect(audit.filter((a) => a.action === 'package.partial-removed').map((a) => a.subject_id)).toEqual([stale]);
    app.lock('test');
  });
});
