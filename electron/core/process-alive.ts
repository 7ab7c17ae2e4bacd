/**
 * Whether a process with this pid may still run: it exists (EPERM means it does, under another
 * user). Temp files carry their writer's pid so a sweep can leave a live writer's file alone; a
 * reused pid only makes a sweep keep a stale file a little longer.
 */
export function processMayRun(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
