import { APP_ORIGIN, EVIDENCE_SCHEME } from './ipc-names';

/**
 * What the window may load: its own files and evidence images. Everything else (http, https,
 * file, ws, data for navigation) is cancelled, so no request ever leaves the machine.
 */
export function isAllowedRequest(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${EVIDENCE_SCHEME}:`) return true;
  if (`${parsed.protocol}//${parsed.host}` === APP_ORIGIN) return true;
  // Devtools load their own frontend in development builds only.
  return parsed.protocol === 'devtools:';
}

/** The window never navigates away from the app; links to channels are copied, not opened. */
export function isAllowedNavigation(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}
