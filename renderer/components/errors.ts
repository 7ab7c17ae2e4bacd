import { ApiError } from '../api';
import type { ErrorPayload } from '../../electron/contract';

export type UiError = ErrorPayload;

/** Any failure as the code and message the screens show; anything that is not from the core is INTERNAL. */
export function toUiError(e: unknown): UiError {
  if (e instanceof ApiError)
    return e.reason ? { code: e.code, message: e.message, reason: e.reason } : { code: e.code, message: e.message };
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}
