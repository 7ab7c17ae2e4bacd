import { create } from 'zustand';
import type { Result } from '../../../electron/contract';
import { MAX_PACKAGE_UPLOAD_BYTES } from '../../../electron/common/limits';
import { call, grantForFile, newJobId } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';
import { fileToBase64 } from '../evidence/base64';

export type UnitOverview = Result<'unit.overview'>;
export type UnitImportOutcome = Result<'unit.importPath'>;
export type ChannelSource = Result<'unit.channelHistory'>[number];

/** One file dropped or picked: taken in (or already held), or refused with the core's reason. */
export type ImportResult = { fileName: string } & (
  { ok: true; outcome: UnitImportOutcome } | { ok: false; error: UiError }
);

interface UnitState {
  overview: UnitOverview | null;
  loading: boolean;
  error: UiError | null;
  importing: string | null;
  results: ImportResult[];
  over: boolean;
  history: { channelId: number; rows: ChannelSource[] } | null;
  load(): Promise<void>;
  importFiles(files: File[]): Promise<void>;
  showHistory(channelId: number): Promise<void>;
  setOver(over: boolean): void;
}

export const initialUnitState = {
  overview: null as UnitOverview | null,
  loading: false,
  error: null as UiError | null,
  importing: null as string | null,
  results: [] as ImportResult[],
  over: false,
  history: null as UnitState['history'],
};

async function importOne(file: File): Promise<UnitImportOutcome> {
  const jobId = newJobId();
  const path = await grantForFile(file);
  if (path) return call('unit.importPath', { path, jobId });
  if (file.size > MAX_PACKAGE_UPLOAD_BYTES) throw new Error('Packages over 1 GiB must be imported in the desktop app.');
  return call('unit.importBytes', { name: file.name, dataBase64: await fileToBase64(file), jobId });
}

/** The Unit area: the merged catalog's overview, and packages taken in one file after another. */
export const useUnitStore = create<UnitState>((set, get) => ({
  ...initialUnitState,
  async load() {
    set({ loading: true, error: null });
    try {
      set({ overview: await call('unit.overview', {}) });
    } catch (e) {
      set({ error: toUiError(e) });
    } finally {
      set({ loading: false });
    }
  },
  async importFiles(files) {
    if (get().importing !== null) return;
    set({ results: [] });
    for (const file of files) {
      set({ importing: file.name });
      let result: ImportResult;
      try {
        result = { fileName: file.name, ok: true, outcome: await importOne(file) };
      } catch (e) {
        result = { fileName: file.name, ok: false, error: toUiError(e) };
      }
      set({ results: [...get().results, result] });
    }
    set({ importing: null });
    await get().load();
  },
  async showHistory(channelId) {
    if (get().history?.channelId === channelId) return set({ history: null });
    try {
      set({ history: { channelId, rows: await call('unit.channelHistory', { channelId }) } });
    } catch (e) {
      set({ error: toUiError(e) });
    }
  },
  setOver(over) {
    if (get().over !== over) set({ over });
  },
}));

registerReset(() => useUnitStore.setState(initialUnitState));
