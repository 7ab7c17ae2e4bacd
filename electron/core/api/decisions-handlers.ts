import type { JejakApp } from '../app/jejak-app';
import { exportDecisionPackage } from '../cases/case-decisions';
import { receiveDecision } from '../cases/receive-decision';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import { packageFileName } from '../packages';
import { writePrivateTemp } from '../review/private-temp';
import { exportDestination } from './cases-handlers';
import type { HandlersFor } from './handler-types';
import { MAX_PACKAGE_UPLOAD_BYTES } from '../../common/limits';

function receive(app: JejakApp, caseId: number, path: string, jobId: string, fileName?: string) {
  const session = app.requireSession();
  return app.job(jobId, (signal) =>
    receiveDecision(session, app.policy, path, {
      caseId,
      fileName,
      signal,
      onProgress: (p) =>
        app.emit({ type: 'progress', jobId, done: p.bytesDone, total: p.bytesTotal ?? 0, label: p.file }),
    }),
  );
}

export const decisionsHandlers: HandlersFor<'decisions'> = {
  'decisions.receivePath': ({ caseId, path, jobId }, app) => receive(app, caseId, app.pathFromWindow(path), jobId),
  'decisions.receiveBytes': async ({ caseId, name, dataBase64, jobId }, app) => {
    const bytes = Buffer.from(dataBase64, 'base64');
    if (bytes.length > MAX_PACKAGE_UPLOAD_BYTES)
      throw new JejakError('INVALID_INPUT', 'Packages over 1 GiB must be received from disk.');
    const temp = writePrivateTemp(name, bytes);
    try {
      return await receive(app, caseId, temp.path, jobId, name);
    } finally {
      temp.remove();
    }
  },
  'decisions.export': async ({ decisionId, destination }, app) => {
    const session = app.requireSession();
    const row = session.db.get<{ file_name: string }>(
      sql`SELECT file_name FROM case_decisions WHERE id = ${decisionId}`,
    );
    if (!row) throw new JejakError('NOT_FOUND', `No received decision ${decisionId}.`);
    const name = /\.zip$/i.test(row.file_name) ? row.file_name : packageFileName(row.file_name);
    return exportDecisionPackage(session, app.policy, decisionId, exportDestination(app, destination, name));
  },
};
