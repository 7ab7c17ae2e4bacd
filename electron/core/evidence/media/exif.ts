import exifr from 'exifr';
import { type MediaProblem, mediaProblem } from './problems';

export interface ExifResult {
  exif: Record<string, string | number> | null;
  capturedAt: string | null;
  problem: MediaProblem | null;
}

const TEXT_TAGS = ['Make', 'Model', 'Software', 'HostComputer', 'LensModel', 'ImageDescription', 'Artist', 'Copyright'];
const DATE_TAGS = [
  ['DateTimeOriginal', 'OffsetTimeOriginal'],
  ['CreateDate', 'OffsetTimeDigitized'],
  ['ModifyDate', 'OffsetTime'],
] as const;
const MAX_TEXT = 500;

// Raw values (no reviving): exifr would turn "2024:03:01 10:20:30" into a Date in this machine's
// time zone, inventing an offset the camera never recorded.
const PARSE_OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  ifd1: false,
  interop: false,
  makerNote: false,
  userComment: false,
  xmp: false,
  icc: false,
  iptc: false,
  jfif: false,
  ihdr: false,
  translateKeys: true,
  translateValues: false,
  reviveValues: false,
  mergeOutput: true,
};

/**
 * A curated, JSON-safe subset of an EXIF block as libvips returns it (`Exif\0\0` + TIFF), the same
 * for JPEG, PNG and WebP. The block comes from the evidence itself, so every value is checked.
 */
export async function readExif(block: Buffer | undefined): Promise<ExifResult> {
  if (!block || block.length === 0) return { exif: null, capturedAt: null, problem: null };
  const tiff = block.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? block.subarray(6) : block;
  let raw: Record<string, unknown> | undefined;
  try {
    raw = await exifr.parse(tiff, PARSE_OPTIONS);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      exif: null,
      capturedAt: null,
      problem: mediaProblem('exif-unreadable', `EXIF metadata is present but unreadable (${reason}).`, {
        detail: reason,
      }),
    };
  }
  if (!raw) return { exif: null, capturedAt: null, problem: null };

  const exif: Record<string, string | number> = {};
  for (const tag of TEXT_TAGS) {
    const text = cleanText(raw[tag]);
    if (text) exif[tag] = text;
  }
  for (const [tag, offsetTag] of DATE_TAGS) {
    const iso = exifDateToIso(raw[tag], raw[offsetTag]);
    if (iso) exif[tag] = iso;
  }
  const orientation = raw.Orientation;
  if (typeof orientation === 'number' && Number.isInteger(orientation) && orientation >= 1 && orientation <= 8) {
    exif.Orientation = orientation;
  }
  if (isCoordinate(raw.latitude, 90) && isCoordinate(raw.longitude, 180)) {
    exif.GPSLatitude = raw.latitude;
    exif.GPSLongitude = raw.longitude;
  }

  const capturedAt =
    [exif.DateTimeOriginal, exif.CreateDate].find((value): value is string => typeof value === 'string') ?? null;
  const problem =
    Array.isArray(raw.errors) && raw.errors.length > 0
      ? mediaProblem('exif-partly-damaged', 'EXIF metadata is partly damaged: only the readable tags were kept.')
      : null;
  return { exif: Object.keys(exif).length > 0 ? exif : null, capturedAt, problem };
}

/**
 * "YYYY:MM:DD HH:MM:SS" (+ an optional "+07:00" offset tag) as ISO 8601. Without an offset the
 * result stays local time with no zone, because that is all the camera recorded.
 */
export function exifDateToIso(value: unknown, offset?: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const valid =
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  if (!valid) return null;
  const local = `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}`;
  const zone = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : '';
  return local + zone;
}

function cleanText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is stripped
  const text = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return text ? text.slice(0, MAX_TEXT) : null;
}

function isCoordinate(value: unknown, limit: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;
}
