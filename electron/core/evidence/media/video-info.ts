import { withByteSource, type ByteSource } from './byte-source';
import type { MediaType } from './sniff';

export interface VideoInfo {
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
}

interface Box {
  type: string;
  /** first byte after the box header */
  start: number;
  end: number;
}

// Box headers read in one call, across all levels: a file of millions of empty boxes ends the
// walk early instead of costing millions of reads.
const MAX_BOX_HEADERS = 10_000;

/**
 * Best effort pixel size and duration. MP4: from moov/mvhd and the first video track's tkhd,
 * reading box headers and those two boxes only, so the media data (however large) is skipped.
 * Other types, WebM included, return nulls.
 */
export async function readVideoInfo(input: Buffer | string, type: MediaType): Promise<VideoInfo> {
  const info: VideoInfo = { width: null, height: null, durationSeconds: null };
  if (type !== 'video/mp4') return info;
  return withByteSource(input, async (source) => {
    const budget = { headers: MAX_BOX_HEADERS };
    const moov = (await listBoxes(source, 0, source.size, budget)).find((box) => box.type === 'moov');
    if (!moov) return info;
    for (const box of await listBoxes(source, moov.start, moov.end, budget)) {
      if (box.type === 'mvhd') info.durationSeconds = await readDuration(source, box);
      if (box.type === 'trak' && info.width === null) {
        const size = await readVideoTrackSize(source, box, budget);
        if (size) Object.assign(info, size);
      }
    }
    return info;
  });
}

async function listBoxes(source: ByteSource, start: number, end: number, budget: { headers: number }): Promise<Box[]> {
  const boxes: Box[] = [];
  let offset = start;
  while (offset + 8 <= end && budget.headers-- > 0) {
    const header = await source.read(offset, 16);
    if (header.length < 8) break;
    let size = header.readUInt32BE(0);
    let headerSize = 8;
    if (size === 1) {
      if (header.length < 16) break;
      size = Number(header.readBigUInt64BE(8));
      headerSize = 16;
    } else if (size === 0) {
      size = end - offset;
    }
    if (size < headerSize) break;
    boxes.push({
      type: header.toString('latin1', 4, 8),
      start: offset + headerSize,
      end: Math.min(end, offset + size),
    });
    offset += size;
  }
  return boxes;
}

async function readDuration(source: ByteSource, mvhd: Box): Promise<number | null> {
  const body = await source.read(mvhd.start, Math.min(32, mvhd.end - mvhd.start));
  const version1 = body[0] === 1;
  if (body.length < (version1 ? 32 : 20)) return null;
  const timescale = body.readUInt32BE(version1 ? 20 : 12);
  const duration = version1 ? body.readBigUInt64BE(24) : BigInt(body.readUInt32BE(16));
  // 0 and all-ones both mean "not known" (fragmented or live recordings)
  const unknown = version1 ? 0xffffffffffffffffn : 0xffffffffn;
  return timescale === 0 || duration === 0n || duration === unknown ? null : Number(duration) / timescale;
}

async function readVideoTrackSize(
  source: ByteSource,
  trak: Box,
  budget: { headers: number },
): Promise<{ width: number; height: number } | null> {
  const children = await listBoxes(source, trak.start, trak.end, budget);
  const mdia = children.find((box) => box.type === 'mdia');
  const hdlr = mdia && (await listBoxes(source, mdia.start, mdia.end, budget)).find((box) => box.type === 'hdlr');
  if (!hdlr || (await source.read(hdlr.start + 8, 4)).toString('latin1') !== 'vide') return null;
  const tkhd = children.find((box) => box.type === 'tkhd');
  if (!tkhd) return null;
  const body = await source.read(tkhd.start, Math.min(96, tkhd.end - tkhd.start));
  const matrixAt = body[0] === 1 ? 52 : 40;
  if (body.length < matrixAt + 44) return null;
  let width = body.readUInt32BE(matrixAt + 36) / 65536;
  let height = body.readUInt32BE(matrixAt + 40) / 65536;
  if (width === 0 || height === 0) return null;
  // a 90° or 270° display matrix (phones filming upright) swaps the shown width and height
  if (body.readInt32BE(matrixAt) === 0 && body.readInt32BE(matrixAt + 16) === 0) [width, height] = [height, width];
  return { width: Math.round(width), height: Math.round(height) };
}
