import { existsSync, mkdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { deleteCase, removeItems, updateDraftCase } from '../cases/case-drafts';
import { setCaseStatus } from '../cases/case-status';
import {
  addItems,
  createCase,
  getCase,
  listCases,
  DEFAULT_DUE_HOURS,
  DEFAULT_LEGAL_BASIS_PRESETS,
} from '../cases/cases';
import { exportCase } from '../cases/export-case';
import { exportFileName } from '../cases/export-recipients';
import { DEFAULT_REFERENCE_PATTERN } from '../cases/reference';
import { JejakError } from '../errors';
import { getIdentity } from '../identity/identity';
import { effectiveRoster } from '../trust/trust';
import type { JejakApp } from '../app/jejak-app';
import { beforePackageWrite } from '../app/partial-sweep';
import type { HandlersFor } from './handler-types';

/** The kind of file an export writes: how its name ends, and how to ask for one. */
export interface ExportFileKind {
  extension: RegExp;
  describe: string;
}

const PACKAGE_FILE: ExportFileKind = {
  extension: /\.zip(\.age)?$/i,
  describe: 'a .zip (or, encrypted, .zip.age) file',
};

/**
 * Where an export may be written: a file of its kind (a package unless told) that does not exist
 * yet (the core operation that writes it checks the policy's export folders). Without a
 * destination: the first folder the policy allows, else the exports folder beside the vault, under
 * the default name, numbered when it is taken.
 */
export function exportDestination(
  app: JejakApp,
  requested: string | undefined,
  defaultName: string,
  kind: ExportFileKind = PACKAGE_FILE,
): string {
  if (!requested) {
    const allowed = app.policy.allowedExportFolders?.[0];
    const dir = allowed ?? app.exportsDir();
    // The default folder is ours to make; the policy's may be a share or a disk that is not there.
    if (!allowed) mkdirSync(dir, { recursive: true, mode: 0o700 });
    let candidate = join(dir, defaultName);
    for (let n = 2; existsSync(candidate); n++)
      candidate = join(
        dir,
        defaultName.replace(kind.extension, (ext) => `-${n}${ext}`),
      );
    return candidate;
  }
  if (!isAbsolute(requested) || !kind.extension.test(requested))
    throw new JejakError('INVALID_INPUT', `Choose ${kind.describe} to write to.`);
  if (existsSync(requested)) throw new JejakError('INVALID_INPUT', `${requested} already exists; choose another name.`);
  return requested;
}

export const casesHandlers: HandlersFor<'cases'> = {
  'cases.list': (_a, app) => {
    const cases = listCases(app.requireSession());
    return { cases, overdue: cases.filter((c) => c.overdue).length };
  },
  'cases.get': ({ id }, app) => getCase(app.requireSession(), id),
  'cases.presets': (_a, app) => ({
    legalBasis: app.policy.legalBasisPresets ?? DEFAULT_LEGAL_BASIS_PRESETS,
    dueHours: app.policy.dueHours ?? DEFAULT_DUE_HOURS,
    referencePattern: app.policy.referencePattern ?? DEFAULT_REFERENCE_PATTERN,
  }),
  'cases.create': (input, app) => createCase(app.requireSession(), app.policy, input),
  'cases.addItems': ({ id, channelIds, evidenceIds }, app) => {
    const session = app.requireSession();
    addItems(session, id, channelIds, evidenceIds);
    return getCase(session, id);
  },
  'cases.setStatus': ({ id, status, note }, app) => {
    const session = app.requireSession();
    setCaseStatus(session, id, status, note);
    return getCase(session, id);
  },
  'cases.update': ({ id, ...patch }, app) => updateDraftCase(app.requireSession(), app.policy, id, patch),
  'cases.removeItems': ({ id, channelIds, evidenceIds }, app) =>
    removeItems(app.requireSession(), id, channelIds, evidenceIds),
  'cases.delete': ({ id }, app) => deleteCase(app.requireSession(), id),
  'cases.recipients': (_a, app) => {
    const session = app.requireSession();
    const roster = effectiveRoster(session, app.policy).filter((e) => e.ageRecipient);
    return {
      required: app.policy.exportRecipients ?? [],
      own: getIdentity(session).ageRecipient,
      roster: roster.map((e) => ({
        name: e.name,
        unit: e.unit,
        role: e.role,
        fingerprint: e.fingerprint,
        ageRecipient: e.ageRecipient as string,
      })),
    };
  },
  'cases.export': async ({ id, jobId, language, destination, recipients = [] }, app) => {
    const session = app.requireSession();
    const kase = getCase(session, id);
    const path = exportDestination(app, destination, exportFileName(app.policy, kase.reference, recipients));
    beforePackageWrite(session, path, app.policy);
    const result = await app.job(jobId, (signal) =>
      exportCase(session, app.policy, id, path, {
        language,
        recipients,
        resourcesDir: app.config.resourcesDir,
        version: app.config.version,
        signal,
        onProgress: (p) =>
          app.emit({ type: 'progress', jobId, done: p.bytesDone, total: p.bytesTotal ?? 0, label: p.file }),
      }),
    );
    const fileName = `${result.name}.zip${result.recipients.length > 0 ? '.age' : ''}`;
    return {
      path: result.path,
      fileName,
      tagmanifestSha256: result.tagmanifestSha256,
      bytes: result.bytes,
      recipients: result.recipients,
    };
  },
};
