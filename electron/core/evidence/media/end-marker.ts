import type { MediaType } from './sniff';

export const TAIL_BYTES = 12;

const PNG_IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** How a file fails to end as its format says: a code (`problem.end.<code>` in the catalogs), its values and the English phrase. */
export const END_PROBLEM_CODES = ['png-iend', 'jpeg-eoi', 'gif-trailer', 'webp-short', 'webp-size'] as const;

export interface EndProblem {
  end: (typeof END_PROBLEM_CODES)[number];
  params?: { size: number; expected: number };
  text: string;
}

/**
 * Whether the file ends where its format says it should. A truncated download or a cut copy fails
 * this, and so does a file with data appended after the image; either way the bytes are not
 * simply "the image", which a forensic record has to say. Returns what is wrong, or null.
 */
export function endMarkerProblem(type: MediaType, size: number, head: Uint8Array, tail: Uint8Array): EndProblem | null {
  switch (type) {
    case 'image/png':
      return Buffer.from(tail).subarray(-PNG_IEND.length).equals(PNG_IEND)
        ? null
        : { end: 'png-iend', text: 'does not end with its IEND chunk' };
    case 'image/jpeg':
      return tail.at(-2) === 0xff && tail.at(-1) === 0xd9
        ? null
        : { end: 'jpeg-eoi', text: 'does not end with its end-of-image marker (FFD9)' };
    case 'image/gif':
      return tail.at(-1) === 0x3b ? null : { end: 'gif-trailer', text: 'does not end with its trailer byte (3B)' };
    case 'image/webp': {
      if (head.length < 8) return { end: 'webp-short', text: 'is shorter than its RIFF header' };
      const riffSize = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(4, true);
      const expected = 8 + riffSize + (riffSize % 2);
      return expected === size
        ? null
        : {
            end: 'webp-size',
            params: { size, expected },
            text: `is ${size} bytes long but its RIFF header says ${expected}`,
          };
    }
    default:
      return null;
  }
}
