import { useEffect } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { ActivitySubject, actionText } from './ActivitySubject';
import { useActivityStore } from './activity-store';
import { ChainCheckResult } from './ChainCheckResult';

export function ActivityView() {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { entries, loading, complete, check, checking, error, loadFirst, loadMore, verify } = useActivityStore();
  useEffect(() => {
    void loadFirst();
  }, [loadFirst]);

  return (
    <div className="view">
      <div className="view-head">
        <h1>{t('nav.activity')}</h1>
        <button type="button" className="button-primary" onClick={() => void verify()} disabled={checking}>
          {checking ? t('activity.checking') : t('activity.check')}
        </button>
      </div>
      <p className="muted">{t('activity.intro')}</p>
      {check && <ChainCheckResult check={check} />}
      <ErrorBanner error={error} />
      <table className="table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('activity.when')}</th>
            <th>{t('activity.who')}</th>
            <th>{t('activity.what')}</th>
            <th>{t('activity.item')}</th>
            <th>{t('activity.hash')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq} data-action={e.action}>
              <td className="num">{e.seq}</td>
              <td className="nowrap">{formatDateTime(e.at, language)}</td>
              <td>{e.actor}</td>
              <td>{actionText(t, e)}</td>
              <td>
                <ActivitySubject entry={e} />
              </td>
              <td className="mono small nowrap" title={e.hash}>
                {e.hash.slice(0, 16)}…
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!loading && entries.length === 0 && <p className="muted">{t('activity.empty')}</p>}
      {!complete && entries.length > 0 && (
        <button type="button" className="button-secondary" onClick={() => void loadMore()} disabled={loading}>
          {t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
