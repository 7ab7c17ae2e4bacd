/**
 * Media type from the leading bytes only. A file name or a declared type is never trusted: a
 * `.png` that is really text is "other" and is never handed to a decoder.
 */
export type MediaType =
  | 'image/png'
  | 'image/jpeg'
  | 'image/webp'
  | 'image/gif'
  | 'video/mp4'
  | 'video/webm'
  | 'application/pdf'
  | 'application/octet-stream';

export const SNIFF_BYTES = 64;

const EXTENSIONS: Record<MediaType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'application/pdf': 'pdf',
  'application/octet-stream': 'bin',
};

// ISO base media brands that mean an MP4 video. HEIF/AVIF (heic, mif1, avif…) share the ftyp box
// but are still images we cannot render, and QuickTime ('qt  ') or 3GPP are other types.
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'iso8',
  'iso9',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'M4VH',
  'M4VP',
  'dash',
  'mmp4',
  'MSNV',
  'NDAS',
  'f4v ',
  'XAVC',
]);
const STILL_IMAGE_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'avif', 'avis']);

export function extensionFor(type: MediaType): string {
  return EXTENSIONS[type];
}

export function isRenderableImage(type: MediaType): boolean {
  return type === 'image/png' || type === 'image/jpeg' || type === 'image/webp' || type === 'image/gif';
}

export function sniffMediaType(head: Uint8Array): MediaType {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'image/webp';
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  if (isMp4(head)) return 'video/mp4';
  if (isWebm(head)) return 'video/webm';
  return 'application/octet-stream';
}

function startsWith(head: Uint8Array, magic: number[]): boolean {
  return head.length >= magic.length && magic.every((byte, i) => head[i] === byte);
}

function ascii(head: Uint8Array, offset: number, length: number): string {
  if (head.length < offset + length) return '';
  return String.fromCharCode(...head.subarray(offset, offset + length));
}

function isMp4(head: Uint8Array): boolean {
  if (ascii(head, 4, 4) !== 'ftyp') return false;
  const size = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0);
  // major brand + minor version + whole 4-byte compatible brands
  if (size < 16 || size % 4 !== 0) return false;
  if (!MP4_BRANDS.has(ascii(head, 8, 4))) return false;
  for (let offset = 16; offset + 4 <= Math.min(size, head.length); offset += 4) {
    if (STILL_IMAGE_BRANDS.has(ascii(head, offset, 4))) return false;
  }
  return true;
}

const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];
const DOCTYPE_ID = 0x4282;

/** EBML header whose DocType element says "webm" (Matroska's "matroska" is not WebM). */
function isWebm(head: Uint8Array): boolean {
  if (!startsWith(head, EBML_MAGIC)) return false;
  const headerSize = readVint(head, EBML_MAGIC.length, false);
  if (!headerSize) return false;
  const end = Math.min(head.length, headerSize.next + headerSize.value);
  let offset = headerSize.next;
  while (offset < end) {
    const id = readVint(head, offset, true);
    const size = id && readVint(head, id.next, false);
    if (!id || !size) return false;
    if (id.value === DOCTYPE_ID) {
      if (size.next + size.value > head.length) return false;
      return ascii(head, size.next, size.value).replace(/\0+$/, '') === 'webm';
    }
    offset = size.next + size.value;
  }
  return false;
}

/** An EBML variable-length integer; element IDs keep their length marker bit, sizes drop it. */
function readVint(bytes: Uint8Array, offset: number, keepMarker: boolean): { value: number; next: number } | null {
  const first = bytes[offset];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (length > 8 || offset + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + (bytes[offset + i] ?? 0);
  return { value, next: offset + length };
}
