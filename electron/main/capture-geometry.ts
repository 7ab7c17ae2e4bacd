/** Sizes for desktopCapturer, as plain functions (no Electron import) so tests can hold them. */
export type SourceKind = 'screen' | 'window';

interface DisplayLike {
  id: number;
  size: { width: number; height: number };
  scaleFactor: number;
}

/** Thumbnails for the picker: small, so listing every window stays quick. */
export const PICKER_THUMBNAIL = { width: 320, height: 200 } as const;

export function sourceKind(sourceId: string): SourceKind {
  return sourceId.startsWith('screen:') ? 'screen' : 'window';
}

/**
 * desktopCapturer only hands out thumbnails, scaled to fit the size asked for. Asking for the
 * display's size in physical pixels (points × scale factor) makes the "thumbnail" the full-
 * resolution capture. A window is at most a screen, so it gets the largest display's size.
 */
export function fullResolution(displays: DisplayLike[], displayId?: string): { width: number; height: number } {
  const physical = (d: DisplayLike) => ({
    width: Math.round(d.size.width * d.scaleFactor),
    height: Math.round(d.size.height * d.scaleFactor),
  });
  const match = displayId ? displays.find((d) => String(d.id) === displayId) : undefined;
  if (match) return physical(match);
  return displays
    .map(physical)
    .reduce((a, b) => ({ width: Math.max(a.width, b.width), height: Math.max(a.height, b.height) }), {
      width: 1,
      height: 1,
    });
}
