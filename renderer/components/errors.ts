import { ApiError } from '../api';

export interface UiError {
  code: string;
  message: string;
}

/** Any failure as the code and message the screens show; anything that is not from the core is INTERNAL. */
export function toUiError(e: unknown): UiError {
  if (e instanceof ApiError) return { code: e.code, message: e.message };
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}
