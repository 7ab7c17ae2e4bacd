import { type MessageKey, useT } from '../i18n';

export function EmptyState({ title, body }: { title: MessageKey; body: MessageKey }) {
  const t = useT();
  return (
    <div className="empty">
      <h2>{t(title)}</h2>
      <p className="muted">{t(body)}</p>
    </div>
  );
}
