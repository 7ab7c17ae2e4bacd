import { parseEvidencePath } from './bag-names';

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

export function reportProblems(report: unknown, ctx: ReportContext): string[] {
  if (!isObject(report) || report.format !== 'jejak-report/1') return ['report.json is not a "jejak-report/1" object'];
  const problems: string[] = [];
  const kase = report.case;
  if (!isObject(kase) || kase.reference !== ctx.externalIdentifier) {
    problems.push(
      `report.json's case reference is not the External-Identifier ${JSON.stringify(ctx.externalIdentifier ?? '')}`,
    );
  }
  const analyst = report.analyst;
  if (ctx.analystFingerprint !== undefined && (!isObject(analyst) || analyst.fingerprint !== ctx.analystFingerprint)) {
    problems.push("report.json's analyst is not the analyst who signed the first statement");
  }
  if (!Array.isArray(report.evidence)) return [...problems, 'report.json has no evidence list'];
  const seen = new Set<string>();
  report.evidence.forEach((item: unknown, i) => {
    const file = isObject(item) && typeof item.file === 'string' ? item.file : undefined;
    const facts = file === undefined ? undefined : ctx.evidence.get(file);
    if (!isObject(item) || file === undefined || !facts) {
      problems.push(`report.json evidence ${i + 1} names no evidence file of the bag`);
      return;
    }
    if (seen.has(file)) problems.push(`report.json lists ${file} twice`);
    seen.add(file);
    const mismatched = [
      item.seq !== parseEvidencePath(file.slice(5))?.seq && 'seq',
      facts.sha256 !== undefined && item.sha256 !== facts.sha256 && 'sha256',
      facts.sha512 !== undefined && item.sha512 !== facts.sha512 && 'sha512',
      item.size !== facts.size && 'size',
    ].filter(Boolean);
    if (mismatched.length > 0) problems.push(`report.json's ${mismatched.join(', ')} for ${file} differ from the file`);
  });
  for (const file of ctx.evidence.keys()) if (!seen.has(file)) problems.push(`report.json does not list ${file}`);
  return problems;
}
