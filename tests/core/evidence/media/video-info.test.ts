import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readVideoInfo, SNIFF_BYTES, sniffMediaType } from '../../../../electron/core/evidence/media';
import { countingBytesRead } from '../../../fixtures/bytes-read';
import { ftyp, moov, mp4Box } from './fixtures';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jejak-video-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NONE = { width: null, height: null, durationSeconds: null };

describe('readVideoInfo', () => {
  it('skips a 2.5 GiB mdat to the moov at the end of a file, applying the display rotation', async () => {
    const mdatSize = 2.5 * 1024 ** 3;
    const head = ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41');
    const mdatHeader = Buffer.alloc(16);
    mdatHeader.writeUInt32BE(1); // 64-bit size follows the type
    mdatHeader.write('mdat', 4, 'latin1');
    mdatHeader.writeBigUInt64BE(BigInt(mdatSize), 8);
    const path = join(dir, 'long.mp4');
    const file = await open(path, 'w');
    await file.write(Buffer.concat([head, mdatHeader]), 0, undefined, 0);
    // the mdat body is a hole in a sparse file
    await file.write(
      moov(90_000, 1_125_000, [{ handler: 'vide', width: 1920, height: 1080, rotated: true }]),
      0,
      undefined,
      head.length + mdatSize,
    );
    await file.close();

    const headBytes = Buffer.concat([head, mdatHeader]).subarray(0, SNIFF_BYTES);
    expect(sniffMediaType(headBytes)).toBe('video/mp4');
    const rssBefore = process.memoryUsage.rss();
    const { result, bytesRead } = await countingBytesRead(() => readVideoInfo(path, 'video/mp4'));
    expect(result).toEqual({ width: 1080, height: 1920, durationSeconds: 12.5 });
    expect(bytesRead).toBeLessThan(1024 ** 2); // box headers and the moov, never the mdat
    expect(process.memoryUsage.rss() - rssBefore).toBeLessThan(50 * 1024 ** 2);
  });

  it('takes the size from the video track, not the audio track, with version-1 headers', async () => {
    const mp4 = Buffer.concat([
      ftyp('mp42', 'mp42', 'isom'),
      moov(1000, 61_500, [
        { handler: 'soun', width: 0, height: 0 },
        { handler: 'vide', width: 720, height: 1280, version1: true },
      ]),
      mp4Box('mdat', Buffer.alloc(1000)),
    ]);
    expect(await readVideoInfo(mp4, 'video/mp4')).toEqual({ width: 720, height: 1280, durationSeconds: 61.5 });
  });

  it('an audio-only file or a file with no moov gives nulls', async () => {
    const audioOnly = Buffer.concat([ftyp('isom'), moov(1000, 5000, [{ handler: 'soun', width: 0, height: 0 }])]);
    expect(await readVideoInfo(audioOnly, 'video/mp4')).toEqual({ ...NONE, durationSeconds: 5 });
    expect(await readVideoInfo(Buffer.concat([ftyp('isom'), mp4Box('mdat', Buffer.alloc(64))]), 'video/mp4')).toEqual(
      NONE,
    );
  });

  it('survives hostile box structures without throwing or looping', async () => {
    const complete = Buffer.concat([ftyp('isom'), moov(1000, 5000, [{ handler: 'vide', width: 640, height: 360 }])]);
    const boxTooSmall = Buffer.concat([ftyp('isom'), Buffer.from([0, 0, 0, 4]), Buffer.from('moov')]);
    const hugeBoxSize = Buffer.concat([
      ftyp('isom'),
      Buffer.from([0xff, 0xff, 0xff, 0xff]),
      Buffer.from('moov'),
      Buffer.alloc(20),
    ]);
    const manyEmptyBoxes = Buffer.concat([ftyp('isom'), ...Array.from({ length: 200_000 }, () => mp4Box('free'))]);
    const inputs = [
      Buffer.alloc(0),
      complete.subarray(0, complete.length - 30),
      complete.subarray(0, 40),
      boxTooSmall,
      hugeBoxSize,
      manyEmptyBoxes,
      Buffer.from('not an mp4 at all, just text'),
    ];
    for (const input of inputs) {
      const info = await readVideoInfo(input, 'video/mp4');
      expect(Object.keys(info).sort()).toEqual(['durationSeconds', 'height', 'width']);
    }
    expect(await readVideoInfo(complete, 'video/mp4')).toEqual({ width: 640, height: 360, durationSeconds: 5 });
  });

  it('returns nulls for WebM and other types', async () => {
    const webm = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x84, 0x42, 0x82, 0x81, 0x77]);
    expect(await readVideoInfo(webm, 'video/webm')).toEqual(NONE);
    expect(await readVideoInfo(Buffer.from('%PDF-1.7'), 'application/pdf')).toEqual(NONE);
  });
});
