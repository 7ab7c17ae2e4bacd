import { type MessageKey, textOr, usePhraseText, useT } from '../../i18n';
import type { OpenedPackage } from './review-store';

const HEADLINE: Record<OpenedPackage['verdict'], MessageKey> = {
  'valid-trusted': 'review.verdict.trusted',
  'valid-untrusted': 'review.verdict.untrusted',
  invalid: 'review.verdict.invalid',
};

const EXPLAIN: Record<OpenedPackage['verdict'], MessageKey> = {
  'valid-trusted': 'review.verdict.trustedHint',
  'valid-untrusted': 'review.verdict.untrustedHint',
  invalid: 'review.verdict.invalidHint',
};

export function checkName(t: ReturnType<typeof useT>, id: string): string {
  return textOr(t, `review.check.${id}`, id);
}

/** Who is and is not in the trust roster, in the reader's language; the core's whole sentence on hover. */
function TrustLine({ pkg }: { pkg: OpenedPackage }) {
  const t = useT();
  const who = (s: OpenedPackage['statements'][number]) =>
    `${s.signer.name || s.signer.fingerprint.slice(0, 16)} (${textOr(t, `identity.role.${s.role}`, s.role)})`;
  const trusted = pkg.statements.filter((s) => s.trusted).map(who);
  const untrusted = pkg.statements.filter((s) => !s.trusted).map(who);
  const times = pkg.timestamps.filter((s) => !s.trusted).map((s) => s.tsa);
  const { phrase } = usePhraseText();
  const detail = pkg.trustPhrases.length > 0 ? pkg.trustPhrases.map(phrase).join(' ') : pkg.trustDetail;
  return (
    <p className="verdict-detail small" title={detail}>
      {trusted.length > 0 && <span>{t('review.trustedSigners', { names: trusted.join(', ') })} </span>}
      {untrusted.length > 0 && <span>{t('review.untrustedSigners', { names: untrusted.join(', ') })} </span>}
      {times.length > 0 && <span>{t('review.untrustedTimes', { names: times.join(', ') })}</span>}
    </p>
  );
}

/**
 * The verdict first and big: green trusted, amber untrusted, red invalid, with what decided it.
 * `explain` words the advice for another reader (the browser verifier's recipient).
 */
export function VerdictBanner({
  pkg,
  compact,
  explain,
}: {
  pkg: OpenedPackage;
  compact?: boolean;
  explain?: Partial<Record<OpenedPackage['verdict'], MessageKey>>;
}) {
  const t = useT();
  const failing = pkg.checks.filter((c) => !c.ok);
  return (
    <div
      className={`verdict verdict-${pkg.verdict}${compact ? ' compact' : ''}`}
      role="status"
      data-testid={compact ? 'verdict-result' : 'verdict'}
      data-verdict={pkg.verdict}
    >
      <div className="verdict-mark" aria-hidden="true">
        {pkg.verdict === 'valid-trusted' ? '✓' : pkg.verdict === 'invalid' ? '✕' : '!'}
      </div>
      <div className="verdict-body">
        <div className="verdict-title">{t(HEADLINE[pkg.verdict])}</div>
        <div className="verdict-file mono">{pkg.fileName}</div>
        {pkg.encrypted && (
          <div className="small" data-testid="verdict-encrypted">
            {t('review.encrypted')}
          </div>
        )}
        <p className="verdict-explain">{t(explain?.[pkg.verdict] ?? EXPLAIN[pkg.verdict])}</p>
        {failing.length > 0 && (
          <p className="verdict-failing" data-testid="failing-checks">
            <strong>{t('review.failedChecks', { count: failing.length })}</strong>{' '}
            {failing.map((c) => checkName(t, c.id)).join(', ')}
          </p>
        )}
        {pkg.verdict !== 'invalid' && <TrustLine pkg={pkg} />}
      </div>
    </div>
  );
}
