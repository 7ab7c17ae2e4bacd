/**
 * Moving between areas with a detail open: from search hits, from a channel to its evidence and
 * back. Each detail remembers where it was opened from, so Back returns there.
 */
import { useNavStore } from '../../app/nav-store';
import { useCasesStore } from '../cases/cases-store';
import { useChannelDetailStore } from '../channels/channel-detail-store';
import { useEvidenceStore } from '../evidence/evidence-store';
import { useEvidenceViewerStore } from '../evidence/evidence-viewer-store';
import type { ReturnTo } from './return-to';
import { useSearchStore } from './search-store';

export function openChannel(id: number, from: ReturnTo): void {
  useSearchStore.getState().hide();
  useNavStore.getState().go('channels');
  useChannelDetailStore.getState().open(id, from);
}

export function openEvidence(id: number, from: ReturnTo): void {
  useSearchStore.getState().hide();
  useNavStore.getState().go('evidence');
  useEvidenceViewerStore.getState().open(id, from);
}

export function goBack(to: ReturnTo | null): void {
  if (to === 'search') useSearchStore.getState().show();
  else if (to && to !== useNavStore.getState().area) useNavStore.getState().go(to);
}

/** The Evidence area narrowed to one channel (its gallery, past the first page the channel shows). */
export function showChannelEvidence(channelId: number, name: string): void {
  useSearchStore.getState().hide();
  useEvidenceViewerStore.getState().close();
  useEvidenceStore.getState().showChannel(channelId, name);
  useNavStore.getState().go('evidence');
}

export function openCase(id: number): void {
  useSearchStore.getState().hide();
  useCasesStore.getState().open(id);
  useNavStore.getState().go('cases');
}
