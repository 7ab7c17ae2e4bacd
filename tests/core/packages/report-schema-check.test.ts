import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../../electron/common/report-json';
import { REPORT_LISTS, ReportSchemaCheck } from '../../../electron/core/packages/report-schema-check';
import { reportChannel, reportEvidence, reportJson } from '../../fixtures/report-json';

/** What the whole schema says in one call: the report as it reads it, or its first ten issues' paths. */
function wholeCheck(raw: unknown) {
  const parsed = reportSchema.safeParse(raw);
  return parsed.success
    ? { report: parsed.data }
    : { issues: parsed.error.issues.slice(0, 10).map((i) => i.path.join('.')) };
}

/** The check entry by entry, as the writer and the verifier make it: the report as it reads it, or the issues. */
function entryByEntry(raw: Record<string, unknown>) {
  const check = new ReportSchemaCheck();
  const rest = { ...raw };
  const read: Record<string, unknown[]> = {};
  for (const name of REPORT_LISTS) {
    const list = raw[name];
    if (!Array.isArray(list)) continue;
    rest[name] = [];
    read[name] = list.map((entry) => check.entry(name, entry));
  }
  const { top, issues } = check.end(rest);
  return issues ? { issues } : { report: { ...top, ...read } };
}

const items = (n: number, patch: (i: number) => object = () => ({})) =>
  Array.from({ length: n }, (_, i) => ({ ...reportEvidence({ seq: i + 1 }), ...patch(i) }));

describe('ReportSchemaCheck (report.json against its schema, entry by entry)', () => {
  const reports: Array<[string, Record<string, unknown>]> = [
    ['a report as the export writes it', reportJson({ channels: [reportChannel()], evidence: items(300) })],
    [
      'with keys the schema does not know, left out',
      { ...reportJson(), extra: 1, evidence: items(3, () => ({ x: 2 })) },
    ],
    ['a wrong field at the top', { ...reportJson(), language: 'fr' }],
    ['a wrong field in the case', { ...reportJson(), case: { ...reportJson().case, title: 42 } }],
    [
      'a wrong first and last item',
      { ...reportJson(), evidence: items(200, (i) => (i % 199 === 0 ? { size: 'x' } : {})) },
    ],
    [
      'a wrong channel and item',
      { ...reportJson(), channels: [{ platform: 1 }], evidence: items(2, () => ({ sha256: null })) },
    ],
    ['items that are not objects', { ...reportJson(), evidence: [null, 'x', 3, []] }],
    ['lists that are not lists', { ...reportJson(), evidence: 'none', channels: {} }],
    ['more than ten issues', { ...reportJson(), evidence: items(40, () => ({ seq: 'x' })) }],
  ];

  it.each(reports)('says what the whole schema says: %s', (_label, raw) => {
    expect(entryByEntry(raw)).toEqual(wholeCheck(raw));
  });

  it('refuses a list longer than a package may hold entries, as the whole schema does', () => {
    const raw = { ...reportJson(), evidence: items(100_001) };
    expect(entryByEntry(raw)).toEqual({ issues: ['evidence'] });
    expect(wholeCheck(raw)).toEqual({ issues: ['evidence'] });
  }, 30_000);
});
