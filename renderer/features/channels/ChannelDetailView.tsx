import { useEffect, useId, useState } from 'react';
import { DetailFallback } from '../../components/DetailFallback';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ExcludeDialog } from '../../components/ExcludeDialog';
import { ExclusionBanner } from '../../components/ExclusionBanner';
import { ReappearanceBanner } from '../outcomes/ReappearanceBanner';
import { NotesEditor } from '../../components/NotesEditor';
import { TagEditor } from '../../components/TagEditor';
import { kindLabel, platformLabel } from '../../components/labels';
import { displayHandle } from '../../../electron/common/handle';
import { useT } from '../../i18n';
import { goBack, openEvidence, showChannelEvidence } from '../search/navigate';
import { CategorySelect } from './CategorySelect';
import { ChannelEvidence } from './ChannelEvidence';
import { ChannelFacts } from './ChannelFacts';
import { ChannelStatusCard } from './ChannelStatusCard';
import { useChannelDetailStore } from './channel-detail-store';
import { useVocabularyStore } from '../catalog/vocabulary-store';
import { TEXT_LIMITS } from '../../../electron/common/limits';

function TitleEditor({
  title,
  saving,
  onSave,
}: {
  title: string;
  saving: boolean;
  onSave(title: string): Promise<boolean>;
}) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState(title);
  return (
    <div className="field">
      <label htmlFor={id}>{t('channel.title')}</label>
      <div className="field-row">
        <input
          id={id}
          value={draft}
          maxLength={TEXT_LIMITS.short}
          placeholder={t('channel.titlePlaceholder')}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button
          type="button"
          className="button-secondary"
          disabled={saving || draft.trim() === title}
          onClick={() => void onSave(draft.trim())}
        >
          {t('common.save')}
        </button>
      </div>
    </div>
  );
}

export function ChannelDetailView() {
  const t = useT();
  const {
    id,
    channel,
    loading,
    saving,
    error,
    evidence,
    evidenceTotal,
    evidenceLoading,
    close,
    reload,
    update,
    setStatus,
    exclude,
    restore,
  } = useChannelDetailStore();
  const [excluding, setExcluding] = useState(false);
  const vocabulary = useVocabularyStore((s) => s.vocabulary);
  const loadVocabulary = useVocabularyStore((s) => s.load);
  useEffect(() => {
    void loadVocabulary();
  }, [loadVocabulary]);
  // Coming back to this page (after an intake, a status change elsewhere) shows fresh counts, not the ones it was opened with.
  useEffect(() => reload(), [id, reload]);

  const back = () => goBack(close());
  if (!channel) {
    return <DetailFallback loading={loading} error={error} onBack={back} />;
  }
  const name = channel.title || (channel.handle ? displayHandle(channel.handle) : channel.canonicalUrl);
  return (
    <div className="view" data-testid="channel-detail">
      <button type="button" className="button-link back-link" onClick={back}>
        ← {t('common.back')}
      </button>
      <div className="view-head">
        <div>
          <h1 className="detail-title" title={name}>
            {name}
          </h1>
          <div className="detail-sub">
            <span className="badge">{platformLabel(t, channel.platform)}</span>{' '}
            <span className="badge">{kindLabel(t, channel.kind)}</span>{' '}
            <span className="muted small">#{channel.id}</span>
            {channel.excluded && <span className="badge badge-excluded">{t('workflow.excludedBadge')}</span>}
          </div>
        </div>
        {!channel.excluded && (
          <button type="button" className="button-secondary" disabled={saving} onClick={() => setExcluding(true)}>
            {t('workflow.exclude')}
          </button>
        )}
      </div>
      {channel.excluded && (
        <ExclusionBanner excluded={channel.excluded} busy={saving} onRestore={() => void restore()} />
      )}
      <ReappearanceBanner kind="channel" id={channel.id} />
      {channel.hashListItems > 0 && (
        <div className="banner banner-warn" role="status" data-testid="channel-hash-lists">
          {t('channel.hashListItems', { count: channel.hashListItems })}
        </div>
      )}
      {!excluding && <ErrorBanner error={error} />}
      {excluding && (
        <ExcludeDialog
          name={name}
          busy={saving}
          error={error}
          onConfirm={exclude}
          onClose={() => setExcluding(false)}
        />
      )}
      <div className="detail-grid">
        <div className="detail-main">
          <section className="card">
            <TitleEditor
              key={`${id}-${channel.title}`}
              title={channel.title}
              saving={saving}
              onSave={(title) => update({ title })}
            />
            <NotesEditor
              key={`notes-${id}`}
              notes={channel.notes}
              label={t('channel.notes')}
              disabled={saving}
              onSave={(notes) => update({ notes })}
            />
          </section>
          <ChannelFacts
            key={`facts-${id}`}
            channel={channel}
            saving={saving}
            onSaveSubscribers={(subscriberCount) => update({ subscriberCount })}
          />
          <ChannelEvidence
            items={evidence}
            total={evidenceTotal}
            loading={evidenceLoading}
            onOpen={(evidenceId) => openEvidence(evidenceId, 'channels')}
            onShowAll={() => showChannelEvidence(channel.id, name)}
          />
        </div>
        <div className="detail-side">
          <ChannelStatusCard
            key={`status-${id}`}
            channel={channel}
            statuses={vocabulary?.statuses ?? [channel.status]}
            saving={saving}
            onSetStatus={setStatus}
          />
          <section className="card">
            <h2>{t('channel.classification')}</h2>
            <div className="field">
              <label htmlFor="channel-category">{t('channel.category')}</label>
              <CategorySelect
                id="channel-category"
                value={channel.category}
                disabled={saving}
                onChange={(category) => void update({ category })}
              />
            </div>
            <div className="field">
              <span className="field-label">{t('channel.tags')}</span>
              <TagEditor
                tags={channel.tags}
                suggestions={vocabulary?.tags}
                label={t('channel.tags')}
                disabled={saving}
                onChange={(tags) => void update({ tags })}
              />
            </div>
          </section>
        </div>
      </div>
    </div>
  );
}
