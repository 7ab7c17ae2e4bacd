import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** The real path of p's nearest existing ancestor plus the rest, so a link cannot lead out of a folder. */
function realPathOf(p: string): string {
  const parent = dirname(p);
  if (existsSync(p)) return realpathSync.native(p);
  return parent === p ? p : join(realPathOf(parent), p.slice(parent.length));
}

/** Whether path lies inside folder (a subfolder counts), following links as the OS would. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(realPathOf(resolve(folder)), realPathOf(resolve(path)));
  // Windows paths compare without regard to case; relative() already does so on win32.
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
