/**
 * 结果集 (issue 7): results sets — the customers.csv and scenario of a run made elsewhere (the
 * warehouse running `cvalue sql`, `cvalue run --engine duckdb`, another PC's `--out-dir`) —
 * imported as a job, listed, viewed (figures, charts, aggregates, reconciliation, provenance),
 * deleted, and exported as a value workbook through the 导出 page's save-target/deliver flow.
 * The selected set's customers are in result-set-customers-store.ts.
 */
import { create } from 'zustand';
import type { Bilingual, Lang } from '../../../core/model/messages';
import type { ChannelOutput, ResultSetSummaryView, ResultSetView } from '../../../core/service/contract';
import { serviceClient } from '../app/service-client';
import { errorMessage } from '../components/error-message';
import { isCancellation } from './compare-store';
import type { ExportPreset, ExportStatus } from './export-store';
import { useJobsStore } from './jobs-store';

export type ResultImportOutcome = ChannelOutput<'results:import'>;

/** What the import step says besides its outcome. */
export type ImportNotice = 'cancelled' | 'nothingChosen';

interface ResultSetsState {
  /** Newest first. */
  readonly sets: readonly ResultSetSummaryView[];
  readonly loaded: boolean;
  readonly selectedId: number | null;
  /** The selected set's figures; null while it loads. */
  readonly view: ResultSetView | null;
  readonly viewError: Bilingual | null;
  readonly importing: boolean;
  /** The last import's answer: the new set, or the problems that refused it. */
  readonly outcome: ResultImportOutcome | null;
  readonly notice: ImportNotice | null;
  /** Chosen files that are no part of a results set, left out of the last import (web shell). */
  readonly skipped: readonly string[];
  readonly error: Bilingual | null;

  readonly preset: ExportPreset;
  /** The workbook's language as the user chose it; null follows the UI's. */
  readonly exportLang: Lang | null;
  readonly exportStatus: ExportStatus;
  readonly exportJobId: string | null;
  readonly written: ChannelOutput<'results:export'> | null;
  readonly exportError: Bilingual | null;

  /** Reloads the list; keeps the selection while its set exists, else selects the newest set. */
  refresh(): Promise<void>;
  select(id: number | null): Promise<void>;
  /** Asks for a folder (desktop) or files (web shell) and imports them as one job. */
  importSet(name?: string): Promise<void>;
  deleteSet(id: number): Promise<void>;
  clearOutcome(): void;
  setPreset(preset: ExportPreset): void;
  setExportLang(lang: Lang): void;
  /** Writes the selected set's value workbook in `lang` where the user says (desktop: save dialog). */
  exportSelected(lang: Lang): Promise<void>;
  cancelExport(): Promise<void>;
  /** Desktop: shows the workbook in its folder; web shell: downloads it. */
  revealExport(): Promise<void>;
}

/** The workbook's suggested name: the set's name in it, so two sets' reports do not overwrite each other. */
export function resultReportName(set: Pick<ResultSetSummaryView, 'name'>, lang: Lang): string {
  return lang === 'en' ? `result-set ${set.name}.xlsx` : `结果集 ${set.name}.xlsx`;
}

const EXPORT_IDLE = { exportStatus: 'idle', exportJobId: null, written: null, exportError: null } as const;

export const useResultSetsStore = create<ResultSetsState>()((set, get) => {
  async function loadView(id: number): Promise<void> {
    try {
      const view = await serviceClient().invoke('results:view', { id });
      if (get().selectedId === id) set({ view });
    } catch (e) {
      if (get().selectedId === id) set({ viewError: errorMessage(e) });
    }
  }

  return {
    sets: [],
    loaded: false,
    selectedId: null,
    view: null,
    viewError: null,
    importing: false,
    outcome: null,
    notice: null,
    skipped: [],
    error: null,
    preset: 'summary',
    exportLang: null,
    ...EXPORT_IDLE,

    async refresh() {
      let sets: ResultSetSummaryView[];
      try {
        sets = [...(await serviceClient().invoke('results:list', {}))].sort((a, b) => b.id - a.id);
      } catch (e) {
        set({ error: errorMessage(e) });
        return;
      }
      set({ sets, loaded: true });
      const { selectedId } = get();
      if (selectedId === null || !sets.some((s) => s.id === selectedId)) await get().select(sets[0]?.id ?? null);
    },

    async select(id) {
      if (id !== null && id === get().selectedId && get().view !== null) return;
      set({ selectedId: id, view: null, viewError: null, ...EXPORT_IDLE });
      if (id !== null) await loadView(id);
    },

    async importSet(name) {
      if (get().importing) return;
      set({ importing: true, outcome: null, notice: null, skipped: [], error: null });
      try {
        const client = serviceClient();
        const picked = await client.pickResultSet();
        set({ skipped: picked.skipped });
        if (picked.paths.length === 0) {
          // Cancelled, or nothing chosen was part of a results set (then `skipped` says what was).
          if (picked.skipped.length > 0) set({ notice: 'nothingChosen' });
          return;
        }
        const paths = [...picked.paths];
        const outcome = await useJobsStore.getState().track('results:import', (jobId) => client.invoke('results:import', name === undefined ? { jobId, paths } : { jobId, paths, name }));
        set({ outcome });
        if (outcome.status === 'imported') {
          await get().refresh();
          await get().select(outcome.set.id);
        }
      } catch (e) {
        if (isCancellation(e)) set({ notice: 'cancelled' });
        else set({ error: errorMessage(e) });
      } finally {
        set({ importing: false });
      }
    },

    async deleteSet(id) {
      try {
        await serviceClient().invoke('results:delete', { id });
      } catch (e) {
        set({ error: errorMessage(e) });
        return;
      }
      const { outcome } = get();
      if (outcome?.status === 'imported' && outcome.set.id === id) set({ outcome: null });
      await get().refresh();
    },

    clearOutcome() {
      set({ outcome: null, notice: null, skipped: [], error: null });
    },

    setPreset: (preset) => set({ preset }),
    setExportLang: (exportLang) => set({ exportLang }),

    async exportSelected(lang) {
      const { selectedId, view, exportStatus, preset } = get();
      if (selectedId === null || view === null || exportStatus === 'running') return;
      const client = serviceClient();
      let target: string | null;
      try {
        target = await client.pickSaveTarget(resultReportName(view.set, lang), 'xlsx');
      } catch (e) {
        set({ exportStatus: 'error', exportError: errorMessage(e) });
        return;
      }
      if (target === null) return;
      set({ ...EXPORT_IDLE, exportStatus: 'running' });
      try {
        const written = await useJobsStore.getState().track('results:export', (jobId) => {
          set({ exportJobId: jobId });
          return client.invoke('results:export', { jobId, id: selectedId, preset, lang, target });
        });
        if (get().selectedId === selectedId) set({ exportStatus: 'done', written });
      } catch (e) {
        if (get().selectedId !== selectedId) return;
        if (isCancellation(e)) set({ exportStatus: 'cancelled' });
        else set({ exportStatus: 'error', exportError: errorMessage(e) });
      } finally {
        set({ exportJobId: null });
      }
    },

    async cancelExport() {
      const { exportJobId } = get();
      if (exportJobId !== null) await useJobsStore.getState().cancel(exportJobId);
    },

    async revealExport() {
      const { written } = get();
      if (written === null) return;
      try {
        await serviceClient().deliver(written.path);
      } catch (e) {
        set({ exportError: errorMessage(e) });
      }
    },
  };
});
