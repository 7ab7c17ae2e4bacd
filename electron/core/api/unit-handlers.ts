import type { JejakApp } from '../app/jejak-app';
import { JejakError } from '../errors';
import { writePrivateTemp } from '../review/private-temp';
import { importUnitPackage, requireUnitVault } from '../unit/import-package';
import { importUnitResponse } from '../unit/unit-response';
import { channelHistory, listUnitPackages, sharedChannels, unitDashboard } from '../unit/unit-views';
import type { HandlersFor } from './handler-types';
import { MAX_PACKAGE_UPLOAD_BYTES } from '../../common/limits';

function unitSession(app: JejakApp) {
  const session = app.requireSession();
  requireUnitVault(session);
  return session;
}

function importFile(app: JejakApp, path: string, jobId: string, fileName?: string) {
  const session = unitSession(app);
  return app.job(jobId, (signal) =>
    importUnitPackage(session, app.policy, path, {
      fileName,
      signal,
      onProgress: (p) =>
        app.emit({ type: 'progress', jobId, done: p.bytesDone, total: p.bytesTotal ?? 0, label: p.file }),
    }),
  );
}

export const unitHandlers: HandlersFor<'unit'> = {
  'unit.overview': (_a, app) => {
    const { db } = unitSession(app);
    return { ...unitDashboard(db), recent: listUnitPackages(db, { limit: 50 }), shared: sharedChannels(db, 50) };
  },
  'unit.importPath': ({ path, jobId }, app) => importFile(app, app.pathFromWindow(path), jobId),
  'unit.importBytes': async ({ name, dataBase64, jobId }, app) => {
    const bytes = Buffer.from(dataBase64, 'base64');
    if (bytes.length > MAX_PACKAGE_UPLOAD_BYTES)
      throw new JejakError('INVALID_INPUT', 'Packages over 1 GiB must be imported from disk.');
    const temp = writePrivateTemp(name, bytes);
    try {
      return await importFile(app, temp.path, jobId, name);
    } finally {
      temp.remove();
    }
  },
  'unit.importResponse': ({ name, dataBase64 }, app) =>
    importUnitResponse(app.requireSession(), Buffer.from(dataBase64, 'base64'), { fileName: name }),
  'unit.channelHistory': ({ channelId }, app) => channelHistory(unitSession(app).db, channelId),
};
