import { REPORT_MAX_ROWS, reportListEntrySchemas, reportSchema, type ReportData } from '../../common/report-json';
import { TurnBudget } from '../in-turns';

/** Issues past these are not looked for: a reader is shown ten at most. */
const ISSUES_WANTED = 10;

/**
 * A report against its schema, as `reportSchema.safeParse` checks it, made with a turn of the event
 * loop whenever the thread has been held 20 ms: the report with its two lists emptied, each list's
 * length, then each entry against its own schema. At 10,000 items the whole report in one call held
 * the writer's and the verifier's thread 92 ms. Gives the report as the schema reads it, or the path
 * of each issue ("case.title", "evidence.12.sha256"), the first ten.
 */
export async function reportSchemaInTurns(
  raw: Record<string, unknown>,
): Promise<{ report: ReportData; issues?: never } | { issues: string[]; report?: never }> {
  const { channels, evidence } = raw;
  if (!Array.isArray(channels) || !Array.isArray(evidence)) return whole(raw);
  const top = reportSchema.safeParse({ ...raw, channels: [], evidence: [] });
  const issues = top.success ? [] : top.error.issues.map((i) => i.path.join('.'));
  const budget = new TurnBudget(20);
  const lists: Record<keyof typeof reportListEntrySchemas, unknown[]> = { channels, evidence };
  const read: typeof lists = { channels: [], evidence: [] };
  for (const name of ['channels', 'evidence'] as const) {
    if (lists[name].length > REPORT_MAX_ROWS) issues.push(name);
    for (const [index, entry] of lists[name].entries()) {
      if (issues.length >= ISSUES_WANTED) break;
      const parsed = reportListEntrySchemas[name].safeParse(entry);
      if (parsed.success) read[name].push(parsed.data);
      else issues.push(...parsed.error.issues.map((i) => [name, index, ...i.path].join('.')));
      await budget.takeIfDue();
    }
  }
  // (a failed top always has issues; tested first so that TypeScript knows top.data below)
  if (!top.success || issues.length > 0) return { issues: issues.slice(0, ISSUES_WANTED) };
  return { report: { ...top.data, ...read } as ReportData };
}

function whole(raw: unknown): { report: ReportData } | { issues: string[] } {
  const parsed = reportSchema.safeParse(raw);
  if (parsed.success) return { report: parsed.data };
  return { issues: parsed.error.issues.slice(0, ISSUES_WANTED).map((i) => i.path.join('.')) };
}
