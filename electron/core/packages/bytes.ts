/**
 * Little-endian fields, comparison and text over plain Uint8Array, so the verify path runs the same
 * in Node and in a browser (a Node Buffer is a Uint8Array and works here unchanged).
 */

const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);

export const u16 = (b: Uint8Array, at: number): number => view(b).getUint16(at, true);
export const u32 = (b: Uint8Array, at: number): number => view(b).getUint32(at, true);
export const u64big = (b: Uint8Array, at: number): bigint => view(b).getBigUint64(at, true);

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Byte order, as Buffer.compare sorts. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** Lenient UTF-8 as Buffer#toString reads it: invalid sequences become U+FFFD, a BOM is kept. */
export const utf8 = (b: Uint8Array): string => lenient.decode(b);

export const utf8Bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
