import { closeSync, lstatSync, openSync, readSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { processMayRun } from '../process-alive';
import { partialsInUse } from './write-atomically';

/**
 * The temp files writeAtomically leaves when its process is killed: `.<name>.partial-<pid>-<12 hex>`,
 * or `.<name>.partial-<12 hex>` from Jejak before the pid was added. Nothing else matches.
 */
const PARTIAL_NAME = /^\..+\.partial-(?:(\d{1,10})-)?[0-9a-f]{12}$/;
/**
 * Every package write starts with a ZIP local header, or an encrypted one with the age header;
 * a file killed before its first write is empty.
 */
const STARTS = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('age-encryption.org/v1\n', 'latin1')];

export interface RemovedPartial {
  folder: string;
  file: string;
  bytes: number;
}

/** Another process with that pid may still be writing it (our own live writes are in partialsInUse). */
function otherWriterMayRun(pid: number): boolean {
  return pid !== process.pid && processMayRun(pid);
}

function startsLikeOurs(path: string, size: number): boolean {
  if (size === 0) return true;
  const head = Buffer.alloc(Math.max(...STARTS.map((s) => s.length)));
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, head, 0, head.length, 0);
    return STARTS.some((start) => read >= start.length && head.subarray(0, start.length).equals(start));
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes the partial package files a killed export or review left in `folder` (a plain one holds
 * the package's contents in clear, an encrypted one its ciphertext). A partial of a write still running in this process, or whose
 * writer's pid is alive, stays; so do symbolic links and anything that does not look like ours.
 */
export function removeStalePartials(folder: string): RemovedPartial[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const inUse = new Set([...partialsInUse].map((p) => basename(p)));
  const removed: RemovedPartial[] = [];
  for (const file of names) {
    const match = PARTIAL_NAME.exec(file);
    if (!match || inUse.has(file) || (match[1] && otherWriterMayRun(Number(match[1])))) continue;
    const path = join(folder, file);
    try {
      const info = lstatSync(path);
      if (!info.isFile() || !startsLikeOurs(path, info.size)) continue;
      rmSync(path);
      removed.push({ folder, file, bytes: info.size });
    } catch {
      // Gone already, or not ours to remove (permissions): the next sweep tries again.
    }
  }
  return removed;
}
