import { isAbsolute } from 'node:path';
import { JejakError } from '../errors';
import { isInside } from '../fs-paths';
import type { Policy } from '../policy/policy';
import type { VaultSession } from '../vault/session';
import { exportOriginal } from './evidence-repo';

/**
 * "Export original" from the desktop viewer: the bytes exactly as received, to the file the person
 * chose in the save dialog, inside a folder the machine policy allows for exports (when it names any).
 */
export async function exportOriginalTo(
  session: VaultSession,
  policy: Policy,
  id: number,
  path: string,
): Promise<{ sha256: string; size: number }> {
  if (!isAbsolute(path)) throw new JejakError('INVALID_INPUT', 'Choose where to save the original.');
  const allowed = policy.allowedExportFolders;
  if (allowed && !allowed.some((dir) => isInside(path, dir))) {
    throw new JejakError('POLICY', `The machine policy allows exports only to: ${allowed.join(', ')}.`).because(
      'exportError.folderNotAllowed',
      { folders: allowed.join(', ') },
    );
  }
  return exportOriginal(session, id, path);
}
