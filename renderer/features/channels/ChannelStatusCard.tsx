import { useId, useState } from 'react';
import { statusLabel } from '../../components/labels';
import { StatusBadge } from '../../components/StatusBadge';
import { useI18n, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import type { ChannelDetail } from './channel-detail-store';
import { TEXT_LIMITS } from '../../../electron/common/limits';

interface Props {
  channel: ChannelDetail;
  statuses: readonly string[];
  saving: boolean;
  onSetStatus(status: ChannelDetail['status'], note: string): Promise<boolean>;
}

/** The current status, a form to change it with a note, and every change before it, newest first. */
export function ChannelStatusCard({ channel, statuses, saving, onSetStatus }: Props) {
  const t = useT();
  const language = useI18n((s) => s.language);
  const selectId = useId();
  const noteId = useId();
  const [status, setStatus] = useState<string>(channel.status);
  const [note, setNote] = useState('');
  const history = [...channel.statusHistory].reverse();
  return (
    <section className="card">
      <h2>
        {t('channel.status')} <StatusBadge status={channel.status} />
      </h2>
      <div className="field">
        <label htmlFor={selectId}>{t('channel.newStatus')}</label>
        <select id={selectId} value={status} onChange={(e) => setStatus(e.target.value)}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {statusLabel(t, s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={noteId}>{t('channel.statusNote')}</label>
        <input
          id={noteId}
          type="text"
          maxLength={TEXT_LIMITS.short}
          value={note}
          placeholder={t('channel.statusNoteHint')}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <button
        type="button"
        className="button-primary"
        disabled={saving || (status === channel.status && note.trim() === '')}
        onClick={async () => {
          if (await onSetStatus(status as ChannelDetail['status'], note)) setNote('');
        }}
      >
        {t('channel.setStatus')}
      </button>
      <h3>{t('channel.history')}</h3>
      <ol className="timeline">
        {history.map((h, i) => (
          <li key={`${h.at}-${i}`}>
            <div>
              <StatusBadge status={h.status} /> <span className="muted small">{formatDateTime(h.at, language)}</span>
            </div>
            <div className="muted small">{t('channel.by', { actor: h.actor })}</div>
            {h.note && <div className="timeline-note">{h.note}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
