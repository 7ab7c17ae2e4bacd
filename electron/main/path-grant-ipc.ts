import { basename } from 'node:path';
import type { OpenDialogReturnValue } from 'electron';
import type { PathGrants } from '../core/app/path-grants';
import { type SenderInfo, senderProblem } from './ipc-router';

/** A file picked in our own open dialog: a grant token (or the plain path where no grants apply) and its name. */
export function grantDialogPicks(
  result: OpenDialogReturnValue,
  grants: PathGrants | null,
): Array<{ path: string; label: string }> {
  if (result.canceled) return [];
  const tokens = grants ? grants.mintAll(result.filePaths) : result.filePaths;
  return result.filePaths.map((p, i) => ({ path: tokens[i]!, label: basename(p) }));
}

export interface PathGrantIpcDeps {
  grants: PathGrants;
  trustedWebContents(): number[];
}

/**
 * Answers the preload's pathForFile on an internal channel the page cannot reach (the preload
 * exposes named functions only): the path comes from webUtils.getPathForFile on a File the user
 * picked or dropped, which a page cannot forge. Our app page in our window only; null otherwise.
 */
export function createPathGrantHandler(deps: PathGrantIpcDeps) {
  return (sender: SenderInfo, path: unknown): string | null => {
    if (senderProblem(sender, deps.trustedWebContents())) return null;
    if (typeof path !== 'string' || path.length === 0 || path.length > 4096 || path.includes('\0')) return null;
    return deps.grants.mint(path);
  };
}
