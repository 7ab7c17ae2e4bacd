import { type BrowserWindow, type DesktopCapturerSource, desktopCapturer, screen } from 'electron';
import { JejakError } from '../core/errors';
import { PICKER_THUMBNAIL, fullResolution, sourceKind } from './capture-geometry';

/** Screens and windows to pick from, without our own window (capturing it would show the picker). */
export async function listCaptureSources(ownWindow: BrowserWindow | null) {
  const own = ownWindow?.getMediaSourceId();
  const sources = await desktopCapturer.getSources({
    types: ['screen', 'window'],
    thumbnailSize: PICKER_THUMBNAIL,
    fetchWindowIcons: false,
  });
  return sources
    .filter((s) => s.id !== own)
    .map((s) => ({ id: s.id, name: s.name, kind: sourceKind(s.id), thumbnailDataUrl: s.thumbnail.toDataURL() }));
}

async function find(
  sourceId: string,
  size: { width: number; height: number },
): Promise<DesktopCapturerSource | undefined> {
  const sources = await desktopCapturer.getSources({
    types: [sourceKind(sourceId)],
    thumbnailSize: size,
    fetchWindowIcons: false,
  });
  return sources.find((s) => s.id === sourceId);
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Captures one source at full resolution as PNG bytes, in memory only. For a whole screen our
 * window steps aside first, so the evidence shows the page and not Jejak in front of it.
 */
export async function capturePng(sourceId: string, ownWindow: BrowserWindow | null): Promise<Buffer> {
  const displays = screen.getAllDisplays();
  const hide = sourceKind(sourceId) === 'screen' && ownWindow?.isVisible();
  if (hide) {
    ownWindow!.hide();
    await settle(300);
  }
  try {
    // First a cheap look-up for the display the screen is on, then the capture at its size.
    const probe = sourceKind(sourceId) === 'screen' ? await find(sourceId, { width: 1, height: 1 }) : undefined;
    const source = await find(sourceId, fullResolution(displays, probe?.display_id));
    if (!source || source.thumbnail.isEmpty())
      throw new JejakError('NOT_FOUND', 'That screen or window is no longer there; pick it again.');
    return source.thumbnail.toPNG();
  } finally {
    if (hide) ownWindow!.show();
  }
}
