import { ApiError, call } from '../api';

const CLEAR_AFTER_MS = 60_000;

/**
 * Copies text and takes it back after a minute if the clipboard still holds it, so a recovery
 * code or hash does not linger for whatever is pasted next. The desktop shell does this with the
 * OS clipboard (the window itself is denied clipboard permissions); a browser uses its own API.
 */
export async function copyText(text: string): Promise<void> {
  try {
    await call('host.clipboardWrite', { text, clearAfterMs: CLEAR_AFTER_MS });
    return;
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'UNAVAILABLE') throw e;
  }
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    return;
  }
  setTimeout(async () => {
    try {
      if ((await navigator.clipboard.readText()) === text) await navigator.clipboard.writeText('');
    } catch {
      // Reading the clipboard can be refused (no focus); clear it unconditionally then.
      await navigator.clipboard.writeText('').catch(() => undefined);
    }
  }, CLEAR_AFTER_MS);
}
