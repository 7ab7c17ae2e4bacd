import type { ReactNode } from 'react';
import { formatDate, kindLabel, platformLabel, statusLabel } from '../../components/labels';
import { textOr, useI18n, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { formatDue } from '../cases/case-helpers';
import { groupFingerprint } from '../identity/fingerprint';
import type { ReportData } from '../../../electron/common/report-json';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

const when = (iso: string, language: 'id' | 'en') => (iso ? formatDateTime(iso, language) : '—');

/** The request as data/report.json states it (what the analyst signed), as a supervisor reads it. */
export function ReportSummary({ report }: { report: ReportData }) {
  const t = useT();
  const language = useI18n((s) => s.language);
  const kase = report.case;
  return (
    <section className="card" data-testid="report">
      <h2>{t('review.report')}</h2>
      <dl className="facts">
        <Fact label={t('review.unit')}>{report.unit || '—'}</Fact>
        <Fact label={t('cases.reference')}>
          <span className="mono">{kase.reference || '—'}</span>
        </Fact>
        <Fact label={t('cases.titleLabel')}>{kase.title || '—'}</Fact>
        <Fact label={t('cases.platform')}>{kase.platform ? platformLabel(t, kase.platform) : '—'}</Fact>
        <Fact label={t('cases.priority')}>
          {kase.priority ? textOr(t, `cases.priority.${kase.priority}`, kase.priority) : '—'}
        </Fact>
        <Fact label={t('cases.due')}>{kase.dueAt ? formatDue(kase.dueAt, language) : '—'}</Fact>
        <Fact label={t('cases.legalBasis')}>
          <span className="prewrap">{kase.legalBasis || '—'}</span>
        </Fact>
        <Fact label={t('cases.notes')}>
          <span className="prewrap">{kase.notes || '—'}</span>
        </Fact>
        <Fact label={t('review.analyst')}>
          {report.analyst.name || '—'}
          {report.analyst.id && <span className="muted"> · {report.analyst.id}</span>}
          {report.analyst.unit && <span className="muted"> · {report.analyst.unit}</span>}
          {report.analyst.fingerprint && (
            <div className="mono small muted">{groupFingerprint(report.analyst.fingerprint)}</div>
          )}
        </Fact>
        <Fact label={t('review.exportedAt')}>{when(kase.exportedAt, language)}</Fact>
      </dl>
      <h3>{t('review.channels', { count: report.channels.length })}</h3>
      {report.channels.length === 0 ? (
        <p className="muted">{t('review.noChannels')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table table-compact report-table" data-testid="report-channels">
            <thead>
              <tr>
                <th>{t('review.channel')}</th>
                <th>{t('cases.platform')}</th>
                <th>{t('review.category')}</th>
                <th>{t('review.channelStatus')}</th>
                <th>{t('review.firstSeen')}</th>
                <th className="num">{t('review.evidenceCount')}</th>
              </tr>
            </thead>
            <tbody>
              {report.channels.map((c, i) => (
                <tr key={i}>
                  <td>
                    <div>{c.title || '—'}</div>
                    <div className="mono small muted">{c.canonicalUrl}</div>
                    {c.originalUrl && c.originalUrl !== c.canonicalUrl && (
                      <div className="mono small muted">{c.originalUrl}</div>
                    )}
                  </td>
                  <td>
                    {platformLabel(t, c.platform)}
                    <div className="muted small">{kindLabel(t, c.kind)}</div>
                  </td>
                  <td>{c.category || '—'}</td>
                  <td>{c.status ? statusLabel(t, c.status) : '—'}</td>
                  <td>{formatDate(c.firstSeen || null, language)}</td>
                  <td className="num">{c.evidenceCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
