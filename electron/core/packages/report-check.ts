import { REPORT_FORMAT } from '../../common/report-json';
import { TurnBudget } from '../in-turns';
import { readJsonLists } from '../json-lists-in-pieces';
import { parseEvidencePath } from './bag-names';
import { REPORT_LISTS, type ReportListName, ReportSchemaCheck } from './report-schema-check';
import { type Phrase, say } from './phrases';

/**
 * data/report.json against its schema (electron/common/report-json.ts) and the bag: the same case,
 * the same analyst, and exactly the evidence files in the payload with the same hashes and sizes.
 * The writer runs this before it signs, the verifier after, so what a reader sees in the report is
 * what the bag holds. The verifier checks the report it holds whole (reportProblems); the writer its
 * report.json's text, an entry at a time as it is read (reportTextProblems).
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

/** report.json, held whole, against its schema and the bag. */
export async function reportProblems(raw: unknown, ctx: ReportContext): Promise<Phrase[]> {
  if (!isObject(raw) || raw.format !== REPORT_FORMAT) return [say('check.report.format')];
  const check = new ReportCheck(ctx);
  const rest = { ...raw };
  const budget = new TurnBudget(20);
  for (const name of REPORT_LISTS) {
    const list = raw[name];
    if (!Array.isArray(list)) continue;
    rest[name] = [];
    for (const entry of list) {
      check.entry(name, entry);
      await budget.takeIfDue();
    }
  }
  return check.end(rest);
}

/**
 * report.json's text, in pieces, against its schema and the bag: each entry of its lists parsed and
 * checked alone, and let go of. Throws a SyntaxError for a text that is not JSON.
 */
export async function reportTextProblems(pieces: Iterable<string>, ctx: ReportContext): Promise<Phrase[]> {
  const check = new ReportCheck(ctx);
  const rest = await readJsonLists(pieces, REPORT_LISTS, (name, entry) => check.entry(name as ReportListName, entry));
  return check.end(rest);
}

/** The check an entry at a time (`entry`), then the rest of the report (`end`). */
class ReportCheck {
  private readonly schema = new ReportSchemaCheck();
  private readonly seen = new Set<string>();
  /** what the evidence entries read so far say against the bag */
  private readonly itemProblems: Phrase[] = [];
  private items = 0;

  constructor(private readonly ctx: ReportContext) {}

  entry(name: ReportListName, raw: unknown): void {
    const item = this.schema.entry(name, raw);
    if (name !== 'evidence') return;
    const number = ++this.items;
    // (an entry the schema refuses fails the report on that alone)
    if (!item || !('file' in item)) return;
    const facts = this.ctx.evidence.get(item.file);
    if (!facts) {
      this.itemProblems.push(say('check.report.unknownFile', { item: number }));
      return;
    }
    if (this.seen.has(item.file)) this.itemProblems.push(say('check.report.twice', { file: item.file }));
    this.seen.add(item.file);
    const mismatched = [
      item.seq !== parseEvidencePath(item.file.slice(5))?.seq && 'seq',
      facts.sha256 !== undefined && item.sha256 !== facts.sha256 && 'sha256',
      facts.sha512 !== undefined && item.sha512 !== facts.sha512 && 'sha512',
      item.size !== facts.size && 'size',
    ].filter(Boolean);
    if (mismatched.length > 0)
      this.itemProblems.push(say('check.report.differs', { fields: mismatched.join(', '), file: item.file }));
  }

  /** `rest`: the report but for the lists given to `entry`, each left empty there. */
  end(rest: unknown): Phrase[] {
    if (!isObject(rest) || rest.format !== REPORT_FORMAT) return [say('check.report.format')];
    const { top, issues } = this.schema.end(rest);
    if (issues) return issues.map((field) => say('check.report.schema', { field }));
    const problems: Phrase[] = [];
    if (top.case.reference !== this.ctx.externalIdentifier) {
      problems.push(say('check.report.reference', { reference: JSON.stringify(this.ctx.externalIdentifier ?? '') }));
    }
    if (this.ctx.analystFingerprint !== undefined && top.analyst.fingerprint !== this.ctx.analystFingerprint) {
      problems.push(say('check.report.analyst'));
    }
    problems.push(...this.itemProblems);
    for (const file of this.ctx.evidence.keys())
      if (!this.seen.has(file)) problems.push(say('check.report.unlisted', { file }));
    return problems;
  }
}
