import type { Role } from './bag-names';
import type { Signer } from './signer';

/** A signed statement, `signatures/<seq>-<role>-<fp16>.json`, exactly as PACKAGE-FORMAT.md shows it. */

const STATEMENT_FORMAT = 'jejak-signature/1';

export type Decision = 'submitted' | 'approved' | 'returned';

/** A supervisor's verdict on one file of the bag. */
export interface ReviewItem {
  /** bag path, e.g. "data/evidence/001-0123456789ab.png" */
  file: string;
  verdict: 'ok' | 'problem';
  comment: string;
}

export interface Statement {
  format: typeof STATEMENT_FORMAT;
  role: Role;
  decision: Decision;
  comment: string;
  signer: { name: string; unit: string; id: string; fingerprint: string };
  signedAt: string;
  bag: { externalIdentifier: string; tagmanifestSha256: string };
  covers: string[];
  /**
   * Jejak's addition after `covers`: the per-file review. The format allows no other file in
   * signatures/, so the review lives in the statement it belongs to and is signed with it.
   */
  review?: ReviewItem[];
}

/** ISO 8601 UTC to the second, as the format shows: 2026-11-28T04:00:00Z. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface StatementInput {
  signer: Signer;
  decision: Decision;
  comment: string;
  signedAt: Date;
  externalIdentifier: string;
  tagmanifestSha256: string;
  covers: string[];
  review?: ReviewItem[];
}

/** The statement file's bytes: fields in the format's order, 2-space indent, trailing newline. */
export function statementBytes(input: StatementInput): Buffer {
  const statement: Statement = {
    format: STATEMENT_FORMAT,
    role: input.signer.role,
    decision: input.decision,
    comment: input.comment,
    signer: { name: input.signer.name, unit: input.signer.unit, id: input.signer.id, fingerprint: input.signer.fingerprint },
    signedAt: isoSeconds(input.signedAt),
    bag: { externalIdentifier: input.externalIdentifier, tagmanifestSha256: input.tagmanifestSha256 },
    covers: input.covers,
    ...(input.review ? { review: input.review } : {}),
  };
  return Buffer.from(`${JSON.stringify(statement, null, 2)}\n`, 'utf8');
}

const HEX64 = /^[0-9a-f]{64}$/;
const SIGNED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasExactKeys(v: Json, required: readonly string[], optional: readonly string[] = []): boolean {
  const keys = Object.keys(v);
  return required.every((k) => keys.includes(k)) && keys.every((k) => required.includes(k) || optional.includes(k));
}

function allStrings(v: Json, keys: readonly string[]): boolean {
  return keys.every((k) => typeof v[k] === 'string');
}

const TOP = ['format', 'role', 'decision', 'comment', 'signer', 'signedAt', 'bag', 'covers'] as const;
const SIGNER = ['name', 'unit', 'id', 'fingerprint'] as const;
const BAG = ['externalIdentifier', 'tagmanifestSha256'] as const;
const REVIEW_ITEM = ['file', 'verdict', 'comment'] as const;

/** Parses and shape-checks a statement. Unknown fields are refused: what is shown is all that is signed. */
export function parseStatement(bytes: Buffer): Statement | string {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return 'is not UTF-8 JSON';
  }
  if (!isObject(value) || !hasExactKeys(value, TOP, ['review'])) return `does not have exactly the fields ${TOP.join(', ')} (and review)`;
  if (value.format !== STATEMENT_FORMAT) return `format is not "${STATEMENT_FORMAT}"`;
  if (value.role !== 'analyst' && value.role !== 'supervisor') return 'role is not analyst or supervisor';
  if (value.decision !== 'submitted' && value.decision !== 'approved' && value.decision !== 'returned') {
    return 'decision is not submitted, approved or returned';
  }
  if (typeof value.comment !== 'string') return 'comment is not a string';
  const { signer, bag, covers, review } = value;
  if (!isObject(signer) || !hasExactKeys(signer, SIGNER) || !allStrings(signer, SIGNER)) return 'signer is not {name, unit, id, fingerprint}';
  if (!HEX64.test(signer.fingerprint as string)) return 'signer.fingerprint is not 64 lowercase hex digits';
  const signedAt = value.signedAt;
  if (typeof signedAt !== 'string' || !SIGNED_AT.test(signedAt) || Number.isNaN(Date.parse(signedAt)) || isoSeconds(new Date(signedAt)) !== signedAt) {
    return 'signedAt is not an ISO 8601 UTC time to the second';
  }
  if (!isObject(bag) || !hasExactKeys(bag, BAG) || !allStrings(bag, BAG)) return 'bag is not {externalIdentifier, tagmanifestSha256}';
  if (!HEX64.test(bag.tagmanifestSha256 as string)) return 'bag.tagmanifestSha256 is not 64 lowercase hex digits';
  if (!Array.isArray(covers) || !covers.every((c) => typeof c === 'string' && HEX64.test(c))) return 'covers is not a list of SHA-256 hex digests';
  if (review !== undefined && !isReview(review)) return 'review is not a list of {file, verdict ok|problem, comment}';
  return value as unknown as Statement;
}

function isReview(v: unknown): v is ReviewItem[] {
  return (
    Array.isArray(v) &&
    v.every((item) => isObject(item) && hasExactKeys(item, REVIEW_ITEM) && allStrings(item, REVIEW_ITEM) && (item.verdict === 'ok' || item.verdict === 'problem'))
  );
}

/** The role/decision pairs the format allows: the first statement submits, later ones decide. */
export function roleProblem(seq: number, role: Role, decision: Decision): string | null {
  if (seq === 1) return role === 'analyst' && decision === 'submitted' ? null : 'the first statement must be an analyst submitting';
  return role === 'supervisor' && (decision === 'approved' || decision === 'returned')
    ? null
    : 'a later statement must be a supervisor approving or returning';
}
