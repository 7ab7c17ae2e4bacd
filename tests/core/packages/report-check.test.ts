import { describe, expect, it } from 'vitest';
import { type ReportContext, reportProblems, reportTextProblems } from '../../../electron/core/packages/report-check';
import { reportEvidence, reportJson } from '../../fixtures/report-json';

/** report.json's text in pieces of 7 characters, as the writer reads its own */
const inPieces = (raw: unknown, bag: ReportContext) => {
  const text = JSON.stringify(raw, null, 1);
  return reportTextProblems(
    Array.from({ length: Math.ceil(text.length / 7) }, (_, i) => text.slice(i * 7, i * 7 + 7)),
    bag,
  );
};

/**
 * The check the verifier runs on the report it holds, and the writer on its text as it reads it, before
 * it signs: report.json against its schema and the bag. Both say the same of the same report.
 */
describe.each([
  ['held whole (reportProblems)', reportProblems],
  ['read from its text (reportTextProblems)', inPieces],
])('report.json checked %s', (_label, reportProblems) => {
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

  it('says, in order, where the case and each item differ from the bag', async () => {
    const report = reportJson({
      evidence: [
        { ...evidence, sha512: 'f'.repeat(128), size: evidence.size + 1 },
        { ...evidence, file: 'data/evidence/009-other.png' },
        evidence,
      ],
    });
    expect(await reportProblems({ ...report, case: { ...report.case, reference: 'X/1' } }, bag)).toEqual([
      { key: 'check.report.reference', params: { reference: JSON.stringify(bag.externalIdentifier) } },
      { key: 'check.report.differs', params: { fields: 'sha512, size', file: evidence.file } },
      { key: 'check.report.unknownFile', params: { item: 2 } },
      { key: 'check.report.twice', params: { file: evidence.file } },
    ]);
  });
});

describe('reportProblems', () => {
  it('gives the event loop turns while it checks a long list', async () => {
    const many = Array.from({ length: 60_000 }, (_, i) => reportEvidence({ seq: i + 1 }));
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    try {
      // every item unknown to an empty bag: each is checked against it
      const bag = { externalIdentifier: reportJson().case.reference, evidence: new Map() };
      expect(await reportProblems(reportJson({ evidence: many }), bag)).toHaveLength(60_000);
    } finally {
      clearInterval(ticking);
    }
    expect(turns).toBeGreaterThan(0);
  }, 30_000);
});

describe('reportTextProblems', () => {
  it('refuses a text that is not JSON', async () => {
    const bag = { evidence: new Map() };
    await expect(reportTextProblems(['{"format": "jejak-report/1", "evidence": [1,]}'], bag)).rejects.toThrow(
      SyntaxError,
    );
  });
});
