import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChecksList } from '../../renderer/features/review/ChecksList';
import { evidenceToReview } from '../../renderer/features/review/review-helpers';
import { reportEvidence } from '../fixtures/report-json';

afterEach(cleanup);

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
          { id: 'report', ok: true, detail: '' },
          { id: 'notice', ok: false, detail },
        ]}
      />,
    );
    const notice = container.querySelector('[data-check=notice]')!;
    expect(notice.querySelector('.check-name')!.textContent).toBe('Pemberitahuan (notice.json)');
    expect(notice.textContent).toContain(detail);
  });
});
