import { useId } from 'react';
import { EvidenceThumb } from '../../components/EvidenceThumb';
import { formatDate } from '../../components/labels';
import { useI18n, useT } from '../../i18n';
import { type EvidenceRow, PICKER_LIMIT, usePickerStore } from './picker-store';

function EvidenceTiles({ rows }: { rows: readonly EvidenceRow[] }) {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { checked, existingEvidence, toggleEvidence } = usePickerStore();
  return (
    <ul className="pick-grid">
      {rows.map((e) => {
        const existing = existingEvidence.has(e.id);
        const name = e.originalName || `#${e.id}`;
        return (
          <li key={e.id}>
            <label
              className={existing ? 'pick-tile existing' : checked.has(e.id) ? 'pick-tile on' : 'pick-tile'}
              title={name}
            >
              <input
                type="checkbox"
                checked={existing || checked.has(e.id)}
                disabled={existing}
                onChange={() => toggleEvidence(e)}
                aria-label={name}
              />
              <EvidenceThumb id={e.id} hasThumbnail={e.hasThumbnail} mediaType={e.mediaType} alt={name} />
              <span className="thumb-name" title={name}>
                {name}
              </span>
              <span className="thumb-meta muted">
                {existing ? t('cases.pick.alreadyIn') : formatDate(e.capturedAt ?? e.intakeAt, language)}
              </span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}

/** Evidence to put in the case: everything of the picked channels (ticked), and any other item found by search. */
export function EvidencePicker() {
  const t = useT();
  const searchId = useId();
  const {
    picked,
    evidenceByChannel,
    extra,
    otherText,
    otherRows,
    otherTotal,
    checked,
    setChannelEvidence,
    searchOther,
  } = usePickerStore();
  const extraShown = extra.filter((e) => !otherRows?.some((r) => r.id === e.id));
  return (
    <fieldset className="picker" data-testid="evidence-picker">
      <legend>{t('cases.pick.evidence')}</legend>
      {picked.length === 0 && <p className="muted small">{t('cases.pick.evidenceHint')}</p>}
      {picked.map((c) => {
        const rows = evidenceByChannel[c.id];
        const on = rows?.filter((e) => checked.has(e.id)).length ?? 0;
        return (
          <section key={c.id} className="pick-group">
            <div className="pick-group-head">
              <strong>{c.title || c.canonicalUrl}</strong>
              {rows && rows.length > 0 && (
                <span className="muted small">
                  {t('cases.pick.checkedOf', { checked: on, total: rows.length })}{' '}
                  <button
                    type="button"
                    className="button-link small"
                    onClick={() => setChannelEvidence(c.id, on < rows.length)}
                  >
                    {on < rows.length ? t('cases.pick.all') : t('cases.pick.none')}
                  </button>
                </span>
              )}
            </div>
            {rows === undefined && <p className="muted small">{t('common.loading')}</p>}
            {rows?.length === 0 && <p className="muted small">{t('cases.pick.channelHasNone')}</p>}
            {rows && rows.length > 0 && <EvidenceTiles rows={rows} />}
          </section>
        );
      })}
      <details
        className="pick-other"
        onToggle={(e) => {
          if ((e.target as HTMLDetailsElement).open && otherRows === null) void searchOther('');
        }}
      >
        <summary>{t('cases.pick.other')}</summary>
        <p className="muted small">{t('cases.pick.otherHint')}</p>
        <label htmlFor={searchId} className="sr-only">
          {t('cases.pick.otherSearch')}
        </label>
        <input
          id={searchId}
          type="search"
          className="picker-filter"
          placeholder={t('cases.pick.otherSearch')}
          value={otherText}
          maxLength={200}
          onChange={(e) => void searchOther(e.target.value)}
        />
        {extraShown.length > 0 && <EvidenceTiles rows={extraShown} />}
        {otherRows?.length === 0 && <p className="muted small">{t('cases.pick.noEvidenceMatch')}</p>}
        {otherRows && otherRows.length > 0 && <EvidenceTiles rows={otherRows} />}
        {otherTotal > PICKER_LIMIT && (
          <p className="muted small">{t('cases.pick.more', { shown: PICKER_LIMIT, total: otherTotal })}</p>
        )}
      </details>
    </fieldset>
  );
}
