import { statusLabel } from '../../components/labels';
import { type MessageKey, type Translate, textOr, useT } from '../../i18n';
import { openCase, openChannel, openEvidence } from '../search/navigate';
import type { AuditEntry } from './activity-store';

const OPENERS: Record<string, (id: number) => void> = {
  channel: (id) => openChannel(id, 'activity'),
  evidence: (id) => openEvidence(id, 'activity'),
  case: (id) => openCase(id),
};

/** The kind of item ("Channel", "Evidence #12"), in the user's language. */
function subjectKind(t: Translate, type: string, id: string): string {
  return textOr(t, `activity.subject.${type}`, type).replace('{id}', id);
}

/** What an entry's subject is called; a hash is shortened (its full value is in the tooltip). */
function subjectText(entry: AuditEntry): string {
  const label = entry.subjectLabel ?? `#${entry.subjectId}`;
  return entry.subjectType === 'blob' ? `${label.slice(0, 16)}…` : label;
}

/** The item an entry is about, as a link to it while it is still in the vault. */
export function ActivitySubject({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const { subjectType: type, subjectId: id } = entry;
  if (!type || !id) return null;
  const text = subjectText(entry);
  const full = entry.subjectLabel ?? text;
  const open = entry.subjectExists && /^\d+$/.test(id) ? OPENERS[type] : undefined;
  return (
    <span className="activity-subject">
      <span className="muted small">{subjectKind(t, type, id)}</span>{' '}
      {open ? (
        <button
          type="button"
          className="button-link truncate"
          title={full}
          aria-label={t('activity.open', { name: full })}
          onClick={() => open(Number(id))}
        >
          {text}
        </button>
      ) : (
        <span className="truncate" title={full}>
          {text}
        </span>
      )}
      {!entry.subjectExists && (type === 'channel' || type === 'evidence' || type === 'case') && (
        <span className="muted small"> ({t('activity.subject.gone')})</span>
      )}
    </span>
  );
}

/** The event in words, with the new status where the event is a status change. */
export function actionText(t: Translate, entry: AuditEntry): string {
  const name = textOr(t, `action.${entry.action}`, entry.action);
  const to = entry.details.to ?? entry.details.status;
  if (typeof to !== 'string') return name;
  if (entry.action === 'channel.status-changed') return `${name}: ${statusLabel(t, to)}`;
  if (entry.action === 'case.status-changed') return `${name}: ${textOr(t, `cases.status.${to}` as MessageKey, to)}`;
  return name;
}
