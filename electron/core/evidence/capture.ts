import sharp from 'sharp';
import { JejakError } from '../errors';
import type { Policy } from '../policy/policy';
import type { VaultSession } from '../vault/session';
import { type IntakeOutcome, intakeBytes } from './intake';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface CropRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CaptureMeta {
  /** a part of the image, in the captured image's own pixels */
  region?: CropRegion;
  channelId?: number;
  sourceUrl?: string;
  notes?: string;
}

/** A crop must be whole pixels inside the image; a region that spills over is refused, not clipped. */
export function checkCropRegion(region: CropRegion, width: number, height: number): void {
  const whole = [region.x, region.y, region.width, region.height].every((n) => Number.isInteger(n));
  if (!whole || region.x < 0 || region.y < 0 || region.width < 1 || region.height < 1) {
    throw new JejakError(
      'INVALID_INPUT',
      'The capture region must be whole pixels with a positive width and height.',
    ).because('captureError.bad-region');
  }
  if (region.x + region.width > width || region.y + region.height > height) {
    throw new JejakError(
      'INVALID_INPUT',
      `The capture region ${region.width}×${region.height} at ${region.x},${region.y} reaches outside the captured image (${width}×${height}).`,
    ).because('captureError.region-outside');
  }
}

/** A file-system-safe ISO time: Windows forbids ':' in file names, and exports use this name. */
export function captureFileName(at: Date): string {
  return `capture-${at.toISOString().replace(/:/g, '-')}.png`;
}

/**
 * A screen capture straight into the vault: the PNG bytes from the desktop shell (never written
 * to disk in clear) are the original, or, with a region, the cropped PNG is. Capture time is now,
 * declared, since the shell just took it.
 */
export async function intakeCapture(
  session: VaultSession,
  policy: Policy,
  png: Buffer,
  meta: CaptureMeta = {},
  opts: { signal?: AbortSignal; now?: Date } = {},
): Promise<IntakeOutcome> {
  if (png.length < PNG_SIGNATURE.length || !png.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    throw new JejakError('INVALID_INPUT', 'The capture is not a PNG image.').because('captureError.not-png');
  }
  let bytes = png;
  if (meta.region) {
    let size;
    try {
      size = await sharp(png).metadata();
    } catch {
      throw new JejakError('INVALID_INPUT', 'The capture is a damaged PNG image.').because('captureError.damaged-png');
    }
    checkCropRegion(meta.region, size.width ?? 0, size.height ?? 0);
    const { x, y, width, height } = meta.region;
    bytes = await sharp(png).extract({ left: x, top: y, width, height }).png().toBuffer();
  }
  const at = opts.now ?? new Date();
  return intakeBytes(
    session,
    policy,
    bytes,
    {
      originalName: captureFileName(at),
      capturedAt: at.toISOString(),
      via: 'capture',
      channelId: meta.channelId,
      sourceUrl: meta.sourceUrl,
      notes: meta.notes,
    },
    { signal: opts.signal },
  );
}
