import { lstat, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { JejakError } from '../errors';

const MAX_FILES = 10_000;

export interface ExpandedFile {
  path: string;
  /** the file's place under what was dropped: `Bukti/sub/a.png` for a dropped folder `Bukti` */
  label: string;
}

/**
 * Dropped folders become the files inside them, depth first and sorted, so intake order is
 * predictable. Symbolic links and hidden files (.DS_Store, Thumbs.db-like dotfiles) are skipped.
 */
export async function expandPaths(paths: string[]): Promise<ExpandedFile[]> {
  const files: ExpandedFile[] = [];
  async function visit(path: string, label: string): Promise<void> {
    if (files.length >= MAX_FILES)
      throw new JejakError('INVALID_INPUT', `More than ${MAX_FILES} files: take them in by folder.`).because(
        'intakeError.too-many-files',
        { max: MAX_FILES },
      );
    let info;
    try {
      info = await lstat(path);
    } catch {
      throw new JejakError('UNREADABLE', `Cannot read ${basename(path)}.`).because('intakeError.unreadable', {
        name: basename(path),
      });
    }
    if (info.isSymbolicLink()) return;
    if (info.isFile()) files.push({ path, label });
    else if (info.isDirectory()) {
      for (const name of (await readdir(path)).sort())
        if (!name.startsWith('.')) await visit(join(path, name), `${label}/${name}`);
    }
  }
  for (const p of paths) await visit(p, basename(p));
  return files;
}
