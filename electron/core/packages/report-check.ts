import { parseEvidencePath } from './bag-names';
import { type Phrase, say } from './phrases';

/**
 * data/report.json against the bag: the same case, the same analyst, and exactly the evidence files
 * in the payload with the same hashes and sizes. The writer runs this before it signs, the verifier
 * after, so what a reader sees in the report is what the bag holds.
 */

export interface EvidenceFacts {
  sha256?: string;
  sha512?: string;
  size: number;
}

export interface ReportContext {
  externalIdentifier?: string;
  analystFingerprint?: string;
  /** bag path (data/evidence/…) → facts */
  evidence: Map<string, EvidenceFacts>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function reportProblems(report: unknown, ctx: ReportContext): Phrase[] {
  if (!isObject(report) || report.format !== 'jejak-report/1') return [say('check.report.format')];
  const problems: Phrase[] = [];
  const kase = report.case;
  if (!isObject(kase) || kase.reference !== ctx.externalIdentifier) {
    problems.push(say('check.report.reference', { reference: JSON.stringify(ctx.externalIdentifier ?? '') }));
  }
  const analyst = report.analyst;
  if (ctx.analystFingerprint !== undefined && (!isObject(analyst) || analyst.fingerprint !== ctx.analystFingerprint)) {
    problems.push(say('check.report.analyst'));
  }
  if (!Array.isArray(report.evidence)) return [...problems, say('check.report.noEvidence')];
  const seen = new Set<string>();
  report.evidence.forEach((item: unknown, i) => {
    const file = isObject(item) && typeof item.file === 'string' ? item.file : undefined;
    const facts = file === undefined ? undefined : ctx.evidence.get(file);
    if (!isObject(item) || file === undefined || !facts) {
      problems.push(say('check.report.unknownFile', { item: i + 1 }));
      return;
    }
    if (seen.has(file)) problems.push(say('check.report.twice', { file }));
    seen.add(file);
    const mismatched = [
      item.seq !== parseEvidencePath(file.slice(5))?.seq && 'seq',
      facts.sha256 !== undefined && item.sha256 !== facts.sha256 && 'sha256',
      facts.sha512 !== undefined && item.sha512 !== facts.sha512 && 'sha512',
      item.size !== facts.size && 'size',
    ].filter(Boolean);
    if (mismatched.length > 0) problems.push(say('check.report.differs', { fields: mismatched.join(', '), file }));
  });
  for (const file of ctx.evidence.keys()) if (!seen.has(file)) problems.push(say('check.report.unlisted', { file }));
  return problems;
}
