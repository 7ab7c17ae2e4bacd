/**
 * Saves text as a file through the browser's own download (a Blob URL on an <a download>). The
 * desktop shell refuses downloads (electron/main/security.ts), so there the text is offered to copy.
 */
export function canDownload(): boolean {
  return window.jejak === undefined;
}

export function downloadText(fileName: string, text: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** Bytes given as base64 (what the contract carries), e.g. a time-stamp request. */
export function downloadBase64(fileName: string, base64: string, type: string): void {
  downloadBlob(fileName, new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
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
