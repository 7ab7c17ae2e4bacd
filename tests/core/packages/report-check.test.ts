import { describe, expect, it } from 'vitest';
import { reportProblems } from '../../../electron/core/packages/report-check';
import { reportEvidence, reportJson } from '../../fixtures/report-json';

/** The check the writer runs before it signs and the verifier after: report.json against its schema and the bag. */
describe('reportProblems', () => {
  const evidence = reportEvidence();
  const bag = {
    externalIdentifier: reportJson().case.reference,
    analystFingerprint: reportJson().analyst.fingerprint,
    evidence: new Map([[evidence.file, { sha256: evidence.sha256, sha512: evidence.sha512, size: evidence.size }]]),
  };

  it('finds nothing wrong with a report as the export writes it', async () => {
    expect(await reportProblems(JSON.parse(JSON.stringify(reportJson())), bag)).toEqual([]);
  });

  it('refuses what is not a jejak-report/1', async () => {
    expect(await reportProblems({ ...reportJson(), format: 'jejak-report/2' }, bag)).toEqual([
      { key: 'check.report.format' },
    ]);
  });

  it('refuses a report that does not keep to its schema, even where the bag agrees', async () => {
    const report = reportJson();
    expect(await reportProblems({ ...report, case: { ...report.case, title: 42 } }, bag)).toEqual([
      { key: 'check.report.schema', params: { field: 'case.title' } },
    ]);
    expect(await reportProblems({ ...report, channels: [{ platform: 'telegram' }] }, bag)).not.toEqual([]);
  });

  it('refuses a report that lists other evidence than the bag', async () => {
    expect(await reportProblems(reportJson({ evidence: [] }), bag)).toEqual([
      { key: 'check.report.unlisted', params: { file: evidence.file } },
    ]);
  });
});
