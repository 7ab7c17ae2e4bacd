/** Names shared by main and preload. */
export const EVENT_CHANNEL = 'jejak:event';
/** The renderer is served from app://jejak/, never from file:// (which would open the whole disk to it). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'jejak';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Evidence images stream from the encrypted store through this scheme; no plaintext temp file. */
export const EVIDENCE_SCHEME = 'jejak-evidence';
/** Internal: the preload asks main for a grant token for a picked or dropped file (never exposed to the page). */
export const PATH_GRANT_CHANNEL = 'jejak:grant-path';
