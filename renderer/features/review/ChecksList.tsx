import { usePhraseText, useT } from '../../i18n';
import { orderChecks } from './review-helpers';
import type { OpenedPackage } from './review-store';
import { checkName } from './VerdictBanner';

/** Every check the verification ran: failing ones first and open, passing ones folded. */
export function ChecksList({ checks }: { checks: OpenedPackage['checks'] }) {
  const t = useT();
  const { checkDetail } = usePhraseText();
  const passed = checks.filter((c) => c.ok).length;
  return (
    <section className="card" data-testid="checks">
      <details open={passed < checks.length}>
        <summary className="checks-summary">
          <h2>{t('review.checks')}</h2>
          <span className="muted">{t('review.checksPassed', { passed, total: checks.length })}</span>
        </summary>
        <ul className="check-list">
          {orderChecks(checks).map((c) => (
            <li key={c.id} className={c.ok ? 'check ok' : 'check fail'} data-check={c.id} data-ok={c.ok}>
              <details open={!c.ok}>
                <summary>
                  <span className="check-mark" aria-hidden="true">
                    {c.ok ? '✓' : '✕'}
                  </span>
                  <span className="check-name">{checkName(t, c.id)}</span>
                  <span className={c.ok ? 'check-state ok' : 'check-state fail'}>
                    {c.ok ? t('review.pass') : t('review.fail')}
                  </span>
                </summary>
                <div className="check-detail small">
                  <span className="mono muted">{c.id}</span> — {checkDetail(c)}
                </div>
              </details>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
