import { CopyButton } from '../../components/CopyButton';
import { formatBytes } from '../../components/labels';
import { useI18n, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import type { CaseDetail } from './cases-store';

/** Every package written for the case, with the tag-manifest hash a recipient can compare. */
export function ExportsCard({ kase }: { kase: CaseDetail }) {
  const t = useT();
  const language = useI18n((s) => s.language);
  if (kase.exports.length === 0) return null;
  return (
    <section className="card" data-testid="exports-card">
      <h2>{t('cases.exports')}</h2>
      <p className="muted small">{t('cases.exportsHint')}</p>
      <ul className="export-list">
        {kase.exports.map((x, i) => (
          <li key={i}>
            <div className="export-file">
              <strong className="mono">{x.fileName}</strong>
              <span className="muted small">
                {formatDateTime(x.exportedAt, language)} · {formatBytes(x.bytes, language)}
              </span>
            </div>
            <div className="hash-row">
              <span className="hash-label">SHA-256</span>
              <code className="hash-value mono">{x.tagmanifestSha256}</code>
              <CopyButton text={x.tagmanifestSha256} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
