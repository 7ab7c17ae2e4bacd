import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  extensionFor,
  isRenderableImage,
  SNIFF_BYTES,
  sniffMediaType,
  type MediaType,
} from '../../../../electron/core/evidence/media';
import { ftyp } from './fixtures';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

// EBML header: EBMLVersion, EBMLReadVersion, MaxIDLength, MaxSizeLength, DocType, DocTypeVersion,
// DocTypeReadVersion (31 bytes), then the start of a Segment
const ebml = (docType: string): Uint8Array => {
  const docTypeElement = bytes([0x42, 0x82, 0x80 | docType.length], docType);
  const children = bytes(
    [0x42, 0x86, 0x81, 1, 0x42, 0xf7, 0x81, 1, 0x42, 0xf2, 0x81, 4, 0x42, 0xf3, 0x81, 8],
    [...docTypeElement],
    [0x42, 0x87, 0x81, 4, 0x42, 0x85, 0x81, 2],
  );
  return bytes([0x1a, 0x45, 0xdf, 0xa3, 0x80 | children.length], [...children], [0x18, 0x53, 0x80, 0x67, 0x01]);
};

describe('sniffMediaType', () => {
  const cases: [string, Uint8Array, MediaType][] = [
    ['PNG signature', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'), 'image/png'],
    ['JPEG SOI + marker', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    ['GIF87a', bytes('GIF87a'), 'image/gif'],
    ['GIF89a', bytes('GIF89a'), 'image/gif'],
    ['RIFF WEBP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['MP4 isom', ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41'), 'video/mp4'],
    ['MP4 mp42', ftyp('mp42', 'mp42', 'isom'), 'video/mp4'],
    ['M4V', ftyp('M4V ', 'M4V ', 'M4A ', 'mp42'), 'video/mp4'],
    ['DASH', ftyp('dash', 'iso6'), 'video/mp4'],
    ['WebM', ebml('webm'), 'video/webm'],
    // near misses and look-alikes are all "other"
    ['empty', bytes(), 'application/octet-stream'],
    ['text in a .png', bytes('This is not an image, just text.\n'), 'application/octet-stream'],
    ['HTML', bytes('<!doctype html><html>'), 'application/octet-stream'],
    ['PNG signature cut short', bytes([0x89, 0x50, 0x4e, 0x47]), 'application/octet-stream'],
    ['JPEG SOI only', bytes([0xff, 0xd8]), 'application/octet-stream'],
    ['GIF88a', bytes('GIF88a'), 'application/octet-stream'],
    ['RIFF WAVE', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), 'application/octet-stream'],
    ['%PDF not at the start', bytes(' %PDF-1.7'), 'application/octet-stream'],
    ['HEIC', ftyp('heic', 'mif1', 'heic'), 'application/octet-stream'],
    ['HEIF mif1', ftyp('mif1', 'mif1', 'heic'), 'application/octet-stream'],
    ['AVIF', ftyp('avif', 'avif', 'mif1', 'miaf'), 'application/octet-stream'],
    ['isom brand listing AVIF', ftyp('isom', 'avif', 'mif1'), 'application/octet-stream'],
    ['QuickTime', ftyp('qt  ', 'qt  '), 'application/octet-stream'],
    ['3GPP', ftyp('3gp5', '3gp5', 'isom'), 'application/octet-stream'],
    ['ftyp box too small', bytes([0, 0, 0, 8], 'ftypisom'), 'application/octet-stream'],
    ['ftyp size not whole brands', bytes([0, 0, 0, 18], 'ftypisom', [0, 0, 0, 0], 'is'), 'application/octet-stream'],
    ['Matroska', ebml('matroska'), 'application/octet-stream'],
    ['EBML magic only', bytes([0x1a, 0x45, 0xdf, 0xa3]), 'application/octet-stream'],
    ['EBML with a zero-length vint', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x00]), 'application/octet-stream'],
  ];
  it.each(cases)('%s', (_name, head, expected) => {
    expect(sniffMediaType(head)).toBe(expected);
  });

  it('needs no more than SNIFF_BYTES of real encoder output', async () => {
    const base = sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } });
    const encoded: [Buffer, MediaType][] = [
      [await base.clone().png().toBuffer(), 'image/png'],
      [await base.clone().jpeg().toBuffer(), 'image/jpeg'],
      [await base.clone().webp().toBuffer(), 'image/webp'],
      [await base.clone().gif().toBuffer(), 'image/gif'],
    ];
    for (const [buffer, type] of encoded) expect(sniffMediaType(buffer.subarray(0, SNIFF_BYTES))).toBe(type);
  });

  it('reads a Uint8Array that is a view into a larger buffer', () => {
    const backing = Buffer.concat([Buffer.from('junk'), Buffer.from(ftyp('isom', 'mp42'))]);
    expect(sniffMediaType(new Uint8Array(backing.buffer, backing.byteOffset + 4, backing.length - 4))).toBe(
      'video/mp4',
    );
  });
});

describe('extensionFor and isRenderableImage', () => {
  it.each([
    ['image/png', 'png', true],
    ['image/jpeg', 'jpg', true],
    ['image/webp', 'webp', true],
    ['image/gif', 'gif', true],
    ['video/mp4', 'mp4', false],
    ['video/webm', 'webm', false],
    ['application/pdf', 'pdf', false],
    ['application/octet-stream', 'bin', false],
  ] as const)('%s -> .%s, renderable %s', (type, extension, renderable) => {
    expect(extensionFor(type)).toBe(extension);
    expect(isRenderableImage(type)).toBe(renderable);
  });
});
