import { create } from 'zustand';
import type { Result } from '../../../electron/contract';
import { call } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';
import { fileToBase64 } from '../evidence/base64';

export type UnitResponseImport = Result<'unit.importResponse'>;

interface UnitResponseState {
  importing: string | null;
  result: UnitResponseImport | null;
  error: UiError | null;
  importResponse(file: File): Promise<void>;
}

const initial = { importing: null as string | null, result: null as UnitResponseImport | null, error: null };

/** A platform's response file taken into the unit catalog, for the unit's transparency report. */
export const useUnitResponseStore = create<UnitResponseState>((set, get) => ({
  ...initial,
  async importResponse(file) {
    if (get().importing !== null) return;
    set({ importing: file.name, result: null, error: null });
    try {
      set({ result: await call('unit.importResponse', { name: file.name, dataBase64: await fileToBase64(file) }) });
    } catch (e) {
      set({ error: toUiError(e) });
    } finally {
      set({ importing: null });
    }
  },
}));

registerReset(() => useUnitResponseStore.setState(initial));
