import type { Result } from '../../contract';
import type { JejakApp } from '../app/jejak-app';
import { beforePackageWrite } from '../app/partial-sweep';
import { JejakError } from '../errors';
import { effectiveRoster } from '../identity/trust';
import type { Progress } from '../packages';
import { packageView } from '../review/package-view';
import { checkDecision, decidePackage } from '../review/decide';
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
  'review.decide': async ({ reviewId, decision, comment, items, withoutItemReview, destination, jobId }, app) => {
    const session = app.requireSession();
    const opened = app.reviews.get(reviewId);
    const request = { decision, comment, items, withoutItemReview };
    checkDecision(opened.result, request);
    const suffix = decision === 'approved' ? 'approved' : 'returned';
    const path = exportDestination(app, destination, opened.fileName.replace(/(-approved|-returned)*\.zip$/i, `-${suffix}.zip`));
    beforePackageWrite(session, path, app.packageFolders());
    const result = await app.job(jobId, (signal) => decidePackage(session, app.policy, opened, path, request, { signal, onProgress: progressOf(app, jobId) }));
    const verification = await app.reviews.openPath(result.path, roster(app));
    return { path: result.path, fileName: verification.fileName, verification: describe(verification) };
  },
  'review.get': ({ reviewId }, app) => describe(app.reviews.get(reviewId)),
  'review.close': ({ reviewId }, app) => {
    app.reviews.close(reviewId);
    return {};
  },
};
