import { create } from 'zustand';
import type { Result } from '../../../electron/contract';
import { ApiError, call } from '../../api';
import { registerReset } from '../../app/reset-stores';
import { type UiError, toUiError } from '../../components/errors';
import { lastWeeks } from './transparency-helpers';

export type TransparencyReport = Result<'transparency.report'>;
export type ReportFormat = 'csv' | 'pdf';

interface TransparencyState {
  from: string;
  to: string;
  report: TransparencyReport | null;
  loading: boolean;
  error: UiError | null;
  /** the dashboard's card: the last 12 weeks */
  recent: TransparencyReport | null;
  exporting: ReportFormat | null;
  saved: string | null;
  exportError: UiError | null;
  setPeriod(from: string, to: string): void;
  load(): Promise<void>;
  loadRecent(): Promise<void>;
  exportAs(format: ReportFormat, language: 'id' | 'en'): Promise<void>;
}

export const initialTransparencyState = {
  ...lastWeeks(12),
  report: null as TransparencyReport | null,
  loading: false,
  error: null as UiError | null,
  recent: null as TransparencyReport | null,
  exporting: null as ReportFormat | null,
  saved: null as string | null,
  exportError: null as UiError | null,
};

/** The desktop's save dialog; the browser harness has none (undefined: the exports folder is used). */
async function chooseDestination(from: string, to: string, format: ReportFormat): Promise<string | null | undefined> {
  try {
    const defaultName = `jejak-transparansi-${from}_${to}.${format}`;
    return (await call('host.chooseReportPath', { defaultName, format })).path;
  } catch (e) {
    if (e instanceof ApiError && e.code === 'UNAVAILABLE') return undefined;
    throw e;
  }
}

export const useTransparencyStore = create<TransparencyState>((set, get) => ({
  ...initialTransparencyState,
  setPeriod: (from, to) => set({ from, to }),
  async load() {
    const { from, to } = get();
    set({ loading: true, error: null, saved: null, exportError: null });
    try {
      set({ report: await call('transparency.report', { from, to }) });
    } catch (e) {
      set({ report: null, error: toUiError(e) });
    } finally {
      set({ loading: false });
    }
  },
  async loadRecent() {
    try {
      set({ recent: await call('transparency.report', lastWeeks(12)) });
    } catch {
      set({ recent: null });
    }
  },
  async exportAs(format, language) {
    const report = get().report;
    if (!report || get().exporting) return;
    const { from, to } = report.period;
    set({ exporting: format, saved: null, exportError: null });
    try {
      const destination = await chooseDestination(from, to, format);
      // null: the save dialog was closed; nothing happens
      if (destination === null) return;
      const written = await call('transparency.export', { from, to, format, language, destination });
      set({ saved: written.path });
    } catch (e) {
      set({ exportError: toUiError(e) });
    } finally {
      set({ exporting: null });
    }
  },
}));

registerReset(() => useTransparencyStore.setState({ ...initialTransparencyState, ...lastWeeks(12) }));
