/**
 * Copy to the clipboard and take it back after a while if it still holds what we put there, so a
 * recovery code or hash does not linger for whatever is pasted next.
 */
export async function copyText(text: string, opts: { clearAfterMs: number }): Promise<void> {
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
  }, opts.clearAfterMs);
}
