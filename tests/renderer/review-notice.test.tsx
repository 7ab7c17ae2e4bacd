import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useI18n } from '../../renderer/i18n';
import { ChecksList } from '../../renderer/features/review/ChecksList';
import { evidenceToReview } from '../../renderer/features/review/review-helpers';
import { reportEvidence } from '../fixtures/report-json';

afterEach(() => {
  cleanup();
  useI18n.getState().setLanguage('id');
});

/** Every package now carries data/notice.json: a JSON payload file the review screen does not show as an item. */
describe('review of a package with data/notice.json', () => {
  it('does not take notice.json, or any other JSON payload file, for evidence', () => {
    const reported = [reportEvidence({ seq: 1, file: 'data/evidence/001-aaaaaaaaaaaa.png', mediaType: 'image/png' })];
    const payload = [
      { file: 'data/report.pdf', mediaType: 'application/pdf' },
      { file: 'data/report.json', mediaType: 'application/json' },
      { file: 'data/channels.csv', mediaType: 'text/csv' },
      { file: 'data/custody.jsonl', mediaType: 'application/jsonl' },
      { file: 'data/notice.json', mediaType: 'application/json' },
      { file: 'data/evidence/001-aaaaaaaaaaaa.png', mediaType: 'image/png' },
    ];
    expect(evidenceToReview(payload, reported).map((i) => i.file)).toEqual(['data/evidence/001-aaaaaaaaaaaa.png']);
  });

  it("names the notice check in the reader's language, with the field that failed", () => {
    const detail = '/items/0/category: must be one of "terrorist-content", "other"';
    const { container } = render(
      <ChecksList
        checks={[
          { id: 'report', ok: true, detail: '', phrases: [] },
          { id: 'notice', ok: false, detail, phrases: [] },
        ]}
      />,
    );
    const notice = container.querySelector('[data-check=notice]')!;
    expect(notice.querySelector('.check-name')!.textContent).toBe('Pemberitahuan (notice.json)');
    expect(notice.textContent).toContain(detail);
  });
});

describe("a check that failed, in the reader's language", () => {
  // as the core says it: /items/0/category: must be one of "terrorist-content", "other"
  const notice = {
    id: 'notice',
    ok: false,
    detail: '/items/0/category: must be one of "terrorist-content", "other"',
    phrases: [
      {
        key: 'check.notice.at',
        params: {
          path: '/items/0/category',
          problem: { key: 'check.notice.oneOf', params: { values: '"terrorist-content", "other"' } },
        },
      },
    ],
  };
  const detailOf = (container: HTMLElement) =>
    container.querySelector('[data-check=notice] .check-detail')!.textContent;

  it('is said in Bahasa Indonesia, the values kept as they are', () => {
    const { container } = render(<ChecksList checks={[notice]} />);
    expect(detailOf(container)).toBe('notice — /items/0/category: harus salah satu dari "terrorist-content", "other"');
  });

  it('and in English word for word as the core said it', () => {
    useI18n.getState().setLanguage('en');
    const { container } = render(<ChecksList checks={[notice]} />);
    expect(detailOf(container)).toBe(`notice — ${notice.detail}`);
  });

  it('falls back to the English detail for a check without phrases (from an older Jejak)', () => {
    const { container } = render(<ChecksList checks={[{ ...notice, phrases: [] }]} />);
    expect(detailOf(container)).toBe(`notice — ${notice.detail}`);
  });
});
