/**
 * 导出: the value workbook of the current run (and of a comparison), written as a job with
 * progress and cancel; afterwards the file is handed to the user (desktop: shown in its
 * folder; web shell: downloaded).
 */
import { create } from 'zustand';
import type { Bilingual, Lang } from '../../../core/model/messages';
import type { ChannelOutput } from '../../../core/service/contract';
import { serviceClient } from '../app/service-client';
import { errorMessage } from '../components/error-message';
import { isCancellation } from './compare-store';
import { useJobsStore } from './jobs-store';

export type ExportPreset = 'summary' | 'full';
export type ExportStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export const DEFAULT_REPORT_NAME: Readonly<Record<Lang, string>> = { zh: '客户价值评估报告.xlsx', en: 'customer-value-report.xlsx' };

/** The runs to write: the current run, or a comparison's A with its B. */
export interface ExportRuns {
  readonly runId: string;
  readonly compareRunId?: string;
}

interface ExportState {
  readonly preset: ExportPreset;
  /** The report's language as the user chose it; null follows the UI's. */
  readonly lang: Lang | null;
  readonly target: string | null;
  /** Add the 方案对比 sheet when a comparison exists. */
  readonly includeComparison: boolean;
  readonly status: ExportStatus;
  readonly jobId: string | null;
  readonly written: ChannelOutput<'export:report'> | null;
  readonly error: Bilingual | null;

  setPreset(preset: ExportPreset): void;
  setLang(lang: Lang): void;
  setIncludeComparison(on: boolean): void;
  /** Asks where to write (suggesting the report's name in `lang`); false when the user cancelled the dialog. */
  chooseTarget(lang: Lang): Promise<boolean>;
  /** Writes the workbook in `lang`, asking for a destination first if none was chosen. */
  start(runs: ExportRuns, lang: Lang): Promise<void>;
  cancel(): Promise<void>;
  /** Desktop: shows the file in its folder; web shell: downloads it. */
  reveal(): Promise<void>;
}

export const useExportStore = create<ExportState>()((set, get) => ({
  preset: 'summary',
  lang: null,
  target: null,
  includeComparison: true,
  status: 'idle',
  jobId: null,
  written: null,
  error: null,

  setPreset: (preset) => set({ preset }),
  setLang: (lang) => set({ lang }),
  setIncludeComparison: (includeComparison) => set({ includeComparison }),

  async chooseTarget(lang) {
    try {
      const target = await serviceClient().pickSaveTarget(DEFAULT_REPORT_NAME[lang], 'xlsx');
      if (target === null) return false;
      set({ target, error: null });
      return true;
    } catch (e) {
      set({ error: errorMessage(e) });
      return false;
    }
  },

  async start(runs, lang) {
    if (get().status === 'running') return;
    // The web shell has no save dialog: its target is the default name in the report's language, asked for each time.
    const ask = get().target === null || serviceClient().shell === 'web';
    if (ask && !(await get().chooseTarget(lang))) return;
    const { preset, target } = get();
    if (target === null) return;
    set({ status: 'running', written: null, error: null });
    try {
      const written = await useJobsStore.getState().track('export:report', (jobId) => {
        set({ jobId });
        return serviceClient().invoke('export:report', { jobId, ...runs, preset, lang, target });
      });
      set({ status: 'done', written });
    } catch (e) {
      if (isCancellation(e)) set({ status: 'cancelled' });
      else set({ status: 'error', error: errorMessage(e) });
    } finally {
      set({ jobId: null });
    }
  },

  async cancel() {
    const { jobId } = get();
    if (jobId !== null) await useJobsStore.getState().cancel(jobId);
  },

  async reveal() {
    const { written } = get();
    if (written === null) return;
    try {
      await serviceClient().deliver(written.path);
    } catch (e) {
      set({ error: errorMessage(e) });
    }
  },
}));
