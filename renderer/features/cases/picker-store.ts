import { create } from 'zustand';
import type { Result } from '../../../electron/contract';
import { call } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';

export type ChannelRow = Result<'channels.list'>['rows'][number];
export type EvidenceRow = Result<'evidence.list'>['rows'][number];

/** Rows asked for per search; the picker says when there are more and asks for a narrower filter. */
export const PICKER_LIMIT = 100;
/** Evidence listed per picked channel. */
const EVIDENCE_PER_CHANNEL = 500;

interface PickerState {
  /** ids already in the case (Add items): shown, but not picked again */
  existingChannels: ReadonlySet<number>;
  existingEvidence: ReadonlySet<number>;
  channelText: string;
  channelRows: ChannelRow[];
  channelTotal: number | null;
  picked: ChannelRow[];
  evidenceByChannel: Record<number, EvidenceRow[] | undefined>;
  otherText: string;
  otherRows: EvidenceRow[] | null;
  otherTotal: number;
  /** evidence picked from the search over all evidence, kept while the search changes */
  extra: EvidenceRow[];
  checked: ReadonlySet<number>;
  error: UiError | null;
  start(existing?: { channelIds: number[]; evidenceIds: number[] }): void;
  searchChannels(text: string): Promise<void>;
  toggleChannel(row: ChannelRow): Promise<void>;
  toggleEvidence(row: EvidenceRow): void;
  setChannelEvidence(channelId: number, on: boolean): void;
  searchOther(text: string): Promise<void>;
}

export const initialPickerState = {
  existingChannels: new Set<number>() as ReadonlySet<number>,
  existingEvidence: new Set<number>() as ReadonlySet<number>,
  channelText: '',
  channelRows: [] as ChannelRow[],
  channelTotal: null as number | null,
  picked: [] as ChannelRow[],
  evidenceByChannel: {} as Record<number, EvidenceRow[] | undefined>,
  otherText: '',
  otherRows: null as EvidenceRow[] | null,
  otherTotal: 0,
  extra: [] as EvidenceRow[],
  checked: new Set<number>() as ReadonlySet<number>,
  error: null as UiError | null,
};

function without(set: ReadonlySet<number>, ids: Iterable<number>): Set<number> {
  const next = new Set(set);
  for (const id of ids) next.delete(id);
  return next;
}

/** Picking a case's channels and evidence (New case, Add items): one picker is open at a time. */
export const usePickerStore = create<PickerState>((set, get) => ({
  ...initialPickerState,
  start(existing) {
    set({
      ...initialPickerState,
      existingChannels: new Set(existing?.channelIds),
      existingEvidence: new Set(existing?.evidenceIds),
    });
    void get().searchChannels('');
  },
  async searchChannels(text) {
    set({ channelText: text });
    try {
      const filter = text.trim() ? { text: text.trim() } : {};
      const { rows, total } = await call('channels.list', {
        filter,
        sort: 'title',
        descending: false,
        offset: 0,
        limit: PICKER_LIMIT,
      });
      if (get().channelText === text) set({ channelRows: rows, channelTotal: total, error: null });
    } catch (e) {
      set({ error: toUiError(e) });
    }
  },
  async toggleChannel(row) {
    const { picked, evidenceByChannel, checked } = get();
    if (picked.some((p) => p.id === row.id)) {
      const { [row.id]: dropped, ...rest } = evidenceByChannel;
      set({
        picked: picked.filter((p) => p.id !== row.id),
        evidenceByChannel: rest,
        checked: without(
          checked,
          (dropped ?? []).map((e) => e.id),
        ),
      });
      return;
    }
    set({ picked: [...picked, row] });
    try {
      const { rows } = await call('evidence.list', {
        filter: { channelId: row.id },
        offset: 0,
        limit: EVIDENCE_PER_CHANNEL,
      });
      if (!get().picked.some((p) => p.id === row.id)) return;
      // Everything the channel has goes in by default; the analyst unticks what does not belong.
      const fresh = rows.filter((e) => !get().existingEvidence.has(e.id));
      set({
        evidenceByChannel: { ...get().evidenceByChannel, [row.id]: rows },
        checked: new Set([...get().checked, ...fresh.map((e) => e.id)]),
      });
    } catch (e) {
      set({ error: toUiError(e) });
    }
  },
  toggleEvidence(row) {
    const { checked, extra, evidenceByChannel } = get();
    const next = new Set(checked);
    if (next.has(row.id)) next.delete(row.id);
    else next.add(row.id);
    const listed = Object.values(evidenceByChannel).some((rows) => rows?.some((e) => e.id === row.id));
    const keep = listed || extra.some((e) => e.id === row.id) ? extra : [...extra, row];
    set({ checked: next, extra: keep });
  },
  setChannelEvidence(channelId, on) {
    const rows = (get().evidenceByChannel[channelId] ?? []).filter((e) => !get().existingEvidence.has(e.id));
    set({
      checked: on
        ? new Set([...get().checked, ...rows.map((e) => e.id)])
        : without(
            get().checked,
            rows.map((e) => e.id),
          ),
    });
  },
  async searchOther(text) {
    set({ otherText: text });
    try {
      // Without words: the latest evidence, most of which the intake has not linked to a channel.
      const filter = text.trim() ? { text: text.trim() } : {};
      const { rows, total } = await call('evidence.list', { filter, offset: 0, limit: PICKER_LIMIT });
      if (get().otherText === text) set({ otherRows: rows, otherTotal: total, error: null });
    } catch (e) {
      set({ error: toUiError(e) });
    }
  },
}));

registerReset(() => usePickerStore.setState(initialPickerState));
