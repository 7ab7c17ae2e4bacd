import { useMemo, useState } from 'react';
import { platformLabel } from '../../components/labels';
import { textOr, useT } from '../../i18n';
import { ROW_STATES, type RowState, firstLineByKey, reasonCode, visibleRows } from './import-rows';
import type { ImportPreview, ImportRow } from './import-store';

const SHOWN = 1000;

function Detail({
  row,
  firstLines,
  onOpenChannel,
}: {
  row: ImportRow;
  firstLines: Map<string, number>;
  onOpenChannel(id: number): void;
}) {
  const t = useT();
  switch (row.state) {
    case 'new':
      return (
        <>
          <span className="badge">{platformLabel(t, row.platform ?? '')}</span>{' '}
          <span className="mono small">{row.canonicalUrl}</span>
        </>
      );
    case 'existing':
      return (
        <>
          {t('import.existingAs')}{' '}
          <button type="button" className="button-link" onClick={() => row.existingId && onOpenChannel(row.existingId)}>
            #{row.existingId}
          </button>{' '}
          <span className="mono small">{row.canonicalUrl}</span>
        </>
      );
    case 'repeated': {
      const line = row.key ? firstLines.get(row.key) : undefined;
      return <>{line ? t('import.repeatedOf', { line }) : (row.reason ?? t('import.state.repeated'))}</>;
    }
    case 'invalid': {
      const code = reasonCode(row);
      return (
        <span className="import-reason">{code ? textOr(t, `linkError.${code}`, row.reason ?? '') : row.reason}</span>
      );
    }
  }
}

/** Counts per state (each a filter) and the rows, the ones that need a look first. */
export function ImportPreviewTable({
  preview,
  sourceText,
  onOpenChannel,
}: {
  preview: ImportPreview;
  sourceText: string;
  onOpenChannel(id: number): void;
}) {
  const t = useT();
  const [state, setState] = useState<RowState | 'all'>('all');
  const firstLines = useMemo(() => firstLineByKey(preview.rows), [preview.rows]);
  const rows = useMemo(() => visibleRows(preview.rows, state, SHOWN), [preview.rows, state]);
  // An unreadable pasted line comes back without its text; show the line as it was pasted.
  const lines = useMemo(() => sourceText.split(/\r\n|\r|\n/), [sourceText]);
  const total = state === 'all' ? preview.rows.length : preview.counts[state];
  return (
    <div className="import-preview">
      <div className="import-counts" role="group" aria-label={t('import.countsLabel')} data-testid="import-counts">
        <button
          type="button"
          className={state === 'all' ? 'count-chip active' : 'count-chip'}
          aria-pressed={state === 'all'}
          onClick={() => setState('all')}
        >
          {t('import.all')} <strong>{preview.rows.length}</strong>
        </button>
        {ROW_STATES.map((s) => (
          <button
            key={s}
            type="button"
            className={`count-chip chip-${s}${state === s ? ' active' : ''}`}
            aria-pressed={state === s}
            onClick={() => setState(s)}
            data-state={s}
          >
            {textOr(t, `import.state.${s}`, s)} <strong>{preview.counts[s]}</strong>
          </button>
        ))}
      </div>
      <div className="import-rows">
        <table className="table table-compact">
          <thead>
            <tr>
              <th className="num">{t('import.line')}</th>
              <th>{t('import.input')}</th>
              <th>{t('import.state')}</th>
              <th>{t('import.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={`${row.line}-${i}`} data-state={row.state}>
                <td className="num">{row.line}</td>
                <td className="mono small import-input">{row.input || lines[row.line - 1]?.trim() || '—'}</td>
                <td>
                  <span className={`state state-${row.state}`}>
                    {textOr(t, `import.state.${row.state}`, row.state)}
                  </span>
                </td>
                <td>
                  <Detail row={row} firstLines={firstLines} onOpenChannel={onOpenChannel} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="muted">{t('import.noneInState')}</p>}
        {total > rows.length && <p className="muted small">{t('import.shownOf', { shown: rows.length, total })}</p>}
      </div>
    </div>
  );
}
