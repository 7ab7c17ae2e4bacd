import type { Role } from './bag-names';
import { bytesEqual, utf8Bytes } from './bytes';
import { startsWithBom } from './checks';
import { type Phrase, say } from './phrases';
import { duplicateKey } from './strict-json';

/** A signed statement, `signatures/<seq>-<role>-<fp16>.json`, exactly as PACKAGE-FORMAT.md shows it. */

export const STATEMENT_FORMAT = 'jejak-signature/2';

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
   * Optional, supervisor statements only, after `covers`: the per-file review. The format allows
   * no other file in signatures/, so the review lives in the decision it belongs to, signed with it.
   */
  review?: ReviewItem[];
}

/** ISO 8601 UTC to the second, as the format shows: 2026-11-28T04:00:00Z. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The one serialization of a statement: fields in the format's order, 2-space indent, LF, one
 * final newline. The writer uses it and the verifier requires it, so a statement has one spelling.
 */
export function serializeStatement(s: Statement): Uint8Array {
  const statement: Statement = {
    format: s.format,
    role: s.role,
    decision: s.decision,
    comment: s.comment,
    signer: { name: s.signer.name, unit: s.signer.unit, id: s.signer.id, fingerprint: s.signer.fingerprint },
    signedAt: s.signedAt,
    bag: { externalIdentifier: s.bag.externalIdentifier, tagmanifestSha256: s.bag.tagmanifestSha256 },
    covers: s.covers,
    ...(s.review ? { review: s.review.map((r) => ({ file: r.file, verdict: r.verdict, comment: r.comment })) } : {}),
  };
  return utf8Bytes(`${JSON.stringify(statement, null, 2)}\n`);
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

/**
 * Parses and checks a statement strictly: UTF-8 without a byte-order mark, no duplicate or unknown
 * key, every field of the right shape, and the bytes exactly as `serializeStatement` writes them. What is
 * shown is all that is signed, and no other reader can see something else in the same bytes.
 */
export function parseStatement(bytes: Uint8Array): Statement | Phrase {
  if (startsWithBom(bytes)) return say('check.statement.bom');
  let text: string;
  let value: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    value = JSON.parse(text);
  } catch {
    return say('check.statement.notJson');
  }
  const twice = duplicateKey(text);
  if (twice !== null) return say('check.statement.keyTwice', { key: JSON.stringify(twice) });
  const shape = shapeProblem(value);
  if (shape) return shape;
  const statement = value as Statement;
  if (!bytesEqual(serializeStatement(statement), bytes)) {
    return say('check.statement.notCanonical');
  }
  return statement;
}

function shapeProblem(value: unknown): Phrase | null {
  if (!isObject(value) || !hasExactKeys(value, TOP, ['review']))
    return say('check.statement.fields', { fields: TOP.join(', ') });
  if (value.format !== STATEMENT_FORMAT) return say('check.statement.format', { format: STATEMENT_FORMAT });
  if (value.role !== 'analyst' && value.role !== 'supervisor') return say('check.statement.role');
  if (value.decision !== 'submitted' && value.decision !== 'approved' && value.decision !== 'returned') {
    return say('check.statement.decision');
  }
  if (typeof value.comment !== 'string') return say('check.statement.comment');
  const { signer, bag, covers, review } = value;
  if (!isObject(signer) || !hasExactKeys(signer, SIGNER) || !allStrings(signer, SIGNER))
    return say('check.statement.signer');
  if (!HEX64.test(signer.fingerprint as string)) return say('check.statement.fingerprint');
  const signedAt = value.signedAt;
  if (
    typeof signedAt !== 'string' ||
    !SIGNED_AT.test(signedAt) ||
    Number.isNaN(Date.parse(signedAt)) ||
    isoSeconds(new Date(signedAt)) !== signedAt
  ) {
    return say('check.statement.signedAt');
  }
  if (!isObject(bag) || !hasExactKeys(bag, BAG) || !allStrings(bag, BAG)) return say('check.statement.bag');
  if (!HEX64.test(bag.tagmanifestSha256 as string)) return say('check.statement.tagmanifest');
  if (!Array.isArray(covers) || !covers.every((c) => typeof c === 'string' && HEX64.test(c)))
    return say('check.statement.covers');
  if (review !== undefined && !isReview(review)) return say('check.statement.review');
  if (review !== undefined && value.role !== 'supervisor') return say('check.statement.reviewRole');
  return null;
}

function isReview(v: unknown): v is ReviewItem[] {
  return (
    Array.isArray(v) &&
    v.every(
      (item) =>
        isObject(item) &&
        hasExactKeys(item, REVIEW_ITEM) &&
        allStrings(item, REVIEW_ITEM) &&
        (item.verdict === 'ok' || item.verdict === 'problem'),
    )
  );
}

/** The role/decision pairs the format allows: the first statement submits, later ones decide. */
export function roleProblem(seq: number, role: Role, decision: Decision): Phrase | null {
  if (seq === 1) return role === 'analyst' && decision === 'submitted' ? null : say('check.roles.first');
  return role === 'supervisor' && (decision === 'approved' || decision === 'returned')
    ? null
    : say('check.roles.later');
}
