import { basename, join, win32 } from 'node:path';
import type { FileFilter, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { isSealedName } from '../common/package-names';

export type PickKind = 'evidence' | 'package' | 'roster';

/**
 * What each picker offers first. Evidence keeps "All files" too: any file can be evidence (it is
 * kept as "other" and never rendered), the filter only puts the usual screenshots up front.
 */
export const FILE_FILTERS: Record<PickKind, FileFilter[]> = {
  evidence: [
    {
      name: 'Images, videos, PDF',
      extensions: ['png', 'jpg', 'jpeg', 'webp', 'gif', 'bmp', 'tif', 'tiff', 'heic', 'mp4', 'webm', 'pdf'],
    },
    { name: 'All files', extensions: ['*'] },
  ],
  // An encrypted package is NAME.zip.age; the filter matches the last extension only.
  package: [{ name: 'Jejak package', extensions: ['zip', 'age'] }],
  roster: [{ name: 'Trust roster', extensions: ['json'] }],
};

const TITLES: Record<PickKind, string> = {
  evidence: 'Add evidence',
  package: 'Open a package for review',
  roster: 'Import a trust roster',
};

export function openDialogOptions(kind: PickKind, multiple: boolean): OpenDialogOptions {
  return {
    title: TITLES[kind],
    filters: FILE_FILTERS[kind],
    // Only evidence comes in batches; a package or a roster is one file at a time.
    properties: multiple && kind === 'evidence' ? ['openFile', 'multiSelections'] : ['openFile'],
  };
}

/** The last path part of a proposed name, without characters a file name cannot hold; '' when nothing is left. */
function lastPart(name: string): string {
  const last = [...win32.basename(basename(name))]
    .map((c) => (c < ' ' || '<>:"|?*'.includes(c) ? '_' : c))
    .join('')
    .trim();
  return last === '.' || last === '..' ? '' : last;
}

/** The window proposes a name; only its last path part counts, so it cannot steer the folder. */
export function safeFileName(name: string): string {
  const base = lastPart(name) || 'jejak-package';
  return /\.zip(\.age)?$/i.test(base) ? base : `${base}.zip`;
}

/** Starts in Documents, or in the first folder the policy allows (a save elsewhere would be refused). */
export function saveDialogOptions(
  defaultName: string,
  where: { documentsDir: string; allowedFolders?: string[] },
): SaveDialogOptions {
  const folder = where.allowedFolders?.[0] ?? where.documentsDir;
  const name = safeFileName(defaultName);
  return {
    title: 'Export the package',
    defaultPath: join(folder, name),
    filters: isSealedName(name)
      ? [{ name: 'Jejak package, encrypted (age)', extensions: ['age'] }]
      : [{ name: 'Jejak package', extensions: ['zip'] }],
    // No overwrite prompt: the core refuses an existing file anyway, with a clear message.
    properties: ['createDirectory'],
  };
}

/** Saving an original: its own name (last path part only), in Documents or the first folder the policy allows. */
export function evidenceDialogOptions(
  originalName: string,
  where: { documentsDir: string; allowedFolders?: string[] },
): SaveDialogOptions {
  return {
    title: 'Export the original',
    defaultPath: join(where.allowedFolders?.[0] ?? where.documentsDir, lastPart(originalName) || 'evidence'),
    // No overwrite prompt: the core refuses an existing file, with a clear message.
    properties: ['createDirectory'],
  };
}

/** Saving a transparency report: CSV or PDF, in Documents or the first folder the policy allows. */
export function reportDialogOptions(
  defaultName: string,
  format: 'csv' | 'pdf',
  where: { documentsDir: string; allowedFolders?: string[] },
): SaveDialogOptions {
  return {
    title: 'Export the transparency report',
    defaultPath: join(where.allowedFolders?.[0] ?? where.documentsDir, lastPart(defaultName) || `jejak.${format}`),
    filters: [{ name: format === 'csv' ? 'CSV' : 'PDF', extensions: [format] }],
    properties: ['createDirectory'],
  };
}

/** The chosen path with the format's extension (GTK does not add the filter's). */
export function withReportExtension(path: string, format: 'csv' | 'pdf'): string {
  return path.toLowerCase().endsWith(`.${format}`) ? path : `${path}.${format}`;
}

/**
 * GTK's save dialog does not add the extension of the chosen filter; the core wants a .zip, or a
 * .zip.age when the proposed name was one (an encrypted package).
 */
export function withZipExtension(path: string, proposed = ''): string {
  if (!isSealedName(proposed)) return path.toLowerCase().endsWith('.zip') ? path : `${path}.zip`;
  if (isSealedName(path)) return path;
  return path.toLowerCase().endsWith('.zip') ? `${path}.age` : `${path}.zip.age`;
}

/** Where time-stamp requests are saved: a folder, which may be new. */
export const TIMESTAMP_FOLDER_OPTIONS: OpenDialogOptions = {
  title: 'Save time-stamp requests',
  properties: ['openDirectory', 'createDirectory'],
};

/** A backup is a tar; the dialog starts in the backup folder (another disk, ideally). */
export function backupDialogOptions(defaultName: string, folder: string): SaveDialogOptions {
  const name = basename(win32.basename(defaultName)) || 'jejak-backup.tar';
  return {
    title: 'Save a backup of the vault',
    defaultPath: join(folder, name.toLowerCase().endsWith('.tar') ? name : `${name}.tar`),
    filters: [{ name: 'Jejak backup', extensions: ['tar'] }],
    properties: ['createDirectory'],
  };
}
