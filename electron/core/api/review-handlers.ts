import { resolve } from 'node:path';
import type { Result } from '../../contract';
import type { JejakApp } from '../app/jejak-app';
import { beforePackageWrite } from '../app/partial-sweep';
import { JejakError } from '../errors';
import { vaultAgeIdentity } from '../identity/identity';
import { effectiveRoster } from '../trust/trust';
import type { Progress } from '../packages';
import { decidedFileName } from '../../common/package-names';
import { packageView } from '../review/package-view';
import { checkDecision, decidePackage } from '../review/decide';
import type { OpenedPackage } from '../review/review-registry';
import { timestampRequests, writeTimestampRequests } from '../timestamps/package-timestamps';
import { exportDestination } from './cases-handlers';
import type { HandlersFor } from './handler-types';
import { MAX_PACKAGE_UPLOAD_BYTES } from '../../common/limits';

function describe(opened: OpenedPackage): Result<'review.openPath'> {
  return { reviewId: opened.reviewId, fileName: opened.fileName, ...packageView(opened.result) };
}

function progressOf(app: JejakApp, jobId: string) {
  return (p: Progress) =>
    app.emit({ type: 'progress', jobId, done: p.bytesDone, total: p.bytesTotal ?? 0, label: p.file });
}

function roster(app: JejakApp) {
  return effectiveRoster(app.requireSession(), app.policy);
}

/** What opening a package needs from the vault besides the roster: the age key to open an encrypted one, and the policy's TSA roots. */
function openOptions(app: JejakApp) {
  return { ageIdentities: [vaultAgeIdentity(app.requireSession())], tsaRoots: app.policy.tsaRoots ?? [] };
}

export const reviewHandlers: HandlersFor<'review'> = {
  'review.openPath': async ({ path, jobId }, app) => {
    const trusted = roster(app);
    const file = app.pathFromWindow(path);
    return describe(
      await app.job(jobId, (signal) =>
        app.reviews.openPath(file, trusted, { signal, onProgress: progressOf(app, jobId), ...openOptions(app) }),
      ),
    );
  },
  'review.openBytes': async ({ name, dataBase64, jobId }, app) => {
    const bytes = Buffer.from(dataBase64, 'base64');
    if (bytes.length > MAX_PACKAGE_UPLOAD_BYTES)
      throw new JejakError('INVALID_INPUT', 'Packages over 1 GiB must be opened from disk.');
    return describe(
      await app.job(jobId, (signal) =>
        app.reviews.openBytes(name, bytes, roster(app), {
          signal,
          onProgress: progressOf(app, jobId),
          ...openOptions(app),
        }),
      ),
    );
  },
  'review.decide': async ({ reviewId, decision, comment, items, withoutItemReview, destination, jobId }, app) => {
    const session = app.requireSession();
    const opened = app.reviews.get(reviewId);
    const request = { decision, comment, items, withoutItemReview };
    checkDecision(opened.result, request);
    const path = exportDestination(app, destination, decidedFileName(opened.fileName, decision));
    beforePackageWrite(session, path, app.policy);
    const result = await app.job(jobId, (signal) =>
      decidePackage(session, app.policy, opened, path, request, { signal, onProgress: progressOf(app, jobId) }),
    );
    const verification = await app.reviews.openPath(result.path, roster(app), openOptions(app));
    return { path: result.path, fileName: verification.fileName, verification: describe(verification) };
  },
  'review.timestampRequests': async ({ reviewId, folder }, app) => {
    const opened = app.reviews.get(reviewId);
    if (opened.result.verdict === 'invalid')
      throw new JejakError('INTEGRITY', 'An invalid package gets no time-stamp.');
    // The folder is the user's own pick (a grant token in the desktop app), resolved before anything is read.
    const into = folder ? app.pathFromWindow(folder) : null;
    const requests = await timestampRequests(opened.path, { ageIdentities: openOptions(app).ageIdentities });
    const written = into ? writeTimestampRequests(into, requests) : [];
    return {
      requests: into
        ? []
        : requests.map((r) => ({ fileName: r.fileName, dataBase64: Buffer.from(r.der).toString('base64') })),
      written,
      folder: into && resolve(into),
    };
  },
  'review.get': ({ reviewId }, app) => describe(app.reviews.get(reviewId)),
  'review.close': ({ reviewId }, app) => {
    app.reviews.close(reviewId);
    return {};
  },
};
