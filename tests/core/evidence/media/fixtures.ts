import { crc32, deflateSync } from 'node:zlib';
import sharp, { type OverlayOptions, type Sharp } from 'sharp';

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function block(width: number, height: number, colour: string, left: number, top: number): OverlayOptions {
  return { input: { create: { width, height, channels: 3, background: colour } }, left, top };
}

/**
 * A chat-app screenshot look-alike: a header bar, message bubbles of "text" lines, and, when
 * `photo` is set, an embedded noisy picture so the PNG weighs what real screenshots weigh.
 * Different seeds give different layouts.
 */
export async function screenshot(
  seed: number,
  options: { width?: number; height?: number; photo?: boolean } = {},
): Promise<Sharp> {
  const width = options.width ?? 720;
  const height = options.height ?? 1280;
  const rnd = random(seed);
  const overlays: OverlayOptions[] = [block(width, 96, '#2b5278', 0, 0)];
  let top = 130;
  while (top < height - 120) {
    const lines = 1 + Math.floor(rnd() * 4);
    const bubbleWidth = Math.floor(width * (0.4 + rnd() * 0.45));
    const left = rnd() < 0.5 ? 24 : width - bubbleWidth - 24;
    overlays.push(block(bubbleWidth, lines * 34 + 20, rnd() < 0.5 ? '#ffffff' : '#dcf8c6', left, top));
    for (let line = 0; line < lines; line++) {
      let x = left + 14;
      while (x < left + bubbleWidth - 60) {
        const word = 20 + Math.floor(rnd() * 70);
        if (x + word > left + bubbleWidth - 14) break;
        overlays.push(block(word, 16, '#303030', x, top + 14 + line * 34));
        x += word + 10;
      }
    }
    top += lines * 34 + 20 + 16 + Math.floor(rnd() * 40);
  }
  if (options.photo) {
    const photoWidth = Math.floor(width * 0.8);
    const photoHeight = Math.floor(height * 0.2);
    const noise = Buffer.alloc(photoWidth * photoHeight * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = Math.floor(rnd() * 256);
    const photo = await sharp(noise, { raw: { width: photoWidth, height: photoHeight, channels: 3 } })
      .blur(4)
      .png()
      .toBuffer();
    overlays.push({ input: photo, left: Math.floor(width * 0.1), top: Math.floor(height * 0.4) });
  }
  const composed = await sharp({ create: { width, height, channels: 3, background: '#e6ebee' } })
    .composite(overlays)
    .png()
    .toBuffer();
  return sharp(composed);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A valid 1-bit greyscale PNG of any size, all black. 20000×20000 is 50 MB of scanlines that
 * deflate to about 50 KB, and would be 400 megapixels in a decoder: a decompression bomb.
 */
export function blackPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, adaptive filter, no interlace
  const scanlines = Buffer.alloc((1 + Math.ceil(width / 8)) * height);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(scanlines, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ISO BMFF box; `type` of four characters, payload parts concatenated. */
export function mp4Box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

export function ftyp(major: string, ...compatible: string[]): Buffer {
  return mp4Box(
    'ftyp',
    Buffer.from(major, 'latin1'),
    Buffer.alloc(4),
    ...compatible.map((brand) => Buffer.from(brand, 'latin1')),
  );
}

/** moov with an mvhd (version 0) and one track per entry, each with tkhd and mdia/hdlr. */
export function moov(
  timescale: number,
  duration: number,
  tracks: { handler: 'vide' | 'soun'; width: number; height: number; rotated?: boolean; version1?: boolean }[],
): Buffer {
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(timescale, 12);
  mvhd.writeUInt32BE(duration, 16);
  return mp4Box(
    'moov',
    mp4Box('mvhd', mvhd),
    ...tracks.map((track) => {
      const matrixAt = track.version1 ? 52 : 40;
      const tkhd = Buffer.alloc(matrixAt + 44);
      tkhd[0] = track.version1 ? 1 : 0;
      const one = 0x10000;
      const [a, b, c, d] = track.rotated ? [0, one, -one, 0] : [one, 0, 0, one];
      tkhd.writeInt32BE(a, matrixAt);
      tkhd.writeInt32BE(b, matrixAt + 4);
      tkhd.writeInt32BE(c, matrixAt + 12);
      tkhd.writeInt32BE(d, matrixAt + 16);
      tkhd.writeInt32BE(0x40000000, matrixAt + 32);
      tkhd.writeUInt32BE(track.width * one, matrixAt + 36);
      tkhd.writeUInt32BE(track.height * one, matrixAt + 40);
      const hdlr = Buffer.alloc(25);
      hdlr.write(track.handler, 8, 'latin1');
      return mp4Box('trak', mp4Box('tkhd', tkhd), mp4Box('mdia', mp4Box('hdlr', hdlr)));
    }),
  );
}
