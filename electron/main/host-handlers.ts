import { type BrowserWindow, dialog } from 'electron';
import type { HostHandlers } from '../core/api/handler-types';
import { intakeCapture } from '../core/evidence/capture';
import { getEvidence } from '../core/evidence/evidence-repo';
import { exportOriginal } from '../core/evidence/export-original';
import type { ClipboardKeeper } from './clipboard-keeper';
import { backupFolder } from '../core/vault/backup-status';
import {
  backupDialogOptions,
  evidenceDialogOptions,
  openDialogOptions,
  reportDialogOptions,
  saveDialogOptions,
  TIMESTAMP_FOLDER_OPTIONS,
  withReportExtension,
  withZipExtension,
} from './dialog-options';
import { grantDialogPicks } from './path-grant-ipc';
import { capturePng, listCaptureSources } from './screen-capture';

export interface HostDeps {
  window(): BrowserWindow | null;
  documentsDir: string;
  clipboard: ClipboardKeeper;
}

/**
 * The host.* channels: what only the desktop shell can do. The core's dispatch has already
 * checked the sender and parsed the arguments; these only talk to the OS.
 */
export function createHostHandlers(deps: HostDeps): HostHandlers {
  return {
    'host.clipboardWrite': async ({ text, clearAfterMs }) => {
      await deps.clipboard.write(text, clearAfterMs);
      return {};
    },
    'host.chooseExportPath': async ({ defaultName }, app) => {
      const options = saveDialogOptions(defaultName, {
        documentsDir: deps.documentsDir,
        allowedFolders: app.policy.allowedExportFolders,
      });
      const win = deps.window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return { path: result.canceled || !result.filePath ? null : withZipExtension(result.filePath, defaultName) };
    },
    'host.chooseReportPath': async ({ defaultName, format }, app) => {
      const options = reportDialogOptions(defaultName, format, {
        documentsDir: deps.documentsDir,
        allowedFolders: app.policy.allowedExportFolders,
      });
      const win = deps.window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return { path: result.canceled || !result.filePath ? null : withReportExtension(result.filePath, format) };
    },
    'host.chooseFolder': async (_args, app) => {
      const win = deps.window();
      const result = win
        ? await dialog.showOpenDialog(win, TIMESTAMP_FOLDER_OPTIONS)
        : await dialog.showOpenDialog(TIMESTAMP_FOLDER_OPTIONS);
      const [folder] = grantDialogPicks(result, app.pathGrants);
      return { path: folder?.path ?? null };
    },
    'host.exportEvidence': async ({ id }, app) => {
      const session = app.requireSession();
      const options = evidenceDialogOptions(getEvidence(session, id).originalName || `evidence-${id}`, {
        documentsDir: deps.documentsDir,
        allowedFolders: app.policy.allowedExportFolders,
      });
      const win = deps.window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return { path: null };
      await exportOriginal(session, app.policy, id, result.filePath);
      return { path: result.filePath };
    },
    'host.chooseBackupPath': async ({ defaultName }, app) => {
      const options = backupDialogOptions(defaultName, backupFolder(app.config.vaultDir, app.policy));
      const win = deps.window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return { path: result.canceled || !result.filePath ? null : result.filePath };
    },
    'host.chooseFiles': async ({ kind, multiple }, app) => {
      const options = openDialogOptions(kind, multiple);
      const win = deps.window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return { files: grantDialogPicks(result, app.pathGrants) };
    },
    'host.captureSources': async () => ({ sources: await listCaptureSources(deps.window()) }),
    'host.capture': async ({ sourceId, region, jobId, channelId, sourceUrl, notes }, app) => {
      // Locked means no capture at all: nothing is taken that could not be stored.
      const session = app.requireSession();
      const png = await capturePng(sourceId, deps.window());
      try {
        const result = await app.job(jobId, (signal) =>
          intakeCapture(session, app.policy, png, { region, channelId, sourceUrl, notes }, { signal }),
        );
        return { evidenceId: result.evidenceId, sha256: result.sha256, sha512: result.sha512, size: result.size };
      } finally {
        // The plaintext screenshot lived only in this buffer; it goes as soon as it is stored.
        png.fill(0);
      }
    },
  };
}
