import { create } from 'zustand';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';
import { dominantPlatform } from './case-helpers';
import { useCasesStore } from './cases-store';
import { usePickerStore } from './picker-store';

export interface NewCaseForm {
  title: string;
  /** '' until chosen: then the platform of the picked channels is proposed */
  platform: string;
  priority: 'urgent' | 'normal';
  legalBasis: string;
  notes: string;
}

interface NewCaseState {
  isOpen: boolean;
  form: NewCaseForm;
  submitting: boolean;
  error: UiError | null;
  show(): void;
  hide(): void;
  setForm(patch: Partial<NewCaseForm>): void;
  submit(): Promise<boolean>;
}

const emptyForm: NewCaseForm = { title: '', platform: '', priority: 'normal', legalBasis: '', notes: '' };

export const initialNewCaseState = { isOpen: false, form: emptyForm, submitting: false, error: null as UiError | null };

/** The platform a new case goes to: what the analyst chose, else what most picked channels are on. */
export function effectivePlatform(form: NewCaseForm, pickedPlatforms: readonly string[]): string {
  return form.platform || dominantPlatform(pickedPlatforms) || '';
}

export const useNewCaseStore = create<NewCaseState>((set, get) => ({
  ...initialNewCaseState,
  show() {
    set({ ...initialNewCaseState, isOpen: true });
    usePickerStore.getState().start();
    void useCasesStore.getState().loadPresets();
  },
  hide() {
    if (!get().submitting) set(initialNewCaseState);
  },
  setForm(patch) {
    set({ form: { ...get().form, ...patch } });
  },
  async submit() {
    const { form } = get();
    const picker = usePickerStore.getState();
    const platform = effectivePlatform(
      form,
      picker.picked.map((c) => c.platform),
    );
    set({ submitting: true, error: null });
    try {
      const detail = await useCasesStore.getState().create({
        title: form.title.trim(),
        platform,
        priority: form.priority,
        legalBasis: form.legalBasis.trim(),
        notes: form.notes.trim(),
        channelIds: picker.picked.map((c) => c.id),
        evidenceIds: [...picker.checked],
      });
      set(initialNewCaseState);
      useCasesStore.getState().open(detail.id);
      return true;
    } catch (e) {
      set({ error: toUiError(e), submitting: false });
      return false;
    }
  },
}));

registerReset(() => useNewCaseStore.setState(initialNewCaseState));
