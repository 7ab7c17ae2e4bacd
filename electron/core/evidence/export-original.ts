import { isAbsolute } from 'node:path';
import { JejakError } from '../errors';
import { requireExportFolder } from '../policy/export-folders';
import type { Policy } from '../policy/policy';
import type { VaultSession } from '../vault/session';
import { writeChunksTo } from '../vault/originals';
import { openOriginal } from './read-original';

/**
 * "Export original" (the desktop viewer's save dialog, `jejak evidence export`): the bytes exactly
 * as received, inside a folder the machine policy allows for exports (when it names any), to a temp
 * name first, renamed only once every chunk checked.
 */
export async function exportOriginal(
  session: VaultSession,
  policy: Policy,
  id: number,
  out: string,
): Promise<{ sha256: string; size: number }> {
  if (!isAbsolute(out)) throw new JejakError('INVALID_INPUT', 'Choose where to save the original.');
  requireExportFolder(policy, out);
  const original = openOriginal(session, id);
  await writeChunksTo(original.chunks, out);
  session.audit({
    action: 'evidence.exported',
    subject: { type: 'evidence', id: String(id) },
    details: { sha256: original.sha256 },
  });
  return { sha256: original.sha256, size: original.size };
}
