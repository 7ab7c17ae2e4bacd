import { useEffect, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useT } from '../../i18n';
import { ChannelPicker } from './ChannelPicker';
import { EvidencePicker } from './EvidencePicker';
import { type CaseDetail, useCasesStore } from './cases-store';
import { usePickerStore } from './picker-store';

/** More channels and evidence for a draft; what the case already holds is shown ticked and fixed. */
export function AddItemsDialog({ kase, onClose }: { kase: CaseDetail; onClose(): void }) {
  const t = useT();
  const { busy, actionError, addItems } = useCasesStore();
  const picked = usePickerStore((s) => s.picked);
  const checked = usePickerStore((s) => s.checked);
  const error = usePickerStore((s) => s.error);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    usePickerStore.getState().start({ channelIds: kase.channelIds, evidenceIds: kase.evidenceIds });
  }, [kase.channelIds, kase.evidenceIds]);
  const count = picked.length + checked.size;
  return (
    <Dialog title={t('cases.addItemsTitle', { reference: kase.reference })} onClose={onClose} closable={!busy} wide>
      <div className="pickers">
        <ChannelPicker />
        <EvidencePicker />
      </div>
      <ErrorBanner error={error ?? (tried ? actionError : null)} />
      <div className="dialog-actions">
        <span className="muted pick-summary">
          {t('cases.pick.summary', { channels: picked.length, evidence: checked.size })}
        </span>
        <button type="button" className="button-secondary" onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button-primary"
          disabled={busy || count === 0}
          onClick={async () => {
            setTried(true);
            if (
              await addItems(
                picked.map((c) => c.id),
                [...checked],
              )
            )
              onClose();
          }}
        >
          {t('cases.addItemsConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
