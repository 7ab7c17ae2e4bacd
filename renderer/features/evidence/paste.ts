/**
 * Images pasted from the clipboard (a screenshot tool's copy, "Copy image" in a browser). Text
 * pasted into a field stays text: only when nothing editable has the focus, or the clipboard
 * holds no text at all, do image items become evidence.
 */
export function pastedImages(data: DataTransfer | null, target: EventTarget | null, now = new Date()): File[] {
  if (!data) return [];
  const editable =
    target instanceof HTMLElement &&
    (target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement);
  if (editable && data.types.includes('text/plain')) return [];
  const stamp = now.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const files: File[] = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file' || !item.type.startsWith('image/')) continue;
    const file = item.getAsFile();
    if (!file) continue;
    const ext = item.type.split('/')[1]?.replace(/[^a-z0-9]/g, '') || 'png';
    const name = files.length === 0 ? `tempel-${stamp}.${ext}` : `tempel-${stamp}-${files.length + 1}.${ext}`;
    files.push(new File([file], name, { type: file.type, lastModified: now.getTime() }));
  }
  return files;
}
