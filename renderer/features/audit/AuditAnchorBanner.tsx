import { useT } from '../../i18n';
import { useVaultStore } from '../vault/vault-store';

/** Shown for as long as the vault knows its activity log lost a head it once recorded. */
export function AuditAnchorBanner() {
  const t = useT();
  const broken = useVaultStore((s) => s.status?.auditAnchorBroken ?? null);
  if (!broken) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="audit-anchor-banner" title={broken.reason}>
      {t('security.anchor.banner', { seq: broken.seq })}
    </div>
  );
}
