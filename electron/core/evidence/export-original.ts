import { isAbsolute } from 'node:path';
import { JejakError } from '../errors';
import { isInside } from '../fs-paths';
import type { Policy } from '../policy/policy';
import type { VaultSession } from '../vault/session';
import { writeChunksTo } from '../vault/originals';
import { openOriginal } from './read-original';

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

/** Writes the original to a file: to a temp name first, renamed only once every chunk checked. */
export async function exportOriginal(
  session: VaultSession,
  id: number,
  out: string,
): Promise<{ sha256: string; size: number }> {
  const original = openOriginal(session, id);
  await writeChunksTo(original.chunks, out);
  session.audit({
    action: 'evidence.exported',
    subject: { type: 'evidence', id: String(id) },
    details: { sha256: original.sha256 },
  });
  return { sha256: original.sha256, size: original.size };
}
