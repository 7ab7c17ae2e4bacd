import { JejakError } from '../errors';
import { isInside } from '../fs-paths';
import type { Policy } from './policy';

/**
 * Whatever leaves the vault as a file (a package, a decision, a time-stamped package, an original)
 * goes only into a folder the machine policy allows, when it names any (subfolders included, links
 * followed). Every core operation that writes out of the vault calls this before it touches the
 * disk, so the app, the CLI and the web harness obey the same rule.
 */
export function requireExportFolder(policy: Policy, destination: string): void {
  const allowed = policy.allowedExportFolders;
  if (!allowed || allowed.some((dir) => isInside(destination, dir))) return;
  throw new JejakError('POLICY', `The machine policy allows exports only to: ${allowed.join(', ')}.`).because(
    'exportError.folderNotAllowed',
    { folders: allowed.join(', ') },
  );
}
