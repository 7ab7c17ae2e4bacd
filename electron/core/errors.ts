import type { ErrorCode, ErrorPayload, MessageRef } from '../common/error-codes';

export type { ErrorCode, MessageRef };

/**
 * Every failure a user can cause or meet carries a stable code (electron/common/error-codes.ts)
 * and a plain English message. Never a stack trace.
 */
export class JejakError extends Error {
  reason?: MessageRef;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'JejakError';
  }

  /** Names the exact case: `throw new JejakError('INVALID_INPUT', 'English text').because('intakeError.empty', { name })`. */
  because(key: string, params?: Record<string, string | number>): this {
    this.reason = params ? { key, params } : { key };
    return this;
  }
}

export function isJejakError(e: unknown, code?: ErrorCode): e is JejakError {
  return e instanceof JejakError && (code === undefined || e.code === code);
}

/** What crosses a process boundary: code, message and the reason when known. Unknown errors become INTERNAL. */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (e instanceof JejakError)
    return e.reason ? { code: e.code, message: e.message, reason: e.reason } : { code: e.code, message: e.message };
  return { code: 'INTERNAL', message: 'An unexpected error occurred. Details are in the log.' };
}
