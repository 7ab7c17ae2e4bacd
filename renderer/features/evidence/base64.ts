/**
 * Bytes to base64 for `evidence.intakeBytes`. String.fromCharCode over a whole 60 MB file would
 * blow the argument limit, and growing one string byte by byte is quadratic: encode slices whose
 * length is a multiple of 3 (so no padding falls mid-stream) and join the pieces once.
 */
const SLICE = 3 * 8 * 1024;

export function bytesToBase64(bytes: Uint8Array, slice = SLICE): string {
  if (slice % 3 !== 0) throw new Error('slice must be a multiple of 3');
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  const parts: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += slice) {
    const piece = bytes.subarray(offset, offset + slice);
    let binary = '';
    // Small fixed-size runs keep fromCharCode's argument list short.
    for (let i = 0; i < piece.length; i += 4096) binary += String.fromCharCode(...piece.subarray(i, i + 4096));
    parts.push(btoa(binary));
  }
  return parts.join('');
}

/** Reads a file and encodes it; the file's bytes are read once and never kept beyond this call. */
export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
