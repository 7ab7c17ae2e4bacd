/**
 * Saves text as a file through the browser's own download (a Blob URL on an <a download>). The
 * desktop shell refuses downloads (electron/main/security.ts), so there the text is offered to copy.
 */
export function canDownload(): boolean {
  return window.jejak === undefined;
}

export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the bytes over; the URL is freed once the download has surely started.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
