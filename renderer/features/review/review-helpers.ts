/** Pure helpers for the Review area: check order, the evidence to review, earlier comments per file. */
import type { ReportEvidence } from '../../../electron/common/report-json';

export interface CheckLike {
  id: string;
  ok: boolean;
  detail: string;
}

/** Failing checks first (in the order they ran), then the passing ones. */
export function orderChecks<T extends CheckLike>(checks: readonly T[]): T[] {
  return [...checks.filter((c) => !c.ok), ...checks.filter((c) => c.ok)];
}

export const EVIDENCE_PREFIX = 'data/evidence/';

/** Only these are drawn; the window asks the core for them, which sniffs the bytes again before serving. */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);

export interface ReviewEvidence {
  file: string;
  /** the type the core gave by extension; the report's sniffed type when the core has none */
  mediaType: string;
  isImage: boolean;
  /** what the report says about the file; null when the report does not list it */
  facts: ReportEvidence | null;
}

/**
 * Every payload file under data/evidence/, in the package's order, with what the report says of it.
 * Files the report names but the package lacks are not invented: the bag checks already flag them.
 */
export function evidenceToReview(
  payload: ReadonlyArray<{ file: string; mediaType: string }>,
  reported: readonly ReportEvidence[],
): ReviewEvidence[] {
  const byFile = new Map(reported.map((e) => [e.file, e]));
  return payload
    .filter((p) => p.file.startsWith(EVIDENCE_PREFIX))
    .map((p) => {
      const facts = byFile.get(p.file) ?? null;
      const mediaType = p.mediaType !== 'application/octet-stream' ? p.mediaType : facts?.mediaType || p.mediaType;
      return { file: p.file, mediaType, isImage: IMAGE_TYPES.has(mediaType), facts };
    });
}

export interface StatementLike {
  file: string;
  role: string;
  decision: string;
  signer: { name: string };
  signedAt: string;
  review: ReadonlyArray<{ file: string; verdict: 'ok' | 'problem'; comment: string }>;
}

export interface EarlierComment {
  statement: string;
  signer: string;
  role: string;
  decision: string;
  signedAt: string;
  verdict: 'ok' | 'problem';
  comment: string;
}

/** Per payload file, what every earlier statement said of it, oldest first. */
export function earlierComments(statements: readonly StatementLike[]): Map<string, EarlierComment[]> {
  const out = new Map<string, EarlierComment[]>();
  for (const s of statements) {
    for (const item of s.review) {
      const entry = {
        statement: s.file,
        signer: s.signer.name,
        role: s.role,
        decision: s.decision,
        signedAt: s.signedAt,
        verdict: item.verdict,
        comment: item.comment,
      };
      out.set(item.file, [...(out.get(item.file) ?? []), entry]);
    }
  }
  return out;
}

export interface ItemReview {
  verdict: 'ok' | 'problem' | null;
  comment: string;
}

/** The per-file review to sign: every file the supervisor marked, with its comment trimmed. */
export function reviewItems(
  marks: Readonly<Record<string, ItemReview>>,
): Array<{ file: string; verdict: 'ok' | 'problem'; comment: string }> {
  return Object.entries(marks)
    .filter((entry): entry is [string, ItemReview & { verdict: 'ok' | 'problem' }] => entry[1].verdict !== null)
    .map(([file, m]) => ({ file, verdict: m.verdict, comment: m.comment.trim() }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

export type DecisionBlocker = 'invalid' | 'identity' | 'role' | 'self';

/**
 * Why approve/return cannot be used right now, most fundamental first; null when they can. 'self':
 * this vault's key already signed the package (the core refuses it too; this says so before a click).
 */
export function decisionBlocker(
  verdict: string,
  identity: { complete: boolean; role: string; fingerprint?: string } | null,
  signers: ReadonlyArray<{ signer: { fingerprint: string } }> = [],
): DecisionBlocker | null {
  if (verdict === 'invalid') return 'invalid';
  if (!identity || !identity.complete) return 'identity';
  if (identity.role !== 'supervisor') return 'role';
  if (signers.some((s) => s.signer.fingerprint === identity.fingerprint)) return 'self';
  return null;
}
