import { create } from 'zustand';
import type { Result } from '../../../electron/contract';
import { call } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';
import { useChannelsStore } from './channels-store';
import { useVocabularyStore } from '../catalog/vocabulary-store';
import { MAX_IMPORT_CHARS } from '../../../electron/common/limits';

export type ImportPreview = Result<'channels.previewImport'>;
export type ImportRow = ImportPreview['rows'][number];
export type ImportResult = Result<'channels.commitImport'>;

type Step = 'input' | 'preview' | 'done';

interface ImportState {
  open: boolean;
  step: Step;
  text: string;
  /** for lines that name no category; the vault's last choice is offered first */
  category: string;
  fileName: string | null;
  preview: ImportPreview | null;
  result: ImportResult | null;
  busy: boolean;
  error: UiError | null;
  show(): void;
  hide(): void;
  setText(text: string): void;
  setCategory(category: string): void;
  loadFile(file: File): Promise<void>;
  runPreview(): Promise<void>;
  backToInput(): void;
  commit(): Promise<void>;
}

export const initialImportState = {
  open: false,
  step: 'input' as Step,
  text: '',
  category: '',
  fileName: null as string | null,
  preview: null as ImportPreview | null,
  result: null as ImportResult | null,
  busy: false,
  error: null as UiError | null,
};

function tooLong(text: string): UiError | null {
  return text.length > MAX_IMPORT_CHARS
    ? {
        code: 'INVALID_INPUT',
        message: `At most ${MAX_IMPORT_CHARS} characters at once.`,
        reason: { key: 'import.tooLarge' },
      }
    : null;
}

export const useChannelImportStore = create<ImportState>((set, get) => ({
  ...initialImportState,
  show() {
    set({ ...initialImportState, open: true, category: useVocabularyStore.getState().vocabulary?.lastCategory ?? '' });
  },
  hide() {
    if (!get().busy) set(initialImportState);
  },
  setText(text) {
    set({ text, fileName: null, step: 'input', preview: null, error: null });
  },
  setCategory(category) {
    set({ category, step: 'input', preview: null, error: null });
  },
  async loadFile(file) {
    try {
      const text = await file.text();
      set({ text, fileName: file.name, step: 'input', preview: null, error: tooLong(text) });
    } catch (e) {
      set({ error: toUiError(e) });
    }
  },
  async runPreview() {
    const { text } = get();
    const error = tooLong(text);
    if (error) return set({ error });
    set({ busy: true, error: null });
    try {
      const preview = await call('channels.previewImport', { text, category: get().category });
      if (get().text === text) set({ preview, step: 'preview' });
    } catch (e) {
      set({ error: toUiError(e) });
    } finally {
      set({ busy: false });
    }
  },
  backToInput() {
    set({ step: 'input', preview: null, error: null });
  },
  async commit() {
    const { text, category } = get();
    set({ busy: true, error: null });
    try {
      const result = await call('channels.commitImport', { text, category });
      set({ result, preview: result, step: 'done' });
      useChannelsStore.getState().refresh();
      void useVocabularyStore.getState().load(true);
    } catch (e) {
      // All or nothing: nothing was added, the preview stays for another try.
      set({ error: toUiError(e) });
    } finally {
      set({ busy: false });
    }
  },
}));

registerReset(() => useChannelImportStore.setState(initialImportState));
