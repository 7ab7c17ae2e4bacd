/** The part of Electron's clipboard we use (async since Electron 45); its `clipboard` fits as is. */
export interface TextClipboard {
  readText(): Promise<string> | string;
  writeText(text: string): Promise<void> | void;
  clear(): void;
}

type Timers = { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout };

/**
 * Only what we put there is taken back: if the user has copied something else since, it is theirs
 * and stays. (The window itself has no clipboard permission; copies go through the host.)
 */
export function shouldClear(current: string, written: string): boolean {
  return written !== '' && current === written;
}

/**
 * Copies text (a hash, a recovery code) and takes it back after a delay, at lock and at quit, so
 * it does not linger for whatever is pasted next. One copy is tracked at a time: a new copy
 * replaces the old one, which the user has overwritten anyway.
 */
export function createClipboardKeeper(clipboard: TextClipboard, timers: Timers = { setTimeout, clearTimeout }) {
  let pending: { text: string; timer: ReturnType<typeof setTimeout> } | null = null;
  let inflight: Promise<void> | null = null;

  /** At lock and quit, and when the delay is up: clear if the clipboard still holds our copy. */
  const takeBack = (): Promise<void> => {
    if (inflight) return inflight;
    const mine = pending;
    if (!mine) return Promise.resolve();
    pending = null;
    timers.clearTimeout(mine.timer);
    inflight = (async () => {
      if (shouldClear(await clipboard.readText(), mine.text)) clipboard.clear();
    })().finally(() => (inflight = null));
    return inflight;
  };

  return {
    async write(text: string, clearAfterMs: number): Promise<void> {
      if (pending) timers.clearTimeout(pending.timer);
      pending = null;
      await clipboard.writeText(text);
      const timer = timers.setTimeout(() => void takeBack(), clearAfterMs);
      // A pending clear must not keep the app alive; before-quit takes the copy back instead.
      (timer as { unref?: () => void }).unref?.();
      pending = { text, timer };
    },
    takeBack,
    /** true while a copy of ours may still be on the clipboard (or is being taken back) */
    holding: () => pending !== null || inflight !== null,
  };
}

export type ClipboardKeeper = ReturnType<typeof createClipboardKeeper>;
