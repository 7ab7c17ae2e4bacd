import type { Result } from '../../contract';
import type { JejakApp } from '../app/jejak-app';
import { JejakError } from '../errors';
import { vaultAgeIdentity } from '../identity/identity';
import { effectiveRoster } from '../identity/trust';
import type { Progress } from '../packages';
import { decidedFileName } from '../../common/package-names';
import { decidePackage } from '../review/decide-package';
import { timestampRequests, writeTimestampRequests } from '../timestamps/package-timestamps';
import { type OpenedPackage, payloadList } from '../review/review-registry';
import { exportDestination } from './case-handlers';
import type { HandlersFor } from './handler-types';

const MAX_UPLOAD = 1024 * 1024 * 1024;

function describe(opened: OpenedPackage): Result<'review.openPath'> {
  const r = opened.result;
  return {
    reviewId: opened.reviewId,
    fileName: opened.fileName,
    encrypted: r.encrypted ?? false,
    verdict: r.verdict,
    checks: r.checks.map((c) => ({ id: c.id, ok: c.ok, detail: c.detail })),
    trustDetail: r.trustDetail,
    timestamps: r.timestamps,
    statements: r.statements.map((s) => ({
      file: s.file,
      role: s.role,
      decision: s.decision,
      comment: s.comment,
      signer: { name: s.signer.name, unit: s.signer.unit, id: s.signer.id, fingerprint: s.signer.fingerprint },
      signedAt: s.signedAt,
      trusted: s.trusted,
      valid: s.valid,
      review: s.review ?? [],
    })),
    bagInfo: r.bagInfo ?? {},
    report: r.report ?? null,
    payload: r.verdict === 'invalid' ? [] : payloadList(r),
  };
}

function progressOf(app: JejakApp, jobId: string) {
  return (p: Progress) => app.emit({ type: 'progress', jobId, done: p.bytesDone, total: p.bytesTotal ?? 0, label: p.file });
}

function roster(app: JejakApp) {
  return effectiveRoster(app.requireSession(), app.policy);
}

/** What opening a package needs from the vault: the roster to judge it and the age key to open an encrypted one. */
function openOptions(app: JejakApp, jobId: string) {
  const session = app.requireSession();
  return { ageIdentities: [vaultAgeIdentity(session)], tsaRoots: app.policy.tsaRoots ?? [], onProgress: progressOf(app, jobId) };
}

export const reviewHandlers: HandlersFor<'review'> = {
  'review.openPath': async ({ path, jobId }, app) => describe(await app.job(jobId, (signal) => app.reviews.openPath(path, roster(app), { signal, ...openOptions(app, jobId) }))),
  'review.openBytes': async ({ name, dataBase64, jobId }, app) => {
    const bytes = Buffer.from(dataBase64, 'base64');
    if (bytes.length > MAX_UPLOAD) throw new JejakError('INVALID_INPUT', 'Packages over 1 GiB must be opened from disk.');
    return describe(await app.job(jobId, (signal) => app.reviews.openBytes(name, bytes, roster(app), { signal, ...openOptions(app, jobId) })));
  },
  'review.decide': async ({ reviewId, decision, comment, items, destination, jobId }, app) => {
    const session = app.requireSession();
    const opened = app.reviews.get(reviewId);
    if (opened.result.verdict === 'invalid') throw new JejakError('INTEGRITY', 'An invalid package cannot be approved or returned; ask the analyst for a new export.');
    const path = exportDestination(app, destination, decidedFileName(opened.fileName, decision));
    const result = await app.job(jobId, (signal) => decidePackage(session, app.policy, opened.path, path, { decision, comment, items }, { signal, onProgress: progressOf(app, jobId) }));
    session.audit({
      action: `review.${decision}`,
      subject: { type: 'package', id: opened.result.bagInfo?.['External-Identifier'] ?? opened.fileName },
      details: { file: result.path, statement: result.statementFile, covers: result.covers, problems: items.filter((i) => i.verdict === 'problem').length, recipients: result.recipients },
    });
    const verification = await app.reviews.openPath(result.path, roster(app), { ageIdentities: [vaultAgeIdentity(session)], tsaRoots: app.policy.tsaRoots ?? [] });
    return { path: result.path, fileName: verification.fileName, verification: describe(verification) };
  },
  'review.timestampRequests': async ({ reviewId, folder }, app) => {
    const opened = app.reviews.get(reviewId);
    if (opened.result.verdict === 'invalid') throw new JejakError('INTEGRITY', 'An invalid package gets no time-stamp.');
    const requests = await timestampRequests(opened.path, { ageIdentities: [vaultAgeIdentity(app.requireSession())] });
    const written = folder ? writeTimestampRequests(folder, requests) : [];
    return { requests: folder ? [] : requests.map((r) => ({ fileName: r.fileName, dataBase64: Buffer.from(r.der).toString('base64') })), written };
  },
  'review.get': ({ reviewId }, app) => describe(app.reviews.get(reviewId)),
  'review.close': ({ reviewId }, app) => {
    app.reviews.close(reviewId);
    return {};
  },
};
