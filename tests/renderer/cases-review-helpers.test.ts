import { describe, expect, it } from 'vitest';
import { readReport } from '../../electron/common/report-json';
import { errorText, translate } from '../../renderer/i18n';
import { reportEvidence, reportJson } from '../fixtures/report-json';
import {
  decisionBlocker,
  earlierComments,
  evidenceToReview,
  orderChecks,
  reviewItems,
} from '../../renderer/features/review/review-helpers';

describe('orderChecks', () => {
  it('puts failing checks first and keeps the run order within each group', () => {
    const checks = [
      { id: 'a', ok: true, detail: '' },
      { id: 'b', ok: false, detail: '' },
      { id: 'c', ok: true, detail: '' },
      { id: 'd', ok: false, detail: '' },
    ];
    expect(orderChecks(checks).map((c) => c.id)).toEqual(['b', 'd', 'a', 'c']);
  });
});

describe('evidenceToReview', () => {
  const reported = [
    reportEvidence({ seq: 1, file: 'data/evidence/001-aaaaaaaaaaaa.png', mediaType: 'image/png', notes: 'satu' }),
    reportEvidence({ seq: 2, file: 'data/evidence/002-bbbbbbbbbbbb.bin', mediaType: 'image/webp' }),
  ];

  it('lists only evidence payload, joined with what the report says of each file', () => {
    const items = evidenceToReview(
      [
        { file: 'data/report.pdf', mediaType: 'application/pdf' },
        { file: 'data/evidence/001-aaaaaaaaaaaa.png', mediaType: 'image/png' },
        { file: 'data/evidence/002-bbbbbbbbbbbb.bin', mediaType: 'application/octet-stream' },
        { file: 'data/evidence/003-cccccccccccc.mp4', mediaType: 'video/mp4' },
      ],
      reported,
    );
    expect(items.map((i) => [i.file, i.mediaType, i.isImage, i.facts?.notes ?? null])).toEqual([
      ['data/evidence/001-aaaaaaaaaaaa.png', 'image/png', true, 'satu'],
      ['data/evidence/002-bbbbbbbbbbbb.bin', 'image/webp', true, ''],
      ['data/evidence/003-cccccccccccc.mp4', 'video/mp4', false, null],
    ]);
  });

  it('never draws a type outside the renderable images', () => {
    const [item] = evidenceToReview(
      [{ file: 'data/evidence/001-a.svg', mediaType: 'application/octet-stream' }],
      [{ ...reported[0]!, file: 'data/evidence/001-a.svg', mediaType: 'image/svg+xml' }],
    );
    expect(item!.isImage).toBe(false);
  });
});

describe('earlierComments', () => {
  it('gathers what each statement said of each file, oldest first', () => {
    const statements = [
      { file: 's1', role: 'analyst', decision: 'submitted', signer: { name: 'A' }, signedAt: '1', review: [] },
      {
        file: 's2',
        role: 'supervisor',
        decision: 'returned',
        signer: { name: 'S' },
        signedAt: '2',
        review: [{ file: 'f1', verdict: 'problem' as const, comment: 'blur' }],
      },
      {
        file: 's3',
        role: 'supervisor',
        decision: 'approved',
        signer: { name: 'T' },
        signedAt: '3',
        review: [{ file: 'f1', verdict: 'ok' as const, comment: '' }],
      },
    ];
    const byFile = earlierComments(statements);
    expect(byFile.get('f1')!.map((c) => [c.signer, c.decision, c.verdict, c.comment])).toEqual([
      ['S', 'returned', 'problem', 'blur'],
      ['T', 'approved', 'ok', ''],
    ]);
    expect(byFile.has('f2')).toBe(false);
  });
});

describe('reviewItems', () => {
  it('signs only marked files, with trimmed comments, in a stable order', () => {
    expect(
      reviewItems({
        'data/evidence/002.png': { verdict: 'ok', comment: '  ' },
        'data/evidence/001.png': { verdict: 'problem', comment: ' buram ' },
        'data/evidence/003.png': { verdict: null, comment: 'tidak ditandai' },
      }),
    ).toEqual([
      { file: 'data/evidence/001.png', verdict: 'problem', comment: 'buram' },
      { file: 'data/evidence/002.png', verdict: 'ok', comment: '' },
    ]);
  });
});

describe('decisionBlocker', () => {
  it('names the most fundamental reason a decision cannot be signed', () => {
    expect(decisionBlocker('invalid', { complete: true, role: 'supervisor' })).toBe('invalid');
    expect(decisionBlocker('valid-trusted', null)).toBe('identity');
    expect(decisionBlocker('valid-trusted', { complete: false, role: 'supervisor' })).toBe('identity');
    expect(decisionBlocker('valid-untrusted', { complete: true, role: 'analyst' })).toBe('role');
    expect(decisionBlocker('valid-untrusted', { complete: true, role: 'supervisor' })).toBeNull();
  });

  it("refuses before any click a package this vault's own key already signed", () => {
    const me = { complete: true, role: 'supervisor', fingerprint: 'ab'.repeat(32) };
    expect(decisionBlocker('valid-trusted', me, [{ signer: { fingerprint: 'ab'.repeat(32) } }])).toBe('self');
    expect(decisionBlocker('valid-trusted', me, [{ signer: { fingerprint: 'cd'.repeat(32) } }])).toBeNull();
    expect(decisionBlocker('invalid', me, [{ signer: { fingerprint: 'ab'.repeat(32) } }])).toBe('invalid');
    // and if the core refuses it anyway, the reason reads in the user's language
    const error = { code: 'SELF_REVIEW', message: 'This package is already signed with your key…' };
    expect(errorText((key, vars) => translate('id', key, vars), error)).toContain(
      'sudah ditandatangani dengan kunci Anda',
    );
    expect(errorText((key, vars) => translate('en', key, vars), error)).toContain('already signed with your key');
  });
});

describe('readReport', () => {
  it('refuses anything that is not jejak-report/1', () => {
    expect(readReport(null)).toBeNull();
    expect(readReport('jejak-report/1')).toBeNull();
    expect(readReport({ format: 'jejak-report/2' })).toBeNull();
  });

  it('reads a report as the export writes it', () => {
    const written = reportJson();
    expect(readReport(JSON.parse(JSON.stringify(written)))).toEqual(written);
  });

  it('shows nothing of a report whose fields are not of their type (the verifier fails its report check)', () => {
    expect(readReport({ ...reportJson(), unit: { toString: 'x' } })).toBeNull();
    expect(readReport({ ...reportJson(), analyst: 'nobody' })).toBeNull();
    expect(readReport({ ...reportJson(), channels: { length: 3 } })).toBeNull();
    expect(readReport({ ...reportJson(), evidence: [null, 'x'] })).toBeNull();
    expect(readReport({ ...reportJson(), evidence: [{ ...reportEvidence(), size: 'big' }] })).toBeNull();
  });
});
