import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../electron/contract';
import { dispatch } from '../../../electron/core/api/dispatch';
import { backupStatus } from '../../../electron/core/vault/backup-status';
import { testApp } from '../../fixtures/app';
import { PASSPHRASE, tempDir } from '../../fixtures/temp';

describe('backup.* channels', () => {
  it('backs up into the default folder with progress events, and the status shows the last good backup', async () => {
    const app = testApp({ backupReminderDays: 7 });
    await dispatch(app, 'vault.create', { passphrase: PASSPHRASE });
    expect(await dispatch(app, 'backup.status', {})).toMatchObject({
      ok: true,
      value: { last: null, overdue: true, reminderDays: 7, folderFixed: false },
    });
    const events: AppEvent[] = [];
    app.onEvent((e) => events.push(e));
    const made = await dispatch(app, 'backup.create', { jobId: 'b1' });
    expect(made).toMatchObject({ ok: true });
    const last = (made as { ok: true; value: { path: string } }).value;
    expect(dirname(last.path)).toBe(join(dirname(app.config.vaultDir), 'backups'));
    expect(existsSync(last.path)).toBe(true);
    const phases = new Set(
      events.filter((e) => e.type === 'progress' && e.jobId === 'b1').map((e) => (e as { label?: string }).label),
    );
    expect([...phases]).toEqual(['snapshot', 'copy', 'verify']);
    expect(await dispatch(app, 'backup.status', {})).toMatchObject({ ok: true, value: { last, overdue: false } });
    const session = app.requireSession();
    const eightDaysOn = new Date(Date.now() + 8 * 24 * 3600_000);
    expect(backupStatus(session.db, app.config.vaultDir, app.policy, eightDaysOn).overdue).toBe(true);
    app.lock('test');
  });

  it('keeps backups in the folder the policy names, and a cancel through jobs.cancel leaves nothing', async () => {
    const folder = tempDir();
    const app = testApp({ backupFolder: folder });
    await dispatch(app, 'vault.create', { passphrase: PASSPHRASE });
    const elsewhere = join(tempDir(), 'cadangan.tar');
    expect(await dispatch(app, 'backup.create', { jobId: 'b1', destination: elsewhere })).toMatchObject({
      ok: false,
      error: { code: 'POLICY' },
    });
    expect(
      await dispatch(app, 'backup.create', { jobId: 'b2', destination: join(app.config.vaultDir, 'x.tar') }),
    ).toMatchObject({ ok: false, error: { code: 'POLICY' } });
    app.onEvent((e) => e.type === 'progress' && e.jobId === 'b3' && void dispatch(app, 'jobs.cancel', { jobId: 'b3' }));
    expect(await dispatch(app, 'backup.create', { jobId: 'b3' })).toMatchObject({
      ok: false,
      error: { code: 'CANCELLED' },
    });
    expect(readdirSync(folder)).toEqual([]);
    const made = await dispatch(app, 'backup.create', { jobId: 'b4' });
    expect(made).toMatchObject({ ok: true, value: { path: expect.stringContaining(folder) } });
    expect(await dispatch(app, 'backup.status', {})).toMatchObject({ ok: true, value: { folder, folderFixed: true } });
    app.lock('test');
  });
});
