import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceItem } from '../../renderer/features/review/EvidenceItem';
import { ReportSummary } from '../../renderer/features/review/ReportSummary';
import { VerdictBanner } from '../../renderer/features/review/VerdictBanner';
import { evidenceToReview } from '../../renderer/features/review/review-helpers';
import type { OpenedPackage } from '../../renderer/features/review/review-store';
import { reportChannel, reportEvidence, reportJson } from '../fixtures/report-json';

const HOSTILE = '<img src=x onerror="alert(1)"><b>tebal</b>';

afterEach(cleanup);

/** A package comes from outside: whatever it says is shown as text, never as markup. */
describe('review screens render package text as text', () => {
  const written = reportJson();
  const report = reportJson({
    unit: HOSTILE,
    case: { ...written.case, reference: 'JJK/1', title: HOSTILE, notes: HOSTILE, legalBasis: HOSTILE },
    analyst: { ...written.analyst, name: HOSTILE },
    channels: [reportChannel({ title: HOSTILE, canonicalUrl: 'javascript:alert(1)' })],
    evidence: [
      reportEvidence({
        file: 'data/evidence/001-aaaaaaaaaaaa.mp4',
        notes: HOSTILE,
        sourceUrl: HOSTILE,
        mediaType: 'video/mp4',
      }),
    ],
  });

  it('in the report summary', () => {
    const { container } = render(<ReportSummary report={report} />);
    expect(container.querySelector('img, b, a[href]')).toBeNull();
    expect(container.textContent).toContain(HOSTILE);
  });

  it('in an evidence item, which shows a typed tile for a video', () => {
    const [item] = evidenceToReview(
      [{ file: 'data/evidence/001-aaaaaaaaaaaa.mp4', mediaType: 'video/mp4' }],
      report.evidence,
    );
    const { container } = render(
      <EvidenceItem
        imageUrl="/package/r1/data/evidence/001-aaaaaaaaaaaa.mp4"
        item={item!}
        earlier={[
          {
            statement: 's',
            signer: HOSTILE,
            role: 'supervisor',
            decision: 'returned',
            signedAt: '',
            verdict: 'problem',
            comment: HOSTILE,
          },
        ]}
        mark={{ verdict: null, comment: '' }}
        editable
        onMark={() => undefined}
      />,
    );
    expect(container.querySelector('img, b, video')).toBeNull();
    expect(container.querySelector('[role=img]')?.textContent).toContain('Video');
    expect(container.textContent).toContain(HOSTILE);
  });

  it('in the verdict, which names every failing check', () => {
    const pkg: OpenedPackage = {
      reviewId: 'r1',
      fileName: HOSTILE,
      encrypted: false,
      verdict: 'invalid',
      checks: [
        { id: 'zip-structure', ok: true, detail: '', phrases: [] },
        { id: 'manifest-sha256', ok: false, detail: HOSTILE, phrases: [] },
        { id: 'signatures-ed25519', ok: false, detail: '', phrases: [] },
      ],
      trustDetail: HOSTILE,
      trustPhrases: [],
      statements: [],
      timestamps: [],
      bagInfo: {},
      tagmanifestSha256: '',
      report: null,
      payload: [],
    };
    const { getByTestId, container } = render(<VerdictBanner pkg={pkg} />);
    expect(getByTestId('verdict').dataset.verdict).toBe('invalid');
    expect(getByTestId('failing-checks').textContent).toBe('Gagal (2): Hash SHA-256 berkas isi, Tanda tangan Ed25519');
    expect(container.querySelector('img, b')).toBeNull();
  });
});
