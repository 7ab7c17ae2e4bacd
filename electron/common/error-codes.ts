/**
 * Every failure a user can cause or meet carries one of these stable codes: the core throws them
 * (JejakError), the IPC envelope carries them, the renderer and the CLI map them to a translated
 * message and an exit code. A screen that refuses something before asking the core uses them too,
 * with a reason key for the exact case.
 */
export const ERROR_CODES = [
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_CODE',
  'WRONG_ESCROW_KEY',
  /** an age-encrypted package none of the given identities is a recipient of */
  'WRONG_AGE_KEY',
  'LOCKED',
  'NO_VAULT',
  'VAULT_EXISTS',
  'VAULT_FROM_FUTURE',
  'VAULT_CORRUPT',
  /** vault.json fails its MAC or its bounds: edited, damaged or from another vault (exit 2) */
  'VAULT_ALTERED',
  /** vault.json is older than the database it sits beside: a restored copy (exit 1) */
  'VAULT_ROLLED_BACK',
  /** a key rotation is running, or another process holds the vault a rotation needs alone */
  'VAULT_BUSY',
  'WEAK_PASSPHRASE',
  'INVALID_INPUT',
  /** a case status step the status machine does not allow from where the case is */
  'ILLEGAL_STEP',
  'NOT_FOUND',
  'DUPLICATE',
  'INTEGRITY',
  /** a supervisor deciding on a package their own key already signed */
  'SELF_REVIEW',
  /** a vault created without a signing identity where the policy does not allow it */
  'IDENTITY_REQUIRED',
  /** a decision to sign lacks what signing deliberately needs (items marked, a reason) */
  'REVIEW_INCOMPLETE',
  /** a package received as a decision that carries none (only the analyst's statement) */
  'NOT_A_DECISION',
  /** a decision on a package another vault exported */
  'OTHER_VAULT',
  /** a package offered to the unit catalog whose last statement is not a supervisor's approval (returned) */
  'NOT_APPROVED',
  /** a unit-only operation in a vault whose role is not unit */
  'NOT_A_UNIT_VAULT',
  /** a decision on another case's export than the case it was given to */
  'OTHER_CASE',
  /** a decision on an earlier export of the case, not its latest */
  'OLDER_EXPORT',
  /** a platform's response file that is JSON but not a valid jejak-response/1 */
  'RESPONSE_INVALID',
  /** a response that quotes another notice than the case's */
  'OTHER_NOTICE',
  /** a response that answers items the case's latest notice does not list */
  'UNKNOWN_ITEM',
  /** valid, but signed by someone outside the trust roster in the role they signed in (exit 3) */
  'UNTRUSTED',
  'UNREADABLE',
  'CANCELLED',
  /** the machine policy forbids this: a folder it does not allow, a setting it fixes, a plain export (exit 1) */
  'POLICY',
  /** the machine policy file itself is not valid JSON or breaks its schema: nothing runs on defaults (exit 2) */
  'POLICY_INVALID',
  'FORBIDDEN',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The exact case behind a failure, as a translation key and the values it needs: the window and
 * the CLI say it in the user's language, the English message stays for logs and as a fallback.
 */
export interface MessageRef {
  key: string;
  params?: Record<string, string | number>;
}

/** A failure as it crosses a process boundary (IPC, the web harness): never a stack trace. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  /** the exact case as a translation key and its values (see JejakError.because) */
  reason?: MessageRef;
}
