import { lstat, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { JejakError } from '../errors';

const MAX_FILES = 10_000;

/**
 * Dropped folders become the files inside them, depth first and sorted, so intake order is
 * predictable. Symbolic links and hidden files (.DS_Store, Thumbs.db-like dotfiles) are skipped.
 */
export async function expandPaths(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  async function visit(path: string): Promise<void> {
    if (files.length >= MAX_FILES) throw new JejakError('INVALID_INPUT', `More than ${MAX_FILES} files: take them in by folder.`);
    let info;
    try {
      info = await lstat(path);
    } catch {
      throw new JejakError('UNREADABLE', `Cannot read ${basename(path)}.`);
    }
    if (info.isSymbolicLink()) return;
    if (info.isFile()) files.push(path);
    else if (info.isDirectory()) {
      for (const name of (await readdir(path)).sort()) if (!name.startsWith('.')) await visit(join(path, name));
    }
  }
  for (const p of paths) await visit(p);
  return files;
}
