import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/api/dispatch';
import { testApp } from '../../fixtures/app';
import { PASSPHRASE } from '../../fixtures/temp';

describe('dispatch', () => {
  it('answers envelopes through the whole vault life cycle', async () => {
    const app = testApp();
    expect(await dispatch(app, 'vault.status', {})).toMatchObject({ ok: true, value: { state: 'absent' } });
    const created = await dispatch(app, 'vault.create', { passphrase: PASSPHRASE });
    expect(created).toMatchObject({ ok: true, value: { recoveryCode: expect.any(String) } });
    expect(await dispatch(app, 'vault.status', {})).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    const events: unknown[] = [];
    app.onEvent((e) => events.push(e));
    expect(await dispatch(app, 'vault.lock', {})).toEqual({ ok: true, value: {} });
    expect(events).toEqual([{ type: 'locked', reason: 'command' }]);
    expect(await dispatch(app, 'audit.verify', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await dispatch(app, 'vault.unlock', { passphrase: 'nope nope nope' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(await dispatch(app, 'vault.unlock', { passphrase: PASSPHRASE })).toEqual({ ok: true, value: {} });
    expect(await dispatch(app, 'audit.verify', {})).toMatchObject({ ok: true, value: { ok: true } });
    app.lock('test');
  });

  it('answers host channels with the handlers the app was made with, and UNAVAILABLE where it has none', async () => {
    // the desktop shell's clipboard stands outside the core: a stand-in records what it was given
    const copied: string[] = [];
    const app = testApp({}, { hostHandlers: { 'host.clipboardWrite': ({ text }) => (copied.push(text), {}) } });
    expect(await dispatch(app, 'host.clipboardWrite', { text: 'sha256', clearAfterMs: 1000 })).toEqual({
      ok: true,
      value: {},
    });
    expect(copied).toEqual(['sha256']);
    expect(await dispatch(testApp(), 'host.clipboardWrite', { text: 'x', clearAfterMs: 1000 })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
    // @ts-expect-error the handlers are given when the app is made, never written in later
    app.hostHandlers = {};
  });

  it('refuses unknown channels and arguments that do not parse, with no stack trace', async () => {
    const app = testApp();
    expect(await dispatch(app, 'nope.nothing', {})).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Unknown call.' },
    });
    expect(await dispatch(app, 'toString', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const bad = await dispatch(app, 'vault.create', { passphrase: 42 });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('passphrase') },
    });
    expect(JSON.stringify(bad)).not.toMatch(/at .*\.ts:\d+/);
    expect(await dispatch(app, 'audit.list', { limit: 100000 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('locks after the idle time', async () => {
    const app = testApp({ autoLockMinutes: 1 });
    await dispatch(app, 'vault.create', { passphrase: PASSPHRASE });
    const { vi } = await import('vitest');
    vi.useFakeTimers();
    try {
      app.touch();
      vi.advanceTimersByTime(59_000);
      expect(app.session).not.toBeNull();
      vi.advanceTimersByTime(2_000);
      expect(app.session).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps an auto-lock time fixed by policy', async () => {
    const app = testApp({ autoLockMinutes: 5 });
    await dispatch(app, 'vault.create', { passphrase: PASSPHRASE });
    expect(await dispatch(app, 'settings.setAutoLock', { minutes: 30 })).toMatchObject({
      ok: false,
      error: { code: 'POLICY' },
    });
    expect(await dispatch(app, 'vault.status', {})).toMatchObject({
      ok: true,
      value: { autoLockMinutes: 5, locked: { autoLockMinutes: true } },
    });
    app.lock('test');
  });
});
