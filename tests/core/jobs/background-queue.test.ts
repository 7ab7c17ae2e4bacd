import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../electron/contract';
import { dispatch } from '../../../electron/core/api/dispatch';
import { sql } from '../../../electron/core/db/sql';
import { intakeBytes } from '../../../electron/core/evidence/intake';
import { OcrEngine } from '../../../electron/core/evidence/media/ocr';
import { ocrModelsCache } from '../../../electron/core/evidence/media/ocr-models';
import { recognisedTextOf } from '../../../electron/core/evidence/recognised-text';
import { drainJobs } from '../../../electron/core/jobs/drain-jobs';
import { enqueueJobs, queueStatus } from '../../../electron/core/jobs/job-queue';
import { unlockVault } from '../../../electron/core/vault/vault';
import { testApp } from '../../fixtures/app';
import { POLICY, screenshotPng, textPng } from '../../fixtures/catalog';
import { newVault, PASSPHRASE, tempDir } from '../../fixtures/temp';

const PHRASES = ['Bergabunglah dengan saluran kami', 'Menang besar setiap hari', 'Promo judi terpercaya'];

describe('the background queue', () => {
  it('stops when asked, keeps what it had not finished pending, and resumes after lock and unlock', async () => {
    const { dir, session } = await newVault();
    for (const [i, phrase] of PHRASES.entries())
      await intakeBytes(session, POLICY, await textPng(phrase), { originalName: `${i}.png` });
    expect(queueStatus(session.db)).toMatchObject({ pending: 3, byKind: { ocr: 3 } });

    const ocr = new OcrEngine(ocrModelsCache(tempDir()));
    const stop = new AbortController();
    const first = await drainJobs(session, {
      ocr,
      pdqDistance: 31,
      signal: stop.signal,
      onProgress: (p) => p.done === 1 && stop.abort(),
    });
    expect(first).toEqual({ done: 1, failed: 0 });
    expect(recognisedTextOf(session.db, 1)?.text).toContain(PHRASES[0]);
    expect(recognisedTextOf(session.db, 2)).toBeNull();
    session.close('test');

    const again = await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 'tester' });
    expect(queueStatus(again.db)).toMatchObject({ pending: 2, done: 1 });
    expect(await drainJobs(again, { ocr, pdqDistance: 31 })).toEqual({ done: 2, failed: 0 });
    await ocr.close();
    for (const [i, phrase] of PHRASES.entries()) expect(recognisedTextOf(again.db, i + 1)?.text).toContain(phrase);
    again.close('test');
  }, 120_000);

  it('gives items taken in before PDQ their hash and MD5, as intake would have', async () => {
    const { session } = await newVault();
    const taken = await intakeBytes(session, POLICY, await screenshotPng(7), { originalName: 'old.png' });
    session.db.run(sql`UPDATE evidence SET pdq = NULL, pdq_quality = NULL, md5 = NULL WHERE id = ${taken.evidenceId}`);
    session.db.run(sql`DELETE FROM background_jobs`);
    enqueueJobs(session.db, taken.evidenceId, ['hashes']);
    const ocr = new OcrEngine(ocrModelsCache(tempDir()));
    expect(await drainJobs(session, { ocr, pdqDistance: 31 })).toEqual({ done: 1, failed: 0 });
    await ocr.close();
    const row = session.db.get<{ pdq: string; pdq_quality: number; md5: string }>(
      sql`SELECT pdq, pdq_quality, md5 FROM evidence WHERE id = ${taken.evidenceId}`,
    );
    expect(row).toEqual({
      pdq: taken.pdq,
      pdq_quality: taken.pdqQuality,
      md5: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    session.close('test');
  });

  it('runs by itself after an intake in the app, can be paused and resumed, and reports as events', async () => {
    const app = testApp();
    await dispatch(app, 'vault.create', { passphrase: PASSPHRASE });
    expect(await dispatch(app, 'jobs.pause', {})).toMatchObject({ ok: true, value: { paused: true, pending: 0 } });
    const bytes = (await textPng(PHRASES[0]!)).toString('base64');
    const added = await dispatch(app, 'evidence.intakeBytes', { jobId: 'i1', name: 'a.png', dataBase64: bytes });
    expect(added).toMatchObject({ ok: true });
    expect(await dispatch(app, 'jobs.status', {})).toMatchObject({
      ok: true,
      value: { paused: true, running: false, pending: 1 },
    });

    const drained = new Promise<AppEvent>((resolve) =>
      app.onEvent((e) => {
        if (e.type === 'background' && e.pending === 0 && !e.running) resolve(e);
      }),
    );
    expect(await dispatch(app, 'jobs.resume', {})).toMatchObject({ ok: true, value: { paused: false } });
    expect(await drained).toMatchObject({ done: 1, failed: 0, paused: false });
    const found = await dispatch(app, 'search.query', { text: 'bergabunglah', filter: {} });
    expect(found).toMatchObject({ ok: true, value: { hits: [expect.objectContaining({ kind: 'evidence', id: 1 })] } });
    app.lock('test');
  }, 120_000);
});
