import { type MessageKey, textOr, useI18n, useT } from '../../i18n';
import { dueDistance, dueParts, formatDue } from './case-helpers';

export function CaseStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <span className={`case-status case-status-${status}`}>{textOr(t, `cases.status.${status}`, status)}</span>;
}

export function OverdueBadge() {
  const t = useT();
  return (
    <span className="overdue-badge" data-testid="overdue-badge">
      {t('cases.overdue')}
    </span>
  );
}

export function PriorityLabel({ priority }: { priority: string }) {
  const t = useT();
  return <span className={`priority priority-${priority}`}>{textOr(t, `cases.priority.${priority}`, priority)}</span>;
}

/** The due time and how far it is: "sisa 3 jam 20 menit" or "terlambat 2 jam" (late only counts while the case is open). */
export function DueText({ dueAt, now, open }: { dueAt: string; now: Date; open: boolean }) {
  const t = useT();
  const language = useI18n((s) => s.language);
  const distance = dueDistance(dueAt, now);
  const parts = distance ? dueParts(distance) : [];
  const time =
    parts.length > 0
      ? parts.map(([unit, n]) => t(`cases.due.${unit}` as MessageKey, { n })).join(' ')
      : t('cases.due.underMinute');
  return (
    <span className="due">
      <span>{formatDue(dueAt, language)}</span>
      {distance && open && (
        <span className={distance.late ? 'due-rel late' : 'due-rel'}>
          {distance.late ? t('cases.due.late', { time }) : t('cases.due.left', { time })}
        </span>
      )}
    </span>
  );
}
