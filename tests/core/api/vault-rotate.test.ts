import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../electron/contract';
import { dispatch } from '../../../electron/core/api/dispatch';
import { storeOriginal } from '../../../electron/core/vault/originals';
import { testApp } from '../../fixtures/app';
import { PASSPHRASE } from '../../fixtures/temp';

const NEW = 'the passphrase after rotation 4 words';

describe('vault.rotateKeys', () => {
  it('rotates with progress events under its job id and keeps the window unlocked under the new keys', async () => {
    const app = testApp();
    await dispatch(app, 'vault.create', { passphrase: PASSPHRASE });
    await storeOriginal(app.requireSession(), Buffer.alloc(300_000, 3));
    const events: AppEvent[] = [];
    app.onEvent((e) => events.push(e));

    expect(await dispatch(app, 'vault.rotateKeys', { current: 'not it at all, sorry', jobId: 'r0' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(await dispatch(app, 'vault.status', {})).toMatchObject({ ok: true, value: { state: 'unlocked' } });

    const rotated = await dispatch(app, 'vault.rotateKeys', { current: PASSPHRASE, next: NEW, jobId: 'r1' });
    expect(rotated).toMatchObject({
      ok: true,
      value: { recoveryCode: expect.stringMatching(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/) },
    });
    const progress = events.filter((e) => e.type === 'progress' && e.jobId === 'r1');
    expect(progress.at(0)).toMatchObject({ label: 'originals', done: 0, total: 300_000 });
    expect(progress.at(-1)).toMatchObject({ label: 'commit', done: 1, total: 1 });
    expect(events.filter((e) => e.type === 'locked')).toEqual([]);
    expect(await dispatch(app, 'vault.status', {})).toMatchObject({
      ok: true,
      value: { state: 'unlocked', auditAnchorBroken: null },
    });
    expect(await dispatch(app, 'audit.verify', {})).toMatchObject({
      ok: true,
      value: { ok: true, anchor: { ok: true } },
    });

    app.lock('test');
    expect(await dispatch(app, 'vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(await dispatch(app, 'vault.unlock', { passphrase: NEW })).toEqual({ ok: true, value: {} });
    app.lock('test');
  });
});
