import { useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { useT } from '../../i18n';
import { useEvidenceViewerStore } from './evidence-viewer-store';

/** Where the item was found; saving a link also ties the item to that link's channel. */
export function SourceLinkEditor({ sourceUrl }: { sourceUrl: string | null }) {
  const t = useT();
  const { update, saving } = useEvidenceViewerStore();
  const [draft, setDraft] = useState<string | null>(null);
  if (draft === null) {
    return (
      <dd className="fact-with-action">
        {sourceUrl ? (
          <span className="mono">{sourceUrl}</span>
        ) : (
          <span className="muted">{t('viewer.noSourceUrl')}</span>
        )}
        {sourceUrl && <CopyButton text={sourceUrl} />}
        <button type="button" className="button-ghost small" onClick={() => setDraft(sourceUrl ?? '')}>
          {sourceUrl ? t('viewer.changeSourceUrl') : t('viewer.addSourceUrl')}
        </button>
      </dd>
    );
  }
  return (
    <dd>
      <form
        className="field-row"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await update({ sourceUrl: draft.trim() || null })) setDraft(null);
        }}
      >
        <input
          className="mono"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder="https://t.me/…"
          aria-label={t('viewer.sourceUrl')}
          maxLength={4096}
          spellCheck={false}
          autoFocus
        />
        <button type="submit" className="button-secondary" disabled={saving}>
          {t('common.save')}
        </button>
        <button type="button" className="button-ghost" onClick={() => setDraft(null)}>
          {t('common.cancel')}
        </button>
      </form>
      <span className="muted small">{t('viewer.sourceUrlHint')}</span>
    </dd>
  );
}
