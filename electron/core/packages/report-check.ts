import { REPORT_FORMAT } from '../../common/report-json';
import { TurnBudget } from '../in-turns';
import { parseEvidencePath } from './bag-names';
import { reportSchemaInTurns } from './report-schema-in-turns';
import { type Phrase, say } from './phrases';

/**
 * data/report.json against its schema (electron/common/report-json.ts) and the bag: the same case,
 * the same analyst, and exactly the evidence files in the payload with the same hashes and sizes.
 * The writer runs this before it signs, the verifier after, so what a reader sees in the report is
 * what the bag holds.
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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function reportProblems(raw: unknown, ctx: ReportContext): Promise<Phrase[]> {
  if (!isObject(raw) || raw.format !== REPORT_FORMAT) return [say('check.report.format')];
  const { report, issues } = await reportSchemaInTurns(raw);
  if (issues) return issues.map((field) => say('check.report.schema', { field }));
  const problems: Phrase[] = [];
  if (report.case.reference !== ctx.externalIdentifier) {
    problems.push(say('check.report.reference', { reference: JSON.stringify(ctx.externalIdentifier ?? '') }));
  }
  if (ctx.analystFingerprint !== undefined && report.analyst.fingerprint !== ctx.analystFingerprint) {
    problems.push(say('check.report.analyst'));
  }
  const seen = new Set<string>();
  // in turns: at 20,000 items this loop alone held the thread 33 ms
  const budget = new TurnBudget(20);
  for (const [i, item] of report.evidence.entries()) {
    if (budget.due()) await budget.take();
    const facts = ctx.evidence.get(item.file);
    if (!facts) {
      problems.push(say('check.report.unknownFile', { item: i + 1 }));
      continue;
    }
    if (seen.has(item.file)) problems.push(say('check.report.twice', { file: item.file }));
    seen.add(item.file);
    const mismatched = [
      item.seq !== parseEvidencePath(item.file.slice(5))?.seq && 'seq',
      facts.sha256 !== undefined && item.sha256 !== facts.sha256 && 'sha256',
      facts.sha512 !== undefined && item.sha512 !== facts.sha512 && 'sha512',
      item.size !== facts.size && 'size',
    ].filter(Boolean);
    if (mismatched.length > 0)
      problems.push(say('check.report.differs', { fields: mismatched.join(', '), file: item.file }));
  }
  for (const file of ctx.evidence.keys()) if (!seen.has(file)) problems.push(say('check.report.unlisted', { file }));
  return problems;
}
