import { Fragment } from 'react';
import { useI18n, useT } from '../../i18n';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { type UnitOverview, useUnitStore } from './unit-store';

const FLAGGED = new Set(['truncated', 'forked']);

export function AnalystTable({ rows }: { rows: UnitOverview['analysts'] }) {
  const t = useT();
  const language = useI18n((s) => s.language);
  return (
    <section className="card">
      <h2>{t('unit.byAnalyst')}</h2>
      <table className="table table-compact unit-table" data-testid="unit-analysts">
        <thead>
          <tr>
            <th>{t('unit.analyst')}</th>
            <th>{t('unit.col.packages')}</th>
            <th>{t('unit.col.channels')}</th>
            <th>{t('unit.col.evidence')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.fingerprint}>
              <td>{a.name}</td>
              <td>{formatNumber(a.packages, language)}</td>
              <td>{formatNumber(a.channels, language)}</td>
              <td>{formatNumber(a.evidence, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function PackageTable({ rows }: { rows: UnitOverview['recent'] }) {
  const t = useT();
  const language = useI18n((s) => s.language);
  return (
    <section className="card">
      <h2>{t('unit.recent')}</h2>
      <table className="table table-compact unit-table" data-testid="unit-packages">
        <thead>
          <tr>
            <th>{t('unit.reference')}</th>
            <th>{t('unit.analyst')}</th>
            <th>{t('unit.supervisor')}</th>
            <th>{t('unit.col.channels')}</th>
            <th>{t('unit.col.evidence')}</th>
            <th>{t('unit.custody')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id}>
              <td>
                <strong>{p.reference}</strong>
                <div className="muted small">{p.fileName}</div>
              </td>
              <td>{p.analyst}</td>
              <td>
                {p.supervisor}
                <div className="muted small">{formatDateTime(p.approvedAt, language)}</div>
              </td>
              <td>{formatNumber(p.channels, language)}</td>
              <td>{formatNumber(p.evidence, language)}</td>
              <td>
                <span className={FLAGGED.has(p.custody) ? 'unit-flag' : undefined}>
                  {t(`unit.custody.${p.custody}`)}
                </span>
                {FLAGGED.has(p.custody) && <div className="small">{p.custodyDetail}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function VaultHeads({ rows }: { rows: UnitOverview['vaults'] }) {
  const t = useT();
  return (
    <section className="card">
      <h2>{t('unit.vaults')}</h2>
      <table className="table table-compact unit-table" data-testid="unit-vaults">
        <thead>
          <tr>
            <th>{t('unit.vault')}</th>
            <th>{t('unit.analyst')}</th>
            <th>{t('unit.head')}</th>
            <th>{t('unit.lastPackage')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => (
            <tr key={v.vaultId}>
              <td className="mono small">{v.vaultId}</td>
              <td>{v.analyst}</td>
              <td className="mono small">
                #{v.headSeq} {v.headHash.slice(0, 12)}…
              </td>
              <td>{v.lastFile}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function SharedChannels({ rows }: { rows: UnitOverview['shared'] }) {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { history, showHistory } = useUnitStore();
  return (
    <section className="card">
      <h2>{t('unit.shared')}</h2>
      <table className="table table-compact unit-table" data-testid="unit-shared">
        <tbody>
          {rows.map((c) => (
            <Fragment key={c.id}>
              <tr>
                <td>
                  <strong>{c.title || c.canonicalUrl}</strong>
                  {c.title && <div className="muted small">{c.canonicalUrl}</div>}
                </td>
                <td>{t('unit.sources', { sources: c.sources, analysts: c.analysts })}</td>
                <td>
                  <button
                    type="button"
                    className="button-secondary small"
                    aria-expanded={history?.channelId === c.id}
                    onClick={() => void showHistory(c.id)}
                  >
                    {t('unit.history')}
                  </button>
                </td>
              </tr>
              {history?.channelId === c.id && (
                <tr className="unit-history">
                  <td colSpan={3}>
                    <strong>{t('unit.historyTitle', { channel: c.canonicalUrl })}</strong>
                    <ol data-testid="unit-history">
                      {history.rows.map((r) => (
                        <li key={r.packageId}>
                          {formatDateTime(r.exportedAt, language)} · {r.reference} · {r.analyst} → {r.supervisor} ·{' '}
                          {r.originalUrl} · {r.category}
                        </li>
                      ))}
                    </ol>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </section>
  );
}
