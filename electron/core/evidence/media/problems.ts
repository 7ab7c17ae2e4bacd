/**
 * What is wrong with an evidence file's content, as a stable code with its values (the window and
 * the CLI put it in the user's language: renderer/i18n/messages.*.json, key `problem.<code>`) and
 * the English sentence kept for the command line, logs and older readers.
 */
export const MEDIA_PROBLEM_CODES = [
  'not-an-image-type',
  'empty',
  'type-unknown',
  'type-mismatch',
  'header-unreadable',
  'header-unreadable-truncated',
  'exif-unreadable',
  'exif-partly-damaged',
  'animated',
  'too-many-pixels',
  'end-marker',
  'decode-timeout',
  'decode-recovered',
  'truncated',
  'pixel-data-damaged',
  'not-analysed',
  'unrecognised-type',
] as const;
export type MediaProblemCode = (typeof MEDIA_PROBLEM_CODES)[number];

export interface MediaProblem {
  code: MediaProblemCode;
  params?: Record<string, string | number>;
  message: string;
}

export function mediaProblem(
  code: MediaProblemCode,
  message: string,
  params?: Record<string, string | number>,
): MediaProblem {
  return params ? { code, params, message } : { code, message };
}

/**
 * Problems as stored in the evidence row (JSON). Rows written before problems had codes hold
 * plain sentences; those come back with the code 'text', shown as they were written.
 */
export function parseStoredProblems(json: string): Array<MediaProblem | { code: 'text'; message: string }> {
  const stored = JSON.parse(json) as unknown[];
  return stored.map((p) => (typeof p === 'string' ? { code: 'text' as const, message: p } : (p as MediaProblem)));
}
