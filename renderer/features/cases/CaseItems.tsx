import { EvidenceThumb } from '../../components/EvidenceThumb';
import { formatBytes, platformLabel } from '../../components/labels';
import { useI18n, useT } from '../../i18n';
import { openChannel, openEvidence } from '../search/navigate';
import { itemComments } from './case-helpers';
import { ITEMS_SHOWN, type CaseDetail, type ChannelSummary, type EvidenceSummary, useCasesStore } from './cases-store';
import { ItemComments } from './ItemComments';

interface Props {
  kase: CaseDetail;
  channels: Array<ChannelSummary | null>;
  evidence: Array<EvidenceSummary | null>;
  onAdd(): void;
}

/** The channels and evidence in the case; each opens in its own area. */
export function CaseItems({ kase, channels, evidence, onAdd }: Props) {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { busy, removeItems } = useCasesStore();
  const draft = kase.status === 'draft';
  const remove = (name: string, channelIds: number[], evidenceIds: number[]) =>
    draft && (
      <button
        type="button"
        className="button-link small remove-item"
        disabled={busy}
        aria-label={t('workflow.removeItem', { name })}
        onClick={() => void removeItems(channelIds, evidenceIds)}
      >
        {t('workflow.remove')}
      </button>
    );
  return (
    <>
      <section className="card" data-testid="case-channels">
        <div className="card-head">
          <h2>{t('cases.channels', { count: kase.channelIds.length })}</h2>
          {draft && (
            <button type="button" className="button-secondary small" onClick={onAdd}>
              {t('cases.addItems')}
            </button>
          )}
        </div>
        {!draft && <p className="muted small">{t('cases.frozen')}</p>}
        {kase.channelIds.length === 0 && <p className="muted">{t('cases.noChannels')}</p>}
        <ul className="case-item-list">
          {kase.channelIds.slice(0, ITEMS_SHOWN).map((id, i) => {
            const c = channels[i];
            return (
              <li key={id}>
                <button type="button" className="button-link" onClick={() => openChannel(id, 'cases')}>
                  {c ? c.title || c.canonicalUrl : `#${id}`}
                </button>
                {c && (
                  <span className="muted small">
                    {' '}
                    · {platformLabel(t, c.platform)} · <span className="mono">{c.canonicalUrl}</span>
                  </span>
                )}{' '}
                {remove(c ? c.title || c.canonicalUrl : `#${id}`, [id], [])}
                <ItemComments comments={itemComments(kase.decisions, 'channel', id)} />
              </li>
            );
          })}
        </ul>
        {kase.channelIds.length > ITEMS_SHOWN && (
          <p className="muted small">{t('cases.itemsMore', { shown: ITEMS_SHOWN, total: kase.channelIds.length })}</p>
        )}
      </section>
      <section className="card" data-testid="case-evidence">
        <h2>{t('cases.evidence', { count: kase.evidenceIds.length })}</h2>
        {kase.evidenceIds.length === 0 && <p className="muted">{t('cases.noEvidence')}</p>}
        <ul className="thumb-grid">
          {kase.evidenceIds.slice(0, ITEMS_SHOWN).map((id, i) => {
            const e = evidence[i];
            const name = e?.originalName || `#${id}`;
            return (
              <li key={id} data-testid="case-evidence-item" data-evidence-id={id}>
                <button type="button" className="thumb-tile" onClick={() => openEvidence(id, 'cases')} title={name}>
                  {e ? (
                    <EvidenceThumb id={id} hasThumbnail={e.hasThumbnail} mediaType={e.mediaType} alt={name} />
                  ) : (
                    <div className="thumb-placeholder" />
                  )}
                  <span className="thumb-name" title={name}>
                    {name}
                  </span>
                  <span className="thumb-meta muted">{e ? formatBytes(e.size, language) : ''}</span>
                </button>
                {remove(name, [], [id])}
                <ItemComments comments={itemComments(kase.decisions, 'evidence', id)} />
              </li>
            );
          })}
        </ul>
        {kase.evidenceIds.length > ITEMS_SHOWN && (
          <p className="muted small">{t('cases.itemsMore', { shown: ITEMS_SHOWN, total: kase.evidenceIds.length })}</p>
        )}
      </section>
    </>
  );
}
