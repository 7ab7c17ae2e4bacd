import type { JejakApp } from '../app/jejak-app';
import { type BackupProgress, createBackup } from '../vault/backup';
import { backupDestination, backupStatus } from '../vault/backup-status';
import type { HandlersFor } from './handler-types';

/** A progress event per half percent or phase change: enough for a bar, few enough for the window. */
function progressEvents(app: JejakApp, jobId: string) {
  let last: BackupProgress | null = null;
  return (p: BackupProgress) => {
    if (last && last.phase === p.phase && p.done < p.total && p.done - last.done < p.total / 200) return;
    last = p;
    app.emit({ type: 'progress', jobId, done: p.done, total: p.total, label: p.phase });
  };
}

export const backupHandlers: HandlersFor<'backup'> = {
  'backup.status': (_a, app) => backupStatus(app.requireSession().db, app.config.vaultDir, app.policy),
  'backup.create': ({ jobId, destination }, app) => {
    const session = app.requireSession();
    const path = backupDestination(app.config.vaultDir, app.policy, destination);
    return app.job(jobId, (signal) =>
      createBackup(session, path, {
        software: `jejak ${app.config.version}`,
        signal,
        onProgress: progressEvents(app, jobId),
      }),
    );
  },
};
