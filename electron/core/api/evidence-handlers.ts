import { JejakError, toErrorPayload } from '../errors';
import { intakeFiles } from '../evidence/intake-batch';
import { expandPaths } from '../evidence/expand-paths';
import { excludeItem, restoreItem } from '../catalog/exclusion';
import { getEvidence, listEvidence, updateEvidence } from '../evidence/evidence-repo';
import { purgeEvidence } from '../evidence/purge';
import { intakeBytes, intakeFile } from '../evidence/intake';
import type { HandlersFor } from './handler-types';
import { MAX_EVIDENCE_UPLOAD_BYTES } from '../../common/limits';

export const evidenceHandlers: HandlersFor<'evidence'> = {
  'evidence.list': (args, app) => listEvidence(app.requireSession().db, args),
  'evidence.get': ({ id }, app) => getEvidence(app.requireSession(), id),
  'evidence.update': ({ id, ...patch }, app) => updateEvidence(app.requireSession(), app.policy, id, patch),
  'evidence.exclude': ({ id, reason }, app) => {
    const session = app.requireSession();
    excludeItem(session, 'evidence', id, reason);
    return getEvidence(session, id);
  },
  'evidence.restore': ({ id }, app) => {
    const session = app.requireSession();
    restoreItem(session, 'evidence', id);
    return getEvidence(session, id);
  },
  'evidence.purge': ({ id }, app) => purgeEvidence(app.requireSession(), id),
  'evidence.intakePath': ({ jobId, path, ...meta }, app) => {
    const session = app.requireSession();
    const file = app.pathFromWindow(path);
    return app
      .job(jobId, (signal) => intakeFile(session, app.policy, file, { ...meta, via: 'file' }, { signal }))
      .finally(() => app.background.wake());
  },
  'evidence.intakePaths': ({ jobId, paths, ...meta }, app) => {
    const session = app.requireSession();
    const items = paths.map((p) => ({ path: app.pathFromWindow(p), meta: { ...meta, via: 'file' } }));
    return app
      .job(jobId, async (signal) => ({
        items: (await intakeFiles(session, app.policy, items, { signal })).map((r) =>
          r.ok ? { ok: true as const, result: r.outcome } : { ok: false as const, error: toErrorPayload(r.error) },
        ),
      }))
      .finally(() => app.background.wake());
  },
  'evidence.intakeBytes': ({ jobId, name, dataBase64, lastModified, ...meta }, app) => {
    const session = app.requireSession();
    const bytes = Buffer.from(dataBase64, 'base64');
    if (bytes.length > MAX_EVIDENCE_UPLOAD_BYTES)
      throw new JejakError('INVALID_INPUT', 'Files over 64 MiB must be taken in from disk, not pasted.').because(
        'intake.tooLargeForUpload',
      );
    const fileTime = lastModified ? new Date(lastModified).toISOString() : undefined;
    return app
      .job(jobId, (signal) =>
        intakeBytes(session, app.policy, bytes, { originalName: name, fileTime, via: 'upload', ...meta }, { signal }),
      )
      .finally(() => app.background.wake());
  },
  'evidence.expandPaths': async ({ paths }, app) => {
    app.requireSession();
    const files = await expandPaths(paths.map((p) => app.pathFromWindow(p)));
    // The files inside a granted folder were picked with it: each gets its own token.
    const granted = app.pathGrants?.mintAll(files.map((f) => f.path));
    return { files: files.map((f, i) => ({ path: granted?.[i] ?? f.path, label: f.label })) };
  },
};
