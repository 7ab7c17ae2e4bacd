import { JejakError } from '../errors';

/** What long package operations (write, verify, countersign) report and how they are cancelled. */

export interface Progress {
  bytesDone: number;
  /** known when every size is known up front */
  bytesTotal?: number;
  /** the entry being processed, as a bag path */
  file: string;
}

export interface OperationOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

export function cancelled(): JejakError {
  return new JejakError('CANCELLED', 'The operation was cancelled.');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled();
}

/** System errors (ENOENT, EACCES, EIO…) on a path we were given: UNREADABLE, not a crash. */
export function asUnreadable(err: unknown, what: string): unknown {
  if (err instanceof JejakError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return new JejakError('UNREADABLE', `${what} could not be read (${code}).`, { code });
  }
  return err;
}
