import {
  REPORT_MAX_ROWS,
  reportListEntrySchemas,
  reportSchema,
  type ReportChannel,
  type ReportData,
  type ReportEvidence,
} from '../../common/report-json';

/** Issues past these are not looked for: a reader is shown ten at most. */
const ISSUES_WANTED = 10;

/** The report's two long lists, checked entry by entry. */
export const REPORT_LISTS = ['channels', 'evidence'] as const;
export type ReportListName = (typeof REPORT_LISTS)[number];
type ReportEntry<N extends ReportListName> = N extends 'channels' ? ReportChannel : ReportEvidence;

/**
 * A report against its schema, as `reportSchema.safeParse` checks it whole, an entry of its two long
 * lists at a time (`entry`) and then the rest (`end`), so that neither the whole report nor its
 * checked copy need be held (the export reads its report.json's lists an entry at a time), and a
 * caller may take turns between entries: at 10,000 items the whole report in one call held the
 * writer's and the verifier's thread 92 ms. The issues are the schema's paths ("case.title",
 * "evidence.12.sha256"), the first ten, in the whole schema's order: the rest's, then each list's.
 */
export class ReportSchemaCheck {
  private readonly entryIssues: Record<ReportListName, string[]> = { channels: [], evidence: [] };
  private readonly counts: Record<ReportListName, number> = { channels: 0, evidence: 0 };
  private issues = 0;

  /** The next entry of a list as the schema reads it, or undefined where it has issues (or ten were found). */
  entry<N extends ReportListName>(name: N, raw: unknown): ReportEntry<N> | undefined {
    const index = this.counts[name]++;
    if (this.issues >= ISSUES_WANTED) return undefined;
    const parsed = reportListEntrySchemas[name].safeParse(raw);
    if (parsed.success) return parsed.data as ReportEntry<N>;
    const found = parsed.error.issues.map((i) => [name, index, ...i.path].join('.'));
    this.entryIssues[name].push(...found);
    this.issues += found.length;
    return undefined;
  }

  /**
   * The report but for the lists read by `entry`, each left empty there (a list that is not one is
   * left as it is, for the schema to refuse): its parts outside the lists, or the issues of the whole.
   */
  end(rest: Record<string, unknown>): { top: ReportData; issues?: never } | { issues: string[]; top?: never } {
    const top = reportSchema.safeParse(rest);
    const issues = top.success ? [] : top.error.issues.map((i) => i.path.join('.'));
    for (const name of REPORT_LISTS) {
      if (this.counts[name] > REPORT_MAX_ROWS) issues.push(name);
      issues.push(...this.entryIssues[name]);
    }
    // (a failed top always has issues; tested first so that TypeScript knows top.data below)
    if (!top.success || issues.length > 0) return { issues: issues.slice(0, ISSUES_WANTED) };
    return { top: top.data };
  }
}
