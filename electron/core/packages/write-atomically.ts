import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { EarlyWriteback } from '../early-writeback';
import { JejakError } from '../errors';
import { fsyncDirectory } from '../fs-atomic';
import { throwIfAborted } from './operation';

// A package file comes into being whole or not at all: written beside its destination under a
// temp name, and renamed over it only once complete and durable.

/** System errors writing `what` (the package) in `dir`, as the codes a user can act on. */
export function asUnwritable(err: unknown, dir: string, what = 'The package'): unknown {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return err;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new JejakError('NOT_FOUND', `The folder ${dir} does not exist.`, { code });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new JejakError('FORBIDDEN', `${what} cannot be written in ${dir} (${code}).`, { code });
  return new JejakError('INTERNAL', `${what} could not be written in ${dir} (${code}).`, { code });
}

/** Temp files of package writes running in this process: a sweep of stale partials never touches them. */
export const partialsInUse = new Set<string>();

/**
 * Writes `target` through a temp file beside it (`.<name>.partial-<pid>-<random>`), fsynced and
 * renamed over the target at the end. On any failure or cancellation the temp file is removed: the
 * destination holds the finished package or nothing new. Only a killed process leaves one behind;
 * the pid in its name tells a later sweep (stale-partials.ts) whether its writer may still run.
 */
export async function writeAtomically<T>(
  target: string,
  signal: AbortSignal | undefined,
  write: (file: EarlyWriteback) => Promise<T>,
): Promise<T> {
  throwIfAborted(signal);
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.partial-${process.pid}-${randomBytes(6).toString('hex')}`);
  let handle: FileHandle | undefined;
  let file: EarlyWriteback | undefined;
  partialsInUse.add(temp);
  try {
    handle = await open(temp, 'wx+');
    file = new EarlyWriteback(handle);
    const result = await write(file);
    await file.settled();
    await handle.sync();
    await handle.close();
    handle = undefined;
    throwIfAborted(signal);
    await rename(temp, target);
    fsyncDirectory(dir);
    return result;
  } catch (err) {
    await file?.settled().catch(() => undefined);
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw asUnwritable(err, dir);
  } finally {
    partialsInUse.delete(temp);
  }
}
