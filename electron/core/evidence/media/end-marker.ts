import type { MediaType } from './sniff';

export const TAIL_BYTES = 12;

const PNG_IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/**
 * Whether the file ends where its format says it should. A truncated download or a cut copy fails
 * this, and so does a file with data appended after the image; either way the bytes are not
 * simply "the image", which a forensic record has to say. Returns what is wrong, or null.
 */
export function endMarkerProblem(type: MediaType, size: number, head: Uint8Array, tail: Uint8Array): string | null {
  switch (type) {
    case 'image/png':
      return Buffer.from(tail).subarray(-PNG_IEND.length).equals(PNG_IEND) ? null : 'does not end with its IEND chunk';
    case 'image/jpeg':
      return tail.at(-2) === 0xff && tail.at(-1) === 0xd9 ? null : 'does not end with its end-of-image marker (FFD9)';
    case 'image/gif':
      return tail.at(-1) === 0x3b ? null : 'does not end with its trailer byte (3B)';
    case 'image/webp': {
      if (head.length < 8) return 'is shorter than its RIFF header';
      const riffSize = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(4, true);
      const expected = 8 + riffSize + (riffSize % 2);
      return expected === size ? null : `is ${size} bytes long but its RIFF header says ${expected}`;
    }
    default:
      return null;
  }
}
