import type { Result } from '../../contract';
import type { JejakApp } from '../app/jejak-app';
import { beforePackageWrite } from '../app/partial-sweep';
import { JejakError } from '../errors';
import { vaultSigner } from '../identity/identity';
import { effectiveRoster } from '../identity/trust';
import { countersignPackage, type Progress } from '../packages';
import { packageView } from '../review/package-view';
import type { OpenedPackage } from '../review/review-registry';
import { exportDestination } from './case-handlers';
import type { HandlersFor } from './handler-types';

const MAX_UPLOAD = 1024 * 1024 * 1024;

function describe(opened: OpenedPackage): Result<'review.openPath'> {
  return { reviewId: opened.reviewId, fileName: opened.fileName, ...packageView(opened.result) };
}

function progressOf(app: JejakApp, jobId: string) {
  return (p: Progress) => app.emit({ type: 'progress', jobId, done: p.bytesDone, total: p.bytesTotal ?? 0, label: p.file });
}

function roster(app: JejakApp) {
  return effectiveRoster(app.requireSession(), app.policy);
}

export const reviewHandlers: HandlersFor<'review'> = {
  'review.openPath': async ({ path, jobId }, app) => {
    const trusted = roster(app);
    const file = app.pathFromWindow(path);
    return describe(await app.job(jobId, (signal) => app.reviews.openPath(file, trusted, { signal, onProgress: progressOf(app, jobId) })));
  },
  'review.openBytes': async ({ name, dataBase64, jobId }, app) => {
    const bytes = Buffer.from(dataBase64, 'base64');
    if (bytes.length > MAX_UPLOAD) throw new JejakError('INVALID_INPUT', 'Packages over 1 GiB must be opened from disk.');
    return describe(await app.job(jobId, (signal) => app.reviews.openBytes(name, bytes, roster(app), { signal, onProgress: progressOf(app, jobId) })));
  },
  'review.decide': async ({ reviewId, decision, comment, items, destination, jobId }, app) => {
    const session = app.requireSession();
    const opened = app.reviews.get(reviewId);
    if (opened.result.verdict === 'invalid') throw new JejakError('INTEGRITY', 'An invalid package cannot be approved or returned; ask the analyst for a new export.');
    const suffix = decision === 'approved' ? 'approved' : 'returned';
    const path = exportDestination(app, destination, opened.fileName.replace(/(-approved|-returned)*\.zip$/i, `-${suffix}.zip`));
    beforePackageWrite(session, path, app.packageFolders());
    const result = await app.job(jobId, (signal) =>
      countersignPackage(opened.path, path, { signer: vaultSigner(session, app.policy.unitName), decision, comment, items }, { signal, onProgress: progressOf(app, jobId) }),
    );
    session.audit({ action: `review.${decision}`, subject: { type: 'package', id: opened.result.bagInfo?.['External-Identifier'] ?? opened.fileName }, details: { file: result.path, statement: result.statementFile, covers: result.covers, problems: items.filter((i) => i.verdict === 'problem').length } });
    const verification = await app.reviews.openPath(result.path, roster(app));
    return { path: result.path, fileName: verification.fileName, verification: describe(verification) };
  },
  'review.get': ({ reviewId }, app) => describe(app.reviews.get(reviewId)),
  'review.close': ({ reviewId }, app) => {
    app.reviews.close(reviewId);
    return {};
  },
};
